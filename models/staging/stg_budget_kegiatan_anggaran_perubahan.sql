-- Grain: one row per program of the post-APBD-P budget list (LKjIP Lampiran B, Kegiatan dan
-- Anggaran Perubahan), per region x year; the "JUMLAH ANGGARAN" row is in raw.stated_totals.
-- Inputs: raw.budget_kegiatan_anggaran_perubahan.
with source as (
    select * from raw.budget_kegiatan_anggaran_perubahan
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no as no_tercetak,
        program,
        anggaran,
        -- 'APBD-P' (changed by the revised budget) or 'APBD' (unchanged), as printed.
        keterangan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
