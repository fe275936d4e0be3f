-- Grain: one row per source file the warehouse was built from, with its SHA-256: the notebooks'
-- build stamp lists these.
-- Inputs: staging.stg_sumber_berkas.
with berkas as (
    select * from staging.stg_sumber_berkas
)

select source_file, source_sha256, size_bytes, family from berkas
