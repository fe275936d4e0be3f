-- Grain: one row per region x year x indicator: target, realisasi, capaian (exact and displayed) and
-- the Permendagri 86/2017 criterion, with what each figure rests on. What planners and Bappeda read.
-- Inputs: intermediate.int_capaian_indikator, config.skala_kinerja.
with capaian as (
    select * from intermediate.int_capaian_indikator
),

dinilai as (
    select
        c.*,
        cast(tampilkan(c.capaian::varchar, 'bulat_2', 'false') as decimal(18,2)) as capaian_tampil,
        kriteria(c.capaian::varchar) as kriteria,
        kriteria_warna(c.capaian::varchar) as warna_kriteria
    from capaian c
)

select
    kode_wilayah, tahun, kunci_indikator, urutan_pk, sasaran, indikator, satuan, arah, sumber_arah, rentang_target,
    target, target_teks, sumber_target, realisasi, sumber_realisasi, status_realisasi, realisasi_dihitung, realisasi_klaim,
    capaian, capaian_tampil, kriteria, warna_kriteria,
    target_source_file, target_source_row, realisasi_klaim_source_file, realisasi_klaim_source_row
from dinilai
