-- Grain: one row per region x year x education x sex (L / W): the job-seeker stock and flows.
-- Inputs: staging.stg_ak1_rekap. Provenance: source_file/source_row plus the printed column of each measure.
with rekap as (
    select * from staging.stg_ak1_rekap
),

per_jenis_kelamin as (
    select kode_wilayah, tahun, pendidikan, urutan_pendidikan, 'L' as jenis_kelamin,
           sisa_lalu_l as sisa_lalu, terdaftar_l as terdaftar, penempatan_l as penempatan,
           penghapusan_l as penghapusan, sisa_akhir_l as sisa_akhir,
           source_file, source_row
    from rekap
    union all
    select kode_wilayah, tahun, pendidikan, urutan_pendidikan, 'W',
           sisa_lalu_w, terdaftar_w, penempatan_w, penghapusan_w, sisa_akhir_w,
           source_file, source_row
    from rekap
)

select
    *,
    -- Stock-flow identity: what the year should end with, given how it started and what moved.
    sisa_lalu + terdaftar - penempatan - penghapusan as sisa_akhir_dihitung
from per_jenis_kelamin
