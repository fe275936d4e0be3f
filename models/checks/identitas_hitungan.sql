-- Headcount and unit identities across tables: a count of persons or cases that several tables state,
-- each over its own breakdown, must be the same count. Statements of a count (region x year x measure x
-- subject, in one unit: the measure names its unit) are
--   * every printed figure of it (intermediate.int_keluarga_angka: the data sheet's lines, the
--     KETERANGAN fields, printed totals, the narrative),
--   * the sum of one table's breakdown of it (intermediate.int_hitungan_lintas: staff by golongan, by
--     eselon, by sex, by education; disputes by sector, by type, by kecamatan), and a budget line's
--     volume counted in persons (the payroll line's "Orang/Bulan"),
--   * the sum of the parts one sheet states of it (config.identitas_hitungan: cases received = by type
--     = by outcome = settled + in process). Parts stated together in one sheet split one population, so
--     a sheet's parts are read as the widest identity whose every part it states.
-- Each breakdown sum and volume is compared with the count the other tables state most often. A
-- breakdown that differs is an error (the same persons or cases counted twice give two totals); a
-- budget volume that differs is a warning (a payroll volume counts the persons paid in a month).
-- Printed figures of one count that disagree are the family check's; nothing here repeats them.
-- Inputs: intermediate.int_keluarga_angka, intermediate.int_hitungan_lintas, raw.source_files,
-- config.identitas_hitungan, config.label_ukuran.
with anggota as (
    select * from intermediate.int_keluarga_angka where nilai is not null
),

identitas as (
    select ukuran, dimensi, string_split(bagian, '+') as bagian, keterangan from config.identitas_hitungan
),

-- what each sheet prints, one value per measure (a measure stated twice with two values is the family's;
-- a sum the sheet does not print is not one of its parts)
per_berkas as (
    select kode_wilayah, tahun, source_file, ukuran, any_value(nilai) as nilai,
        any_value(struct_pack(source_file := source_file, source_sheet := source_sheet, source_row := source_row, kolom := kolom, nilai := nilai)) as sel
    from anggota
    where subjek = '' and source_row is not null
    group by all
    having count(distinct nilai) = 1
),

berlaku as (
    select b.kode_wilayah, b.tahun, b.source_file, i.ukuran, i.dimensi, i.bagian, i.keterangan
    from (select kode_wilayah, tahun, source_file, list(ukuran) as ada from per_berkas group by all) b
    join identitas i on list_has_all(b.ada, i.bagian)
),

terluas as (
    select x.* from berlaku x
    where not exists (
        select 1 from berlaku y
        where y.kode_wilayah = x.kode_wilayah and y.tahun = x.tahun and y.source_file = x.source_file
          and len(y.bagian) > len(x.bagian) and list_has_all(y.bagian, x.bagian)
    )
),

dari_identitas as (
    select t.kode_wilayah, t.tahun, t.ukuran, '' as subjek, t.dimensi, sum(p.nilai) as nilai, t.source_file,
        null::varchar as satuan_tercetak, t.keterangan, list(p.sel order by p.sel.source_row, p.sel.kolom) as bagian
    from terluas t
    join per_berkas p on p.kode_wilayah = t.kode_wilayah and p.tahun = t.tahun and p.source_file = t.source_file and list_contains(t.bagian, p.ukuran)
    group by all
),

pernyataan as (
    select kode_wilayah, tahun, ukuran, subjek, dimensi, nilai, source_file, satuan_tercetak, keterangan, bagian from intermediate.int_hitungan_lintas
    union all by name
    select * from dari_identitas
),

-- every statement of a count that some table also gives as a sum of its breakdown
semua as (
    select kode_wilayah, tahun, ukuran, subjek, 'angka tercetak' as dimensi, nilai, source_file, false as turunan,
        null::varchar as satuan_tercetak, null::varchar as keterangan,
        [struct_pack(source_file := source_file, source_sheet := source_sheet, source_row := source_row, kolom := kolom, nilai := nilai)] as bagian
    from anggota
    union all
    select kode_wilayah, tahun, ukuran, subjek, dimensi, nilai, source_file, true, satuan_tercetak, keterangan, bagian from pernyataan
),

hitungan as (
    select * from semua s
    where exists (select 1 from pernyataan p where p.kode_wilayah = s.kode_wilayah and p.tahun = s.tahun and p.ukuran = s.ukuran and p.subjek = s.subjek)
),

-- the value most statements give; several values equally often: none is preferred
suara as (
    select *, n = max(n) over (partition by kode_wilayah, tahun, ukuran, subjek) as teratas
    from (select kode_wilayah, tahun, ukuran, subjek, nilai, count(*) as n from hitungan group by kode_wilayah, tahun, ukuran, subjek, nilai)
),

unggul as (
    select kode_wilayah, tahun, ukuran, subjek, list(nilai order by nilai) filter (where teratas) as nilai_teratas
    from suara group by all
),

-- the document a user holds (the narrative is cited as one document, not by every section it spans)
dokumen as (
    select source_file,
        case when starts_with(layout, 'lkjip.narasi') and coalesce(rujukan, '') like '%,%' then split_part(rujukan, ',', 1) || ', narasi'
             else coalesce(rujukan, judul, source_file) end as rujukan
    from raw.source_files
),

dinilai as (
    select h.*, u.nilai_teratas, coalesce(dk.rujukan, h.source_file) as rujukan,
        h.turunan and (len(u.nilai_teratas) > 1 or h.nilai <> u.nilai_teratas[1]) as menyimpang
    from hitungan h join unggul u using (kode_wilayah, tahun, ukuran, subjek)
    left join dokumen dk on dk.source_file = h.source_file
),

per_hitungan as (
    select kode_wilayah, tahun, ukuran, subjek, any_value(nilai_teratas) as nilai_teratas,
        count(*) as jumlah_pernyataan,
        bool_or(menyimpang) as gagal,
        bool_and(dimensi = 'volume anggaran') filter (where menyimpang) as hanya_volume,
        string_agg(angka_id(nilai::varchar) || ' menurut ' || dimensi || ' (' || rujukan || ')', '; ' order by turunan, dimensi, source_file) as rincian,
        list(struct_pack(nilai := nilai, bagian := bagian, dimensi := dimensi) order by dimensi, source_file) filter (where menyimpang) as salah,
        list(struct_pack(nilai := nilai, bagian := bagian, dimensi := dimensi) order by dimensi, source_file) filter (where turunan) as turunan,
        any_value(satuan_tercetak) filter (where dimensi = 'volume anggaran') as satuan_volume,
        any_value(keterangan) filter (where dimensi = 'volume anggaran') as keterangan_volume
    from dinilai
    group by kode_wilayah, tahun, ukuran, subjek
    having count(*) >= 2
),

sel_salah as (
    select p.kode_wilayah, p.tahun, p.ukuran, p.subjek, b.source_file, b.source_sheet, b.source_row, b.kolom, b.nilai,
        b.nilai + w.nilai_lain - s.nilai as pemulih
    from per_hitungan p, unnest(p.salah) as u(s), unnest(s.bagian) as v(b), unnest(p.nilai_teratas) as w(nilai_lain)
    where w.nilai_lain <> s.nilai and b.source_row is not null
)

select
    p.kode_wilayah, p.tahun, 'Identitas hitungan: ' || p.ukuran as tabel,
    'hitungan:' || p.ukuran || ':' || p.kode_wilayah || ':' || p.tahun || ':' || p.subjek as kunci,
    null as kunci_indikator, null as keluarga,
    case when len(p.nilai_teratas) = 1 then p.nilai_teratas[1] end as nilai_diharapkan,
    coalesce(p.salah[1].nilai, p.turunan[1].nilai) as nilai_aktual,
    p.gagal,
    case when p.hanya_volume then 'warning' else 'error' end as keparahan,
    '"' || coalesce(l.label, p.ukuran) || '"' || coalesce(' (' || nullif(p.subjek, '') || ')', '') || ' dinyatakan ' || p.jumlah_pernyataan ||
        ' kali, dihitung menurut rincian yang berbeda: ' || p.rincian || '. ' ||
        case
            when p.hanya_volume then 'Volume belanja (' || coalesce(p.satuan_volume, 'orang') || ') menghitung orang yang dibayar per bulan: periksa apakah selisihnya pegawai yang masuk atau keluar dalam tahun itu, lalu koreksi volume atau tabel kepegawaian' ||
                coalesce(' (' || p.keterangan_volume || ')', '') || '.'
            when len(p.nilai_teratas) > 1 then 'Tidak ada nilai yang dinyatakan lebih sering: orang atau kasus yang sama memberi jumlah yang berbeda.'
            else 'Orang atau kasus yang sama memberi jumlah yang berbeda; nilai yang paling sering dinyatakan ' || angka_id(p.nilai_teratas[1]::varchar) || '.'
        end as penjelasan,
    list_transform(flatten(list_transform(coalesce(p.salah, p.turunan), s -> s.bagian)),
                   b -> anggota_sel('bagian', b.nilai, null, b.source_file, b.source_sheet, b.source_row, b.kolom)) as anggota,
    coalesce((select list(kandidat_sel(k.source_file, k.source_sheet, k.source_row, k.kolom, k.nilai, k.pemulih) order by k.source_file, k.source_row, k.kolom, k.pemulih)
              from sel_salah k where k.kode_wilayah = p.kode_wilayah and k.tahun = p.tahun and k.ukuran = p.ukuran and k.subjek = p.subjek),
             tanpa_kandidat()) as kandidat
from per_hitungan p
left join config.label_ukuran l on l.ukuran = p.ukuran
