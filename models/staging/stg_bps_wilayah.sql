-- Grain: one row per region in the BPS region master (sources/bps/*wilayah*), the province included.
-- Inputs: raw.bps_wilayah.
with source as (
    select * from raw.bps_wilayah
),

renamed as (
    select
        kode_bps as kode_wilayah,
        nama_wilayah,
        alias,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
