-- Grain: one row per printed row of a LKjIP table read with layout lkjip.capaian_iku_rpjmd (region x report year x file).
-- Inputs: raw.lkjip_capaian_iku_rpjmd.
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
-- Merged cells (no, sasaran) are printed once: no_isi, sasaran_isi give every row its value (macro isi).
with source as (
    select * from raw.lkjip_capaian_iku_rpjmd
),

renamed as (
    select
        kode_wilayah,
        tahun,
        tabel_lkjip(source_file) as tabel,
        row_number() over (partition by source_file order by source_row)::integer as urutan,
        no,
        sasaran,
        indikator,
        satuan,
        isi(no, source_file, source_sheet, source_row) as no_isi,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran_isi,
        target,
        target_nilai,
        target_desimal,
        realisasi,
        realisasi_nilai,
        realisasi_desimal,
        capaian,
        capaian_nilai,
        capaian_desimal,
        kriteria,
        kriteria_nilai,
        kriteria_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator, sasaran_isi) as label_baris from renamed
)

select * from labelled
