-- Grain: one row per Dinas IKU listed for Tabel 3.17 (region x year x IKU): "Target dan Capaian Indikator
-- Kinerja Utama" regenerated from recomputed realisasi.
-- Inputs: marts.capaian_indikator, intermediate.int_perjanjian_kinerja, config.susunan_tabel.
with capaian as (
    select * from marts.capaian_indikator
),

susunan as (
    select kode_iku, cast(urutan as integer) as urutan from config.susunan_tabel where tabel = 'tabel_3_17'
)

select
    c.kode_wilayah,
    c.tahun,
    s.urutan,
    c.kunci_indikator as kode_iku,
    c.sasaran,
    c.indikator,
    c.satuan,
    c.target,
    c.realisasi,
    c.sumber_realisasi,
    c.capaian,
    c.capaian_tampil,
    c.kriteria
from capaian c
join susunan s on s.kode_iku = c.kunci_indikator
where c.target is not null
