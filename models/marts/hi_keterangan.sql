-- Grain: one row per line of the KETERANGAN summary of industrial-relations cases.
-- Inputs: staging.stg_hi_keterangan.
with ket as (
    select * from staging.stg_hi_keterangan
)

select kode_wilayah, tahun, kode_isian, keterangan, jumlah, source_file, source_row
from ket
