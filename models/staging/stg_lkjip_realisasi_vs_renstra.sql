-- Grain: one row per printed row of a LKjIP table read with layout lkjip.realisasi_vs_renstra (region x report year x file).
-- Inputs: raw.lkjip_realisasi_vs_renstra, raw.source_columns (the printed header "... Sampai Tahun <yyyy>":
-- the year the cumulative figures run to is the document's, read from it; else the report year).
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
with source as (
    select * from raw.lkjip_realisasi_vs_renstra
),

tahun_kolom as (
    select source_file, source_sheet,
           max(try_cast(regexp_extract(source_column, '(?i)sampai tahun ([0-9]{4})', 1) as integer)) as tahun_kumulatif
    from raw.source_columns
    where raw_table = 'lkjip_realisasi_vs_renstra' and kolom = 'realisasi_kumulatif'
    group by all
),

renamed as (
    select
        kode_wilayah,
        s.tahun,
        tabel_lkjip(s.source_file) as tabel,
        row_number() over (partition by s.source_file order by source_row)::integer as urutan,
        indikator,
        target_renstra,
        target_renstra_nilai,
        target_renstra_desimal,
        realisasi_kumulatif,
        realisasi_kumulatif_nilai,
        realisasi_kumulatif_desimal,
        capaian_kumulatif,
        capaian_kumulatif_nilai,
        capaian_kumulatif_desimal,
        coalesce(t.tahun_kumulatif, s.tahun) as tahun_kumulatif,
        s.source_file, s.source_sheet, source_row, source_sha256
    from source s
    left join tahun_kolom t on t.source_file = s.source_file and t.source_sheet is not distinct from s.source_sheet
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator) as label_baris from renamed
)

select * from labelled
