-- Ratio identities among figures one source states together (same file and source, region, year,
-- period and subject): result = numerator / denominator x factor, per models/config/identitas_rasio.csv
-- (TPT, TKK). A stated ratio that is not the rounding of its stated inputs fails: error for official
-- sources, warning for an outlet's quote. Inputs: intermediate.int_keluarga_angka, config.identitas_rasio.
with anggota as (
    select * from intermediate.int_keluarga_angka where nilai is not null
),

trio as (
    select r.hasil, h.kode_wilayah, h.tahun, h.periode, h.subjek, h.source_file, h.sumber, h.jenis_sumber,
        h.nilai as nilai_hasil, h.teks as teks_hasil, h.desimal, h.source_sheet, h.source_row, h.kolom, h.kunci_indikator,
        p.nilai as nilai_pembilang, p.teks as teks_pembilang, p.source_row as baris_pembilang, p.kolom as kolom_pembilang,
        q.nilai as nilai_penyebut, q.teks as teks_penyebut, q.source_row as baris_penyebut, q.kolom as kolom_penyebut,
        cast(cast(persen(p.nilai::varchar, q.nilai::varchar) as decimal(38,10)) * cast(r.faktor as decimal(18,6)) / 100 as decimal(28,6)) as dihitung
    from config.identitas_rasio r
    join anggota h on h.ukuran = r.hasil
    join anggota p on p.ukuran = r.pembilang and p.kode_wilayah = h.kode_wilayah and p.tahun = h.tahun
        and p.periode is not distinct from h.periode and p.subjek is not distinct from h.subjek
        and p.source_file = h.source_file and p.sumber = h.sumber
    join anggota q on q.ukuran = r.penyebut and q.kode_wilayah = h.kode_wilayah and q.tahun = h.tahun
        and q.periode is not distinct from h.periode and q.subjek is not distinct from h.subjek
        and q.source_file = h.source_file and q.sumber = h.sumber
    where q.nilai <> 0
),

dinilai as (
    select *, kelas_publikasi(nilai_hasil::varchar, coalesce(desimal, 2)::varchar, dihitung::varchar) as kelas from trio
)

select
    kode_wilayah, tahun, 'Identitas rasio: ' || hasil as tabel,
    'rasio:' || hasil || ':' || kode_wilayah || ':' || tahun || ':' || coalesce(periode, '') || ':' || source_file || ':' || sumber || ':' ||
        coalesce(source_row, 0) || ':' || coalesce(baris_pembilang, 0) || ':' || coalesce(baris_penyebut, 0) as kunci,
    kunci_indikator, null as keluarga,
    dihitung as nilai_diharapkan, nilai_hasil as nilai_aktual,
    kelas not in ('equal', 'rounding') as gagal,
    case when jenis_sumber = 'kutipan' then 'warning' else 'error' end as keparahan,
    sumber || ': ' || upper(hasil) || ' ' || angka_id(nilai_hasil::varchar) || ' tidak sama dengan ' ||
        angka_id(nilai_pembilang::varchar) || ' / ' || angka_id(nilai_penyebut::varchar) || ' x 100 = ' ||
        angka_id(round(dihitung, 2)::varchar) || ' dari sumber yang sama.' as penjelasan,
    [
        anggota_sel('hasil', nilai_hasil, teks_hasil, source_file, source_sheet, source_row, kolom),
        anggota_sel('pembilang', nilai_pembilang, teks_pembilang, source_file, source_sheet, baris_pembilang, kolom_pembilang),
        anggota_sel('penyebut', nilai_penyebut, teks_penyebut, source_file, source_sheet, baris_penyebut, kolom_penyebut)
    ] as anggota,
    case when source_row is not null then [kandidat_sel(source_file, source_sheet, source_row, kolom, nilai_hasil, dihitung)]
         else tanpa_kandidat() end as kandidat,
    null as sebab
from dinilai
