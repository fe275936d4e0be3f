-- Measure variants: a figure labelled as a variant of a measure ("usulan", sectoral, "as stated", rounded
-- in the source, a simulation: config.varian_ukuran) is grouped with its measure's figure family, with
-- its note, instead of being another measure or a conflicting member of the family. One item per variant
-- whose family states a value (the value most members state). A variant whose class says it should equal
-- the measure ("as stated", rounded) fails when it is neither that value nor its rounding: at most a
-- warning, since its own source flags it. A proposal, a sectoral or a simulated figure is expected to
-- differ: it is listed with its difference and never fails.
-- Inputs: intermediate.int_varian_ukuran, intermediate.int_keluarga_angka, staging.stg_bps_wilayah, config.label_ukuran.
with varian as (
    select * from intermediate.int_varian_ukuran where nilai is not null
),

ukuran as (
    select keluarga, nilai, count(*) as n from intermediate.int_keluarga_angka where nilai is not null group by all
),

-- the family's value: the one most members state (the more precise one on a tie)
nilai_ukuran as (
    select distinct on (keluarga) keluarga, nilai, n from ukuran order by keluarga, n desc, (nilai <> round(nilai)) desc, nilai
),

-- the members that state the family's value: the value the source hierarchy supports is read from them
pendukung as (
    select a.keluarga, list(anggota_sel('ukuran', a.nilai, a.teks, a.source_file, a.source_sheet, a.source_row, a.kolom)
                            order by a.source_file, a.source_row) as sel
    from intermediate.int_keluarga_angka a join nilai_ukuran u on u.keluarga = a.keluarga and u.nilai = a.nilai
    group by a.keluarga
),

dinilai as (
    select v.*, u.nilai as nilai_keluarga, u.n as jumlah_anggota, p.sel as sel_ukuran,
        kelas_publikasi(v.nilai::varchar, v.desimal::varchar, u.nilai::varchar) as kelas
    from varian v join nilai_ukuran u using (keluarga) left join pendukung p using (keluarga)
)

select
    d.kode_wilayah, d.tahun, 'Varian ukuran: ' || d.ukuran as tabel,
    'varian:' || d.keluarga || ':' || d.source_file || ':' || d.source_row || ':' || d.kolom as kunci,
    null as kunci_indikator, d.keluarga,
    d.nilai_keluarga as nilai_diharapkan, d.nilai as nilai_aktual,
    d.dibandingkan and d.kelas not in ('equal', 'rounding') as gagal,
    'warning' as keparahan,
    d.sumber || ' menyatakan "' || d.label || '" ' || angka_id(d.nilai::varchar) || ': varian "' || replace(d.varian, '_', ' ') || '" dari ' ||
        coalesce(l.label, d.ukuran) || ' ' || coalesce(w.nama_wilayah, 'wilayah ' || d.kode_wilayah) || ' tahun ' || d.tahun || ' (' || d.catatan || '). Nilai ukuran itu menurut ' ||
        d.jumlah_anggota || ' sumber lain: ' || angka_id(d.nilai_keluarga::varchar) ||
        case when d.dibandingkan then '; varian ini seharusnya sama dengannya.' else '; varian ini tidak dibandingkan sebagai angka yang bertentangan.' end as penjelasan,
    list_concat([anggota_sel('varian', d.nilai, d.label, d.source_file, d.source_sheet, d.source_row, d.kolom)], coalesce(d.sel_ukuran, [])) as anggota,
    tanpa_kandidat() as kandidat
from dinilai d
left join config.label_ukuran l on l.ukuran = d.ukuran
left join (select kode_wilayah, any_value(nama_wilayah order by source_file, source_row) as nama_wilayah from staging.stg_bps_wilayah group by 1) w
    on w.kode_wilayah = d.kode_wilayah
