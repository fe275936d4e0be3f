-- Figure families: a finding wherever members of a family disagree. Rounding when every member is the
-- most precise member rounded/truncated to its own printed decimals; warning when only outlet quotes
-- disagree with otherwise agreeing official statements; error otherwise.
with anggota as (
    select *, coalesce(nilai::varchar, lower(trim(teks))) as v
    from intermediate.int_keluarga_angka
),

modus as (
    -- The value most members state; ties go to official sources, then to the smallest value.
    select keluarga, v as v_modus, nilai as nilai_modus
    from (
        select keluarga, v, min(nilai) as nilai, count(*) as n, count(*) filter (where jenis_sumber <> 'kutipan') as n_resmi,
               row_number() over (partition by keluarga order by count(*) filter (where jenis_sumber <> 'kutipan') desc, count(*) desc, min(nilai), v) as rn
        from anggota group by keluarga, v
    ) where rn = 1
),

-- For each member, the value the other members most often state: the value that one edit of this
-- member's cell would restore (used to localise an error together with other checks).
nilai_lain as (
    select a.keluarga, a.source_file, a.source_row, a.kolom, b.v, min(b.nilai) as nilai, count(*) as n
    from anggota a
    join anggota b on b.keluarga = a.keluarga and b.v <> a.v
    where a.source_row is not null
    group by all
),

pemulih as (
    select keluarga, source_file, source_row, kolom, min(nilai) as nilai_pemulih
    from (select *, max(n) over (partition by keluarga, source_file, source_row, kolom) as n_maks from nilai_lain)
    where n = n_maks
    group by all
    having count(distinct v) = 1
),

acuan as (
    -- The most precisely printed member, to judge whether the others are its roundings.
    select distinct on (keluarga) keluarga, nilai as nilai_acuan
    from anggota where nilai is not null
    order by keluarga, coalesce(desimal, 6) desc, jenis_sumber <> 'kutipan' desc, source_file, source_row
),

ringkas as (
    select
        a.keluarga, min(a.kode_wilayah) as kode_wilayah, min(a.tahun) as tahun, min(a.ukuran) as ukuran,
        min(a.kunci_indikator) as kunci_indikator,
        count(*) as n, count(distinct a.v) as n_nilai,
        count(distinct a.v) filter (where a.jenis_sumber <> 'kutipan') as n_nilai_resmi,
        bool_and(a.nilai is not null and kelas_publikasi(a.nilai::varchar, coalesce(a.desimal, 6)::varchar, ac.nilai_acuan::varchar) in ('equal', 'rounding')) as hanya_pembulatan,
        list(anggota_sel(a.sumber, a.nilai, a.teks, a.source_file, a.source_sheet, a.source_row, a.kolom) order by a.jenis_sumber, a.source_file, a.source_row, a.kolom, a.sumber, a.nilai, a.teks) as anggota,
        list(kandidat_sel(a.source_file, a.source_sheet, a.source_row, a.kolom, a.nilai, p.nilai_pemulih) order by a.source_file, a.source_row, a.kolom, a.nilai)
            filter (where p.nilai_pemulih is not null and a.nilai is not null) as kandidat,
        string_agg(distinct coalesce(a.teks, angka_id(a.nilai::varchar)) || ' (' || a.sumber || ')', '; ' order by coalesce(a.teks, angka_id(a.nilai::varchar)) || ' (' || a.sumber || ')') as daftar,
        min(m.nilai_modus) as nilai_modus,
        min(a.nilai) filter (where a.v <> m.v_modus) as nilai_menyimpang
    from anggota a
    join modus m using (keluarga)
    left join acuan ac using (keluarga)
    left join pemulih p on p.keluarga = a.keluarga and p.source_file = a.source_file and p.source_row = a.source_row and p.kolom = a.kolom
    group by a.keluarga
)

select
    kode_wilayah, tahun, 'Keluarga angka: ' || coalesce(l.label, ukuran) as tabel,
    'keluarga:' || keluarga as kunci,
    kunci_indikator, keluarga,
    nilai_modus as nilai_diharapkan, nilai_menyimpang as nilai_aktual,
    n_nilai > 1 as gagal,
    case when hanya_pembulatan then 'rounding'
         when n_nilai_resmi <= 1 then 'warning'
         else 'error' end as keparahan,
    'Angka "' || coalesce(l.label, ukuran) || coalesce(' ' || kunci_indikator, '') || '" untuk wilayah ' || kode_wilayah ||
        ' tahun ' || tahun || ' dinyatakan berbeda di ' || n || ' tempat: ' || daftar || '.' as penjelasan,
    anggota,
    coalesce(kandidat, tanpa_kandidat()) as kandidat
from ringkas
left join config.label_ukuran l using (ukuran)
