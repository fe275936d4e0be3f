-- Unit and scale anomalies: capaian far outside a plausible range (below 0 or above 300%), target and
-- realisasi an order of magnitude apart, and Lampiran C targets and achievements in different units.
with capaian as (
    select * from marts.capaian_indikator where capaian is not null
),

satuan as (
    select * from staging.stg_budget_lampiran_c
    where tingkat = 'sub_kegiatan' and target_satuan is not null and capaian_satuan is not null
)

select
    kode_wilayah, tahun, 'Capaian indikator' as tabel,
    'skala:' || kode_wilayah || ':' || tahun || ':' || kunci_indikator as kunci,
    kunci_indikator, null as keluarga,
    target as nilai_diharapkan, realisasi as nilai_aktual,
    capaian < 0 or capaian > 300
        or cast(persen(realisasi::varchar, target::varchar) as decimal(28,6)) >= 1000
        or cast(persen(realisasi::varchar, target::varchar) as decimal(28,6)) <= 10 as gagal,
    'warning' as keparahan,
    '"' || indikator || '": target ' || coalesce(target_teks, angka_id(target::varchar)) || ', realisasi ' || angka_id(realisasi::varchar) ||
        ', capaian ' || angka_id(round(capaian, 2)::varchar) || '%: target dan realisasi tampaknya tidak pada satuan atau skala yang sama.' as penjelasan,
    [anggota_sel('target', target, target_teks, target_source_file, null, target_source_row, 'target'),
     anggota_sel('realisasi', realisasi, null, realisasi_klaim_source_file, null, realisasi_klaim_source_row, 'realisasi')] as anggota,
    tanpa_kandidat() as kandidat
from capaian
union all
select
    kode_wilayah, tahun, source_file,
    'satuan:' || source_file || ':' || source_row,
    null, null,
    target, capaian,
    lower(target_satuan) <> lower(capaian_satuan),
    'warning',
    'Sub kegiatan "' || uraian || '": target dalam "' || target_satuan || '", capaian dalam "' || capaian_satuan || '".',
    [anggota_sel('target', target, target_satuan, source_file, source_sheet, source_row, 'target'),
     anggota_sel('capaian', capaian, capaian_satuan, source_file, source_sheet, source_row, 'capaian')],
    tanpa_kandidat()
from satuan
