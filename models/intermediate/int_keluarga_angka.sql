-- Grain: one row per place a figure is stated (a member), grouped into figure families: the same measure
-- for the same region, year, period and subject (IKU or program code), wherever it is stated: the
-- report's tables and narrative, the office sheets (AK-I, HI, budget, plans), BPS tables and figures
-- quoted by outlets. The family check reports every family whose members disagree.
-- Inputs: intermediate.int_pasar_kerja, intermediate.int_klaim_peta, staging.stg_hi_data_sheet,
-- staging.stg_hi_keterangan, staging.stg_hi_per_sektor, staging.stg_hi_per_kecamatan,
-- staging.stg_ak1_rekap, staging.stg_budget_lampiran_c, staging.stg_budget_realisasi_program,
-- staging.stg_budget_alokasi_program, staging.stg_budget_alokasi_uraian,
-- staging.stg_budget_kegiatan_anggaran_perubahan, intermediate.int_anggaran_kode_program,
-- intermediate.int_anggaran_perubahan, staging.stg_plans_umk, staging.stg_bps_published_wages,
-- raw.stated_totals, raw.source_files, config.ukuran_narasi, config.ukuran_hi, config.ukuran_iku, config.varian_ukuran.
with pasar_kerja as (
    select * from intermediate.int_pasar_kerja
),

klaim as (
    select * from intermediate.int_klaim_peta
),

totals as (
    -- A file that is a copy of another (the XLSX twin of a CSV) states nothing new.
    select t.* from raw.stated_totals t
    join raw.source_files f using (source_file)
    where f.salinan_dari is null
),

-- BPS tables and outlet quotes: Sakernas August is the annual figure for kab/kota.
dari_pasar_kerja as (
    select kode_wilayah, tahun, ukuran, '' as subjek,
        case when regexp_matches(coalesce(periode, ''), '^\d{4}-02') then 'februari' else 'tahunan' end as periode,
        nilai, null::varchar as teks, null::integer as desimal, jenis_sumber, sumber,
        source_file, null::varchar as source_sheet, source_row, source_column as kolom, null::varchar as kunci_indikator
    from pasar_kerja
    where ukuran in ('angkatan_kerja', 'bekerja', 'pengangguran', 'tpt', 'tpak', 'penduduk_usia_kerja', 'pdrb_per_kapita')
),

-- The report's own statements about an indicator (target, realisasi, capaian, kriteria), every table
-- and the narrative; TPT and PDRB realisasi join the BPS families of the same year.
dari_klaim_iku as (
    select kode_wilayah, tahun_klaim as tahun,
        case when ukuran = 'realisasi' and kunci_indikator in ('tpt', 'pdrb_per_kapita') then kunci_indikator else ukuran end as ukuran,
        case when ukuran = 'realisasi' and kunci_indikator in ('tpt', 'pdrb_per_kapita') then '' else kunci_indikator end as subjek,
        'tahunan' as periode, nilai, teks, desimal, 'lkjip' as jenis_sumber, 'LKjIP ' || case when tabel = 'narasi' then 'narasi' else 'Tabel ' || tabel end as sumber,
        source_file, source_sheet, source_row, kolom, kunci_indikator
    from klaim
    where kunci_indikator is not null and ukuran in ('target', 'realisasi', 'capaian', 'kriteria')
      and (nilai is not null or ukuran = 'kriteria')
),

-- Narrative figures that are not indicator cells (counts, budget totals), by label pattern.
pola_narasi as (
    select cast(urutan as integer) as urutan, pola, ukuran, kunci_indikator, cast(geser_tahun as integer) as geser_tahun
    from config.ukuran_narasi
),

dari_narasi as (
    select k.kode_wilayah, k.tahun_klaim + p.geser_tahun as tahun, p.ukuran, coalesce(p.kunci_indikator, '') as subjek,
        'tahunan' as periode, k.nilai, k.teks, k.desimal, 'lkjip' as jenis_sumber, 'LKjIP narasi' as sumber,
        k.source_file, k.source_sheet, k.source_row, k.kolom, p.kunci_indikator
    from klaim k
    join pola_narasi p on regexp_matches(lower(split_part(k.label_baris, ' | ', 3)), p.pola)
    where k.tabel = 'narasi' and k.nilai is not null
      and p.urutan = (select min(p2.urutan) from pola_narasi p2 where regexp_matches(lower(split_part(k.label_baris, ' | ', 3)), p2.pola))
),

