-- Grain: one row per kecamatan in the disputes-by-kecamatan table.
-- Inputs: staging.stg_hi_per_kecamatan.
with kec as (
    select * from staging.stg_hi_per_kecamatan
)

select kode_wilayah, tahun, no, kecamatan, kasus, karyawan, karyawan_l, karyawan_p, source_file, source_row
from kec
