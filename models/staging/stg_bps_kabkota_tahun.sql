-- Grain: one row per BPS table cell: region x year x measure (angkatan kerja, bekerja, TPT), NULL nilai
-- where the table prints "-" or nothing.
-- Inputs: raw.bps_kabkota_tahun (one column per year, tahun_<yyyy>), raw.bps_tabel_ukuran (each file's
-- measure, read off its title at load), raw.source_columns (the printed year header of each cell).
-- Year columns are matched by name pattern, so a table with other years needs no change here.
with source as (
    select * from raw.bps_kabkota_tahun
),

tahunan as (
    select source_file, source_sheet, source_row, source_sha256, kode_wilayah, nama_wilayah, columns('^tahun_[0-9]{4}$')
    from source
),

sel as (
    select * from tahunan unpivot include nulls (nilai for kolom in (columns('^tahun_[0-9]{4}$')))
),

renamed as (
    select
        s.kode_wilayah,
        cast(substr(s.kolom, length('tahun_') + 1) as integer) as tahun,
        u.ukuran,
        s.nama_wilayah,
        s.nilai,
        s.source_file, s.source_sheet, s.source_row, c.source_column, s.source_sha256,
        c.posisi
    from sel s
    -- Only the year columns the file prints (the others are NULL in every row).
    join raw.source_columns c
        on c.source_file = s.source_file and c.source_sheet is not distinct from s.source_sheet
       and c.raw_table = 'bps_kabkota_tahun' and c.kolom = s.kolom
    join raw.bps_tabel_ukuran u on u.source_file = s.source_file
)

select * exclude (posisi) from renamed
order by source_file, source_row, posisi