-- Tabel 3.16 prints the numerator and denominator of each IKU inside "(2.370 / 10.408 x 100)".
dari_perhitungan as (
    select k.kode_wilayah, k.tahun_klaim as tahun,
        case bagian.i when 1 then u.pembilang else u.penyebut end as ukuran, '' as subjek, 'tahunan' as periode,
        cast(angka(bagian.angka, '.') as decimal(28,6)) as nilai, k.teks, 0 as desimal, 'lkjip' as jenis_sumber,
        'LKjIP Tabel 3.16' as sumber, k.source_file, k.source_sheet, k.source_row, k.kolom, k.kunci_indikator
    from klaim k
    join config.ukuran_iku u on u.kode_iku = k.kunci_indikator
    cross join lateral (
        select i, regexp_extract_all(k.teks, '(\d[\d.]*)')[i] as angka from range(1, 3) t(i)
    ) bagian
    where k.tabel = '3.16' and k.ukuran = 'perhitungan' and bagian.angka is not null
),

-- HI sheets: the data sheet's numbered lines and the KETERANGAN form fields, by config.ukuran_hi.
dari_hi as (
    select d.kode_wilayah, d.tahun + cast(u.geser_tahun as integer) as tahun, u.ukuran, '' as subjek, 'tahunan' as periode,
        d.nilai, null as teks, null::integer as desimal, 'kantor' as jenis_sumber, 'Lembar data HI' as sumber,
        d.source_file, d.source_sheet, d.source_row, 'nilai' as kolom, null as kunci_indikator
    from staging.stg_hi_data_sheet d
    join config.ukuran_hi u on u.lembar = 'data_sheet' and u.kode = d.bagian || '.' || d.butir
    where d.nilai is not null
    union all
    select k.kode_wilayah, k.tahun, u.ukuran, '', 'tahunan', k.jumlah, null, null, 'kantor', 'KETERANGAN HI',
        k.source_file, k.source_sheet, k.source_row, 'jumlah', null
    from staging.stg_hi_keterangan k
    join config.ukuran_hi u on u.lembar = 'keterangan' and u.kode = k.kode_isian
),

-- Figures printed as totals on the office sheets, by what they add up.
dari_total_tercetak as (
    select kode_wilayah, tahun,
        case
            when layout = 'ak1.rekap' and kolom_bagian = ['terdaftar_l', 'terdaftar_w'] then 'pencaker_terdaftar'
            when layout = 'ak1.rekap' and kolom_bagian = ['penempatan_l', 'penempatan_w'] then 'pencaker_ditempatkan'
            when layout = 'ak1.rekap' and kolom_bagian = ['sisa_akhir_l', 'sisa_akhir_w'] then 'pencaker_sisa_akhir'
            when layout = 'hi.per_sektor' and kolom = 'tenaga_kerja' then 'tk_hi'
            when layout = 'hi.per_sektor' and kolom = 'kasus_terselesaikan' then 'kasus_hi_terselesaikan'
            when layout = 'budget.lampiran_c' and kolom = 'pagu' then 'pagu_total'
            when layout = 'budget.lampiran_c' and kolom = 'realisasi' then 'realisasi_anggaran_total'
            when layout = 'budget.lampiran_c' and kolom = 'sisa' then 'sisa_anggaran_total'
            when layout = 'budget.lampiran_c' and kolom = 'tertimbang_keu' then 'persen_realisasi_anggaran_total'
            when layout = 'budget.realisasi_program' and kolom = 'anggaran' then 'pagu_total'
            when layout = 'budget.realisasi_program' and kolom = 'realisasi' and lingkup = 'kolom' then 'realisasi_anggaran_total'
            when layout = 'budget.realisasi_program' and kolom = 'sisa' and lingkup = 'kolom' then 'sisa_anggaran_total'
            when layout = 'budget.realisasi_program' and lingkup = 'rasio' then 'persen_realisasi_anggaran_total'
            when layout = 'budget.kegiatan_anggaran_perubahan' and kolom = 'anggaran' then 'pagu_total'
        end as ukuran,
        '' as subjek, 'tahunan' as periode, nilai, teks, angka_desimal(teks, '.') as desimal, 'kantor' as jenis_sumber,
        'total tercetak ' || source_file as sumber, source_file, source_sheet, source_row, kolom, null as kunci_indikator
    from totals
    where lingkup in ('kolom', 'rasio')
),

