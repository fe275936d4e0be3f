-- A dash or a blank where another source states a value for the same measure, region, year, period
-- and subject: the cell hides a figure the reader needs (or claims "nil" where others give a value).
-- Warning: the figure is missing, not contradicted. Inputs: intermediate.int_keluarga_angka.
with kosong as (
    select * from intermediate.int_keluarga_angka
    where nilai is null and (teks is null or regexp_full_match(trim(teks), '(rp\.?\s*)?[-–—]?\s*', 'i'))
),

berisi as (
    select keluarga, min(nilai) as nilai, count(distinct nilai) as n_nilai,
        string_agg(distinct sumber, ', ' order by sumber) as sumber_lain
    from intermediate.int_keluarga_angka where nilai is not null
    group by keluarga
)

select
    k.kode_wilayah, k.tahun, 'Sel kosong: ' || k.ukuran as tabel,
    'kosong:' || k.keluarga || ':' || k.source_file || ':' || coalesce(k.source_row, 0) || ':' || coalesce(k.kolom, '') as kunci,
    k.kunci_indikator, k.keluarga,
    case when b.n_nilai = 1 then b.nilai end as nilai_diharapkan, null::decimal(28,6) as nilai_aktual,
    b.keluarga is not null as gagal,
    'warning' as keparahan,
    k.sumber || ' mencetak "' || coalesce(trim(k.teks), '') || '" (tanpa angka), sedangkan ' || coalesce(b.sumber_lain, '-') ||
        ' menyatakan ' || coalesce(angka_id(b.nilai::varchar), '-') || ' untuk ukuran, wilayah dan tahun yang sama.' as penjelasan,
    [anggota_sel(k.sumber, null, k.teks, k.source_file, k.source_sheet, k.source_row, k.kolom)] as anggota,
    case when b.n_nilai = 1 and k.source_row is not null
         then [kandidat_sel(k.source_file, k.source_sheet, k.source_row, k.kolom, null, b.nilai)] else tanpa_kandidat() end as kandidat,
    'sel_salah' as sebab
from kosong k
left join berisi b using (keluarga)
