-- Published realisasi, capaian, criteria and results against the recomputed values
-- (marts.published_vs_recomputed): `differs` is an error, `rounding` a rounding finding.
with klaim as (
    select * from marts.published_vs_recomputed
    where ukuran <> 'target' and kelas <> 'not_recomputable'
)

select
    kode_wilayah, tahun,
    case when tabel = 'narasi' then 'LKjIP narasi' else 'LKjIP Tabel ' || tabel end as tabel,
    'klaim:' || source_file || ':' || source_row || ':' || kolom as kunci,
    kunci_indikator, null as keluarga,
    nilai_dihitung as nilai_diharapkan, nilai_terbit as nilai_aktual,
    kelas in ('differs', 'rounding') as gagal,
    case kelas when 'rounding' then 'rounding' else 'error' end as keparahan,
    case when tabel = 'narasi' then 'Narasi' else 'Tabel ' || tabel end || ', "' || label_baris || '": ' || ukuran ||
        ' tercetak ' || nilai_terbit_teks || ', hasil hitung ulang ' ||
        coalesce(case when nilai_dihitung is not null then angka_id(round(nilai_dihitung, 2)::varchar) end, nilai_dihitung_teks) ||
        ' (' || coalesce(dasar_perhitungan, '-') || ')' ||
        case kelas when 'rounding' then ': beda hanya karena pembulatan/pemotongan atau batas 100%.' else '.' end as penjelasan,
    [
        anggota_sel('tercetak', nilai_terbit, nilai_terbit_teks, source_file, source_sheet, source_row, kolom),
        anggota_sel('dihitung_ulang', nilai_dihitung, nilai_dihitung_teks, null, null, null, null)
    ] as anggota,
    [kandidat_sel(source_file, source_sheet, source_row, kolom, nilai_terbit, nilai_dihitung)] as kandidat
from klaim
