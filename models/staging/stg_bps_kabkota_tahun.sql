-- Grain: one row per BPS table cell: region x year x measure (angkatan kerja, bekerja, TPT).
-- Inputs: raw.bps_kabkota_tahun_long (the unpivoted BPS download tables).
with source as (
    select * from raw.bps_kabkota_tahun_long
),

renamed as (
    select
        kode_wilayah,
        tahun,
        ukuran,
        nama_wilayah,
        nilai,
        source_file, source_sheet, source_row, source_column, source_sha256
    from source
)

select * from renamed
