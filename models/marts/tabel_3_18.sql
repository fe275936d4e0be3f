-- Grain: one row per region x year x IKU listed for Tabel 3.18: this year's target, realisasi and capaian
-- next to the previous year's (year over year). Each year's realisasi states what it rests on.
-- Inputs: marts.capaian_indikator, config.susunan_tabel.
with capaian as (
    select * from marts.capaian_indikator
),

susunan as (
    select kode_iku, cast(urutan as integer) as urutan from config.susunan_tabel where tabel = 'tabel_3_18'
),

tahun_ini as (
    select c.*, s.urutan from capaian c join susunan s on s.kode_iku = c.kunci_indikator
)

select
    t.kode_wilayah,
    t.tahun,
    t.urutan,
    t.kunci_indikator as kode_iku,
    t.sasaran,
    t.indikator,
    t.satuan,
    l.target as target_lalu,
    l.realisasi as realisasi_lalu,
    l.sumber_realisasi as sumber_realisasi_lalu,
    l.capaian as capaian_lalu,
    l.capaian_tampil as capaian_lalu_tampil,
    t.target,
    t.realisasi,
    t.sumber_realisasi,
    t.capaian,
    t.capaian_tampil,
    t.realisasi - l.realisasi as perubahan_realisasi
from tahun_ini t
left join capaian l
    on l.kode_wilayah = t.kode_wilayah and l.kunci_indikator = t.kunci_indikator and l.tahun = t.tahun - 1
where t.target is not null
