-- Grain: one row per figure quoted by BPS or another outlet (region x year x measure x source).
-- Inputs: raw.bps_published_figures.
with source as (
    select * from raw.bps_published_figures
),

renamed as (
    select
        kode_wilayah,
        tahun,
        ukuran,
        periode,
        nama_wilayah,
        nilai,
        satuan,
        url_sumber,
        kutipan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
