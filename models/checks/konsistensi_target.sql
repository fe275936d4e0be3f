-- Targets printed in the report's tables and in the Renstra matrix against the signed Perjanjian Kinerja.
with klaim_target as (
    select * from marts.published_vs_recomputed where ukuran = 'target' and kelas <> 'not_recomputable'
),

target as (
    select * from intermediate.int_target_indikator
),

pk_vs_renstra as (
    select p.kode_wilayah, p.tahun, p.kunci_indikator, p.indikator, p.target as target_pk, r.target as target_renstra,
           p.source_file as pk_file, p.source_row as pk_row, r.source_file as renstra_file, r.source_row as renstra_row
    from target p
    join target r on r.kode_wilayah = p.kode_wilayah and r.tahun = p.tahun and r.kunci_indikator = p.kunci_indikator
    where p.sumber_target = 'perjanjian_kinerja' and r.sumber_target = 'renstra'
)

select
    kode_wilayah, tahun,
    case when tabel = 'narasi' then 'LKjIP narasi' else 'LKjIP Tabel ' || tabel end as tabel,
    'target:' || source_file || ':' || source_row || ':' || kolom as kunci,
    kunci_indikator, null as keluarga,
    nilai_dihitung as nilai_diharapkan, nilai_terbit as nilai_aktual,
    kelas in ('differs', 'rounding') as gagal,
    case kelas when 'rounding' then 'rounding' else 'error' end as keparahan,
    case when tabel = 'narasi' then 'Narasi' else 'Tabel ' || tabel end || ', "' || label_baris || '": target tercetak ' ||
        nilai_terbit_teks || ', sedangkan ' || coalesce(dasar_perhitungan, 'Perjanjian Kinerja') || ' menetapkan ' ||
        angka_id(nilai_dihitung::varchar) || '.' as penjelasan,
    [anggota_sel('target_tercetak', nilai_terbit, nilai_terbit_teks, source_file, source_sheet, source_row, kolom)] as anggota,
    [kandidat_sel(source_file, source_sheet, source_row, kolom, nilai_terbit, nilai_dihitung)] as kandidat
from klaim_target
union all
select
    kode_wilayah, tahun, 'Perjanjian Kinerja vs Renstra',
    'target_renstra:' || kunci_indikator || ':' || kode_wilayah || ':' || tahun,
    kunci_indikator, null,
    target_pk, target_renstra,
    target_pk is distinct from target_renstra,
    'error',
    'Target "' || indikator || '" tahun ' || tahun || ': Perjanjian Kinerja ' || angka_id(target_pk::varchar) ||
        ', matriks Renstra ' || angka_id(target_renstra::varchar) || '.',
    [anggota_sel('target_pk', target_pk, null, pk_file, null, pk_row, 'target'),
     anggota_sel('target_renstra', target_renstra, null, renstra_file, null, renstra_row, 'target_' || tahun)],
    tanpa_kandidat()
from pk_vs_renstra
