-- Grain: one row per printed row of a LKjIP table read with layout lkjip.realisasi_vs_renstra (region x report year x file).
-- Inputs: raw.lkjip_realisasi_vs_renstra.
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
with source as (
    select * from raw.lkjip_realisasi_vs_renstra
),

renamed as (
    select
        kode_wilayah,
        tahun,
        tabel_lkjip(source_file) as tabel,
        row_number() over (partition by source_file order by source_row)::integer as urutan,
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
        source_file, source_sheet, source_row, source_sha256
    from source
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator) as label_baris from renamed
)

select * from labelled
