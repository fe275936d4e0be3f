-- Grain: one row per source file loaded by the build, with its SHA-256 (the build stamp's inputs), its
-- layout, the region and year its catalogue row gives, and how many data rows it held.
-- Inputs: raw.source_files.
with source as (
    select * from raw.source_files
)

select source_file, source_sha256, size_bytes, family, layout, kode_wilayah, tahun, data_rows from source
