-- Grain: one row per minimum-wage figure quoted by an outlet (region x year x wage kind x source).
-- Inputs: raw.bps_published_wages.
with source as (
    select * from raw.bps_published_wages
),

renamed as (
    select
        kode_wilayah,
        tahun,
        jenis_upah,
        nama_wilayah,
        nilai_rupiah,
        url_sumber,
        kutipan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
