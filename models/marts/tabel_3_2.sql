-- Grain: one row per Perjanjian Kinerja indicator (region x year x PK row): LKjIP Tabel 3.2 regenerated,
-- "Capaian Kinerja Dinas Transmigrasi dan Tenaga Kerja", with target from the signed PK, realisasi
-- recomputed where a source exists, exact capaian under the declared direction, and the criterion.
-- Inputs: intermediate.int_perjanjian_kinerja, marts.capaian_indikator.
with pk as (
    select * from intermediate.int_perjanjian_kinerja
),

capaian as (
    select * from marts.capaian_indikator
)

select
    pk.kode_wilayah,
    pk.tahun,
    pk.urutan,
    pk.sasaran,
    pk.indikator,
    pk.satuan,
    pk.target_teks,
    c.target,
    c.realisasi,
    c.sumber_realisasi,
    c.arah,
    c.capaian,
    c.capaian_tampil,
    c.kriteria,
    pk.source_file,
    pk.source_row
from pk
left join capaian c
    on c.kode_wilayah = pk.kode_wilayah and c.tahun = pk.tahun
   and c.kunci_indikator = coalesce(pk.kode_iku, 'pk' || lpad(pk.urutan::varchar, 2, '0'))
