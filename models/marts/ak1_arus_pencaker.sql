-- Grain: one row per region x year x education x sex: the AK-I job-seeker stock and flows.
-- Inputs: intermediate.int_ak1_arus_pencaker.
with arus as (
    select * from intermediate.int_ak1_arus_pencaker
)

select kode_wilayah, tahun, pendidikan, urutan_pendidikan, jenis_kelamin,
       sisa_lalu, terdaftar, penempatan, penghapusan, sisa_akhir, sisa_akhir_dihitung, source_file, source_row
from arus
