-- Grain: one row per line of the HI KETERANGAN summary (form field A-F) per region and year.
-- Inputs: raw.hi_keterangan.
with source as (
    select * from raw.hi_keterangan
),

renamed as (
    select
        kode_wilayah,
        tahun,
        kode as kode_isian,
        keterangan,
        jumlah,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
