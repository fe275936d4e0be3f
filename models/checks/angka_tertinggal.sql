-- Lagged figures: a member of a figure family for year t whose value equals what another source
-- states for the same measure, region, period and subject in year t-1, while the family's other
-- members for t state something else. The figure is probably last year's, printed as this year's.
-- Error for an official statement contradicted by another official one; warning when the figure or
-- the only contrary evidence is an outlet's quote. Inputs: intermediate.int_keluarga_angka.
with anggota as (
    select * from intermediate.int_keluarga_angka where nilai is not null
),

lalu as (
    select distinct kode_wilayah, tahun + 1 as tahun, ukuran, subjek, periode, nilai, source_file
    from anggota
),

kandidat as (
    select a.*,
        -- the value the family's other members state for t (the most often stated, then the smallest)
        (select b.nilai from anggota b
         where b.keluarga = a.keluarga and b.nilai <> a.nilai
         group by b.nilai order by count(*) desc, b.nilai limit 1) as nilai_tahun_ini,
        -- whether an official statement (not an outlet's quote) gives another value for t
        exists (select 1 from anggota b where b.keluarga = a.keluarga and b.nilai <> a.nilai and b.jenis_sumber <> 'kutipan') as bukti_resmi
    from anggota a
    where exists (select 1 from lalu l
                  where l.kode_wilayah = a.kode_wilayah and l.tahun = a.tahun and l.ukuran = a.ukuran
                    and l.subjek is not distinct from a.subjek and l.periode is not distinct from a.periode
                    and l.nilai = a.nilai and l.source_file is distinct from a.source_file)
)

select
    kode_wilayah, tahun, 'Angka tahun lalu: ' || ukuran as tabel,
    'tertinggal:' || keluarga || ':' || source_file || ':' || coalesce(source_row, 0) || ':' || coalesce(kolom, '') as kunci,
    kunci_indikator, keluarga,
    nilai_tahun_ini as nilai_diharapkan, nilai as nilai_aktual,
    nilai_tahun_ini is not null as gagal,
    case when jenis_sumber = 'kutipan' or not bukti_resmi then 'warning' else 'error' end as keparahan,
    sumber || ' menyatakan ' || angka_id(nilai::varchar) || ' untuk tahun ' || tahun ||
        ', nilai yang dinyatakan sumber lain untuk tahun ' || (tahun - 1) ||
        coalesce('; sumber lain untuk tahun ' || tahun || ' menyatakan ' || angka_id(nilai_tahun_ini::varchar), '') ||
        ': kemungkinan angka tahun lalu.' as penjelasan,
    [anggota_sel(sumber, nilai, teks, source_file, source_sheet, source_row, kolom)] as anggota,
    case when nilai_tahun_ini is not null and source_row is not null
         then [kandidat_sel(source_file, source_sheet, source_row, kolom, nilai, nilai_tahun_ini)]
         else tanpa_kandidat() end as kandidat,
    'tertinggal_salah_label' as sebab
from kandidat