-- Sums the office sheets do not print but that state the same measure (all rows of a recap).
dari_jumlah_baris as (
    select kode_wilayah, tahun, 'kasus_hi_masuk' as ukuran, '' as subjek, 'tahunan' as periode, sum(kasus) as nilai,
        null as teks, null::integer as desimal, 'kantor' as jenis_sumber, 'jumlah baris per kecamatan' as sumber,
        min(source_file) as source_file, null as source_sheet, null::integer as source_row, 'kasus' as kolom, null as kunci_indikator
    from staging.stg_hi_per_kecamatan group by all
    union all
    select kode_wilayah, tahun, 'kasus_hi_pb', '', 'tahunan', sum(hak_pb + phk_pb + kepentingan_pb + antar_sp_pb), null, null, 'kantor',
        'jumlah kolom PB per sektor', min(source_file), null, null, 'pb', null
    from staging.stg_hi_per_sektor group by all
    union all
    select kode_wilayah, tahun, 'kasus_hi_anjuran', '', 'tahunan', sum(hak_anjuran + phk_anjuran + kepentingan_anjuran + antar_sp_anjuran), null, null, 'kantor',
        'jumlah kolom anjuran per sektor', min(source_file), null, null, 'anjuran', null
    from staging.stg_hi_per_sektor group by all
    union all
    select kode_wilayah, tahun, 'pencaker_dilatih', '', 'tahunan', sum(capaian), null, null, 'kantor',
        'Lampiran C: peserta pelatihan (sub kegiatan)', min(source_file), null, min(source_row), 'capaian', null
    from staging.stg_budget_lampiran_c l
    join config.kegiatan_iku k on k.kode_kegiatan = l.kode_induk and k.ukuran = 'peserta'
    where l.tingkat = 'sub_kegiatan' and lower(l.capaian_satuan) = 'orang'
    group by all
),

-- Budget per program, by program code, from every table that prints it.
kode_program as (
    select * from intermediate.int_anggaran_kode_program
),

dari_program as (
    select r.kode_wilayah, r.tahun, 'pagu_program' as ukuran, kp.kode_program as subjek, 'tahunan' as periode, r.anggaran as nilai,
        null as teks, null::integer as desimal, 'kantor' as jenis_sumber, 'Tabel realisasi program' as sumber,
        r.source_file, r.source_sheet, r.source_row, 'anggaran' as kolom, null as kunci_indikator
    from staging.stg_budget_realisasi_program r
    join kode_program kp on kp.source_file = r.source_file and kp.source_row = r.source_row
    union all
    select r.kode_wilayah, r.tahun, 'realisasi_program', kp.kode_program, 'tahunan', r.realisasi, null, null, 'kantor', 'Tabel realisasi program',
        r.source_file, r.source_sheet, r.source_row, 'realisasi', null
    from staging.stg_budget_realisasi_program r
    join kode_program kp on kp.source_file = r.source_file and kp.source_row = r.source_row
    union all
    select a.kode_wilayah, a.tahun, 'pagu_program', kp.kode_program, 'tahunan', a.sesudah, null, null, 'kantor', 'Alokasi per program (sesudah perubahan)',
        a.source_file, a.source_sheet, a.source_row, 'sesudah', null
    from staging.stg_budget_alokasi_program a
    join kode_program kp on kp.source_file = a.source_file and kp.source_row = a.source_row
    where a.sesudah is not null
    union all
    select b.kode_wilayah, b.tahun, 'pagu_program', kp.kode_program, 'tahunan', b.anggaran, null, null, 'kantor', 'Kegiatan dan Anggaran Perubahan',
        b.source_file, b.source_sheet, b.source_row, 'anggaran', null
    from staging.stg_budget_kegiatan_anggaran_perubahan b
    join kode_program kp on kp.source_file = b.source_file and kp.source_row = b.source_row
    union all
    select l.kode_wilayah, l.tahun, 'pagu_program', l.kode_program, 'tahunan', l.pagu, null, null, 'kantor', 'Lampiran C (baris program)',
        l.source_file, l.source_sheet, l.source_row, 'pagu', null
    from staging.stg_budget_lampiran_c l where l.tingkat = 'program'
    union all
    select l.kode_wilayah, l.tahun, 'realisasi_program', l.kode_program, 'tahunan', l.realisasi, null, null, 'kantor', 'Lampiran C (baris program)',
        l.source_file, l.source_sheet, l.source_row, 'realisasi', null
    from staging.stg_budget_lampiran_c l where l.tingkat = 'program'
    union all
    select p.kode_wilayah, p.tahun, 'perubahan_program', p.kode_program, 'tahunan', p.bertambah_berkurang_tabel, null, null, 'kantor',
        'Alokasi per program (bertambah/berkurang)', p.tabel_source_file, null, p.tabel_source_row, 'bertambah_berkurang', null
    from intermediate.int_anggaran_perubahan p where p.bertambah_berkurang_tabel is not null
    union all
    select p.kode_wilayah, p.tahun, 'perubahan_program', p.kode_program, 'tahunan', p.bertambah_berkurang_lampiran_c, null, null, 'kantor',
        'Lampiran C: jumlah bertambah/berkurang sub kegiatan', p.lampiran_c_source_file, null, null, 'bertambah_berkurang', null
    from intermediate.int_anggaran_perubahan p where p.bertambah_berkurang_lampiran_c is not null
),

