-- Grain: one row per region x year x IKU with its supporting program: LKjIP Tabel 3.21 "Capaian Kinerja
-- Program Penunjang Keberhasilan ataupun Kegagalan Pencapaian Kinerja Sasaran Strategis", regenerated.
-- Inputs: marts.capaian_indikator, intermediate.int_anggaran_program, config.program_iku.
-- Analisis: "Berhasil" when the recomputed capaian rates Sangat Tinggi or Tinggi (Permendagri 86/2017),
-- "Belum Berhasil" otherwise: the report states no rule, and this one follows its own scale.
with capaian as (
    select * from marts.capaian_indikator
),

program as (
    select * from intermediate.int_anggaran_program
),

program_iku as (
    select * from config.program_iku
),

baris as (
    select
        c.kode_wilayah,
        c.tahun,
        c.kunci_indikator as kode_iku,
        c.sasaran,
        c.indikator,
        pi.kode_program,
        p.program,
        c.target,
        c.realisasi,
        c.sumber_realisasi,
        c.capaian,
        c.capaian_tampil,
        c.kriteria,
        case when c.kriteria in ('Sangat Tinggi', 'Tinggi') then 'Berhasil'
             when c.kriteria is not null then 'Belum Berhasil' end as analisis
    from capaian c
    join program_iku pi on pi.kode_iku = c.kunci_indikator
    left join program p on p.kode_wilayah = c.kode_wilayah and p.tahun = c.tahun and p.kode_program = pi.kode_program
    where c.target is not null
)

select
    *,
    row_number() over (partition by kode_wilayah, tahun order by kode_program, kode_iku) as urutan
from baris
