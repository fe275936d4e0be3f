-- Grain: one row per line of the HI data sheet (section titles have butir NULL).
-- Inputs: raw.hi_data_sheet.
with source as (
    select * from raw.hi_data_sheet
),

renamed as (
    select
        kode_wilayah,
        tahun,
        bagian,
        butir,
        bagian_judul,
        uraian,
        nilai,
        satuan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
