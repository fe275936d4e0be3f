-- Grain: one row per printed row of a LKjIP table read with layout lkjip.perbandingan_realisasi (region x report year x file).
-- Inputs: raw.lkjip_perbandingan_realisasi.
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
-- Merged cells (sasaran) are printed once: sasaran_isi give every row its value (macro isi).
with source as (
    select * from raw.lkjip_perbandingan_realisasi
),

renamed as (
    select
        kode_wilayah,
        tahun,
        tabel_lkjip(source_file) as tabel,
        row_number() over (partition by source_file order by source_row)::integer as urutan,
        sasaran,
        indikator,
        satuan,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran_isi,
        target_2023,
        target_2023_nilai,
        target_2023_desimal,
        realisasi_2023,
        realisasi_2023_nilai,
        realisasi_2023_desimal,
        capaian_2023,
        capaian_2023_nilai,
        capaian_2023_desimal,
        target_2024,
        target_2024_nilai,
        target_2024_desimal,
        realisasi_2024,
        realisasi_2024_nilai,
        realisasi_2024_desimal,
        capaian_2024,
        capaian_2024_nilai,
        capaian_2024_desimal,
        keterangan,
        keterangan_nilai,
        keterangan_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator, sasaran_isi) as label_baris from renamed
)

select * from labelled
