-- Grain: one row per source file loaded by the build, with its SHA-256 (the build stamp's inputs).
-- Inputs: raw.source_files.
with source as (
    select * from raw.source_files
)

select source_file, source_sha256, size_bytes, family from source
