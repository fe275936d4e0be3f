-- Grain: one row per kecamatan in the HI disputes-by-district table (printed total row excluded).
-- Inputs: raw.hi_per_kecamatan.
with source as (
    select * from raw.hi_per_kecamatan
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        kecamatan,
        kasus,
        karyawan,
        l as karyawan_l,
        p as karyawan_p,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