dari_alokasi_total as (
    select kode_wilayah, tahun, 'pagu_sebelum_total' as ukuran, '' as subjek, 'tahunan' as periode, sebelum as nilai, null as teks,
        null::integer as desimal, 'kantor' as jenis_sumber, 'Alokasi anggaran (sebelum perubahan)' as sumber,
        source_file, source_sheet, source_row, 'sebelum' as kolom, null as kunci_indikator
    from staging.stg_budget_alokasi_uraian where kunci_teks(uraian) = 'alokasianggaran'
    union all
    select kode_wilayah, tahun, 'pagu_total', '', 'tahunan', sesudah, null, null, 'kantor', 'Alokasi anggaran (sesudah perubahan)',
        source_file, source_sheet, source_row, 'sesudah', null
    from staging.stg_budget_alokasi_uraian where kunci_teks(uraian) = 'alokasianggaran'
),

-- Minimum wage: the governor's decree and the wage figures outlets quote.
dari_upah as (
    select kode_wilayah, tahun_berlaku::integer as tahun, 'umk' as ukuran, '' as subjek, 'tahunan' as periode, upah_minimum as nilai,
        null as teks, null::integer as desimal, 'kantor' as jenis_sumber, 'Keputusan Gubernur (UMK)' as sumber,
        source_file, source_sheet, source_row, 'upah_minimum' as kolom, null as kunci_indikator
    from staging.stg_plans_umk
    union all
    select kode_wilayah, tahun, 'umk', '', 'tahunan', nilai_rupiah, null, null, 'kutipan', regexp_extract(url_sumber, '^https?://([^/]+)', 1),
        source_file, source_sheet, source_row, 'value_rupiah', null
    from staging.stg_bps_published_wages
    -- a variant of the measure (a proposal, a sectoral wage, a figure flagged "as stated") is listed with its
    -- family (intermediate.int_varian_ukuran), never a member of it
    where regexp_matches(jenis_upah, '^UMK')
      and not exists (select 1 from config.varian_ukuran v where regexp_matches(lower(jenis_upah), v.pola))
),

semua as (
    select * from dari_pasar_kerja
    union all by name select * from dari_klaim_iku
    union all by name select * from dari_narasi
    union all by name select * from dari_perhitungan
    union all by name select * from dari_hi
    union all by name select * from dari_total_tercetak where ukuran is not null
    union all by name select * from dari_jumlah_baris
    union all by name select * from dari_program
    union all by name select * from dari_alokasi_total
    union all by name select * from dari_upah
)

select
    ukuran || '|' || kode_wilayah || '|' || tahun || '|' || periode || case when subjek <> '' then '|' || subjek else '' end as keluarga,
    *
from semua
where kode_wilayah is not null and tahun is not null
