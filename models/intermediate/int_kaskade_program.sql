-- Grain: one row per printed statement that a budget program serves an office sasaran (IKU): region x
-- year x source table row, with the program code and the IKU it resolves to. Sources: Tabel 2.4
-- (Keselarasan Program, one row per kegiatan), the realisation tables (Tabel 3.22 for the report year,
-- 3.23 for the year before) and Tabel 2.8 (allocation per sasaran), both its Sebelum and its Sesudah
-- column.
-- Inputs: staging.stg_plans_keselarasan_program, staging.stg_budget_realisasi_program,
-- staging.stg_budget_alokasi_sasaran, staging.stg_budget_alokasi_program, intermediate.int_anggaran_kode_program,
-- staging.stg_plans_manual_iku, staging.stg_plans_tujuan_sasaran_dinas, intermediate.int_perjanjian_kinerja,
-- intermediate.int_alias_indikator, config.sinonim_kata, raw.source_files (the catalogue's rujukan: which
-- report table a file is).
-- Programs are matched by code (int_anggaran_kode_program), never by name: every table spells them
-- differently. The IKU comes from the indicator the row prints (alias list), else from its sasaran text.
-- Tabel 2.8 prints sasaran and amounts but no programs: the programs it counts under a sasaran are the
-- one set of Tabel 2.9 programs whose amounts add up exactly to the sasaran's amount (checked for every
-- subset; used only when exactly one subset fits, separately for Sebelum and Sesudah). That is how the
-- seed's Tabel 2.8 puts Program Perencanaan Tenaga Kerja (100.000.000) under the penempatan sasaran
-- before the APBD-P (8.059.000.000 = 7.959.000.000 + 100.000.000) while Tabel 3.22 / 3.23 put it
-- under the kompetensi sasaran: both statements are kept, each with its source.
with keselarasan as (
    select * from staging.stg_plans_keselarasan_program
),

realisasi_program as (
    select * from staging.stg_budget_realisasi_program
),

alokasi_sasaran as (
    select * from staging.stg_budget_alokasi_sasaran
),

alokasi_program as (
    select * from staging.stg_budget_alokasi_program
),

kode_program as (
    select * from intermediate.int_anggaran_kode_program
),

alias as (
    select kunci, kode_iku from intermediate.int_alias_indikator
),

-- Sasaran key: letters and digits, spelling variants read as the standard word (config.sinonim_kata,
-- konteks 'sasaran': the report prints "Meningkatkan ..." for the sasaran other tables call
-- "Meningkatnya ..."). Every table that prints a sasaran next to its indicator teaches the key -> IKU
-- pairs; a key that would point to two IKU is dropped rather than guessed.
sinonim as (
    select coalesce(list({'teks': teks, 'baku': baku} order by length(teks) desc, teks), []) as daftar
    from config.sinonim_kata where konteks = 'sasaran'
),

sasaran_iku as (
    select sasaran, kode_iku
    from staging.stg_plans_manual_iku
    union
    select sasaran, kode_iku
    from intermediate.int_perjanjian_kinerja where kode_iku is not null
    union
    select s.sasaran, a.kode_iku
    from staging.stg_plans_tujuan_sasaran_dinas s join alias a on a.kunci = kunci_teks(s.indikator_sasaran)
    union
    select k.sasaran, a.kode_iku
    from keselarasan k join alias a on a.kunci = kunci_teks(k.indikator)
    union
    select r.sasaran, a.kode_iku
    from realisasi_program r join alias a on a.kunci = kunci_teks(r.indikator)
),

kunci_sasaran as (
    select distinct baku(kunci_teks(x.sasaran), s.daftar) as kunci, x.kode_iku
    from sasaran_iku x cross join sinonim s
),

sasaran_unik as (
    select kunci, min(kode_iku) as kode_iku
    from kunci_sasaran
    group by kunci
    having count(distinct kode_iku) = 1
),

dari_2_4 as (
    select
        k.kode_wilayah, k.tahun, kp.kode_program,
        coalesce(a.kode_iku, su.kode_iku) as kode_iku,
        'Tabel 2.4' as tabel,
        k.sasaran as sasaran_tercetak,
        k.program as program_tercetak,
        k.source_file, k.source_row
    from keselarasan k
    left join kode_program kp
        on kp.tabel = 'keselarasan_program' and kp.source_file = k.source_file and kp.source_row = k.source_row
    left join alias a on a.kunci = kunci_teks(k.indikator)
    left join sasaran_unik su on su.kunci = baku(kunci_teks(k.sasaran), (select daftar from sinonim))
),

-- Which report table a realisation file is (Tabel 3.22 for the report year, 3.23 for the year before in
-- the 2024 report) is the catalogue's rujukan of the file, never worked out from a year offset here.
rujukan as (
    select source_file, regexp_extract(rujukan, 'Tabel [0-9]+(\.[0-9]+)*') as tabel
    from raw.source_files
),

dari_realisasi as (
    select
        r.kode_wilayah, r.tahun, kp.kode_program,
        coalesce(a.kode_iku, su.kode_iku) as kode_iku,
        coalesce(nullif(f.tabel, ''), 'tabel realisasi program ' || r.tahun) as tabel,
        r.sasaran as sasaran_tercetak,
        r.program as program_tercetak,
        r.source_file, r.source_row
    from realisasi_program r
    left join rujukan f on f.source_file = r.source_file
    left join kode_program kp
        on kp.tabel = 'realisasi_program' and kp.source_file = r.source_file and kp.source_row = r.source_row
    left join alias a on a.kunci = kunci_teks(r.indikator)
    left join sasaran_unik su on su.kunci = baku(kunci_teks(r.sasaran), (select daftar from sinonim))
),

-- Tabel 2.9 programs of a region-year, numbered for the subset search (at most 16: 65.535 subsets).
program_2_9 as (
    select
        a.kode_wilayah, a.tahun, kp.kode_program, a.program, a.sebelum, a.sesudah, a.source_file, a.source_row,
        row_number() over (partition by a.kode_wilayah, a.tahun order by a.source_file, a.source_row) - 1 as bit
    from alokasi_program a
    join kode_program kp
        on kp.tabel = 'alokasi_program' and kp.source_file = a.source_file and kp.source_row = a.source_row
),

himpunan as (
    select kode_wilayah, tahun, unnest(range(1, (1 << count(*))::bigint)) as mask
    from program_2_9
    group by kode_wilayah, tahun
    having count(*) <= 16
),

jumlah_himpunan as (
    select
        h.kode_wilayah, h.tahun, h.mask,
        -- A program whose amount the table leaves unstated ("Rp. -") cannot be part of a sum.
        case when count(p.sebelum) = count(*) then sum(p.sebelum) end as sebelum,
        case when count(p.sesudah) = count(*) then sum(p.sesudah) end as sesudah
    from himpunan h
    join program_2_9 p
        on p.kode_wilayah = h.kode_wilayah and p.tahun = h.tahun and (h.mask >> p.bit) & 1 = 1
    group by h.kode_wilayah, h.tahun, h.mask
),

cocok_2_8 as (
    select s.*, j.mask, 'Sebelum' as kolom
    from alokasi_sasaran s
    join jumlah_himpunan j on j.kode_wilayah = s.kode_wilayah and j.tahun = s.tahun and j.sebelum = s.sebelum
    union all
    select s.*, j.mask, 'Sesudah'
    from alokasi_sasaran s
    join jumlah_himpunan j on j.kode_wilayah = s.kode_wilayah and j.tahun = s.tahun and j.sesudah = s.sesudah
),

unik_2_8 as (
    select *
    from cocok_2_8
    qualify count(*) over (partition by source_file, source_row, kolom) = 1
),

anggota_2_8 as (
    select u.*, p.kode_program, p.program, case when u.kolom = 'Sebelum' then p.sebelum else p.sesudah end as jumlah_program,
           p.source_file as program_source_file, p.source_row as program_source_row
    from unik_2_8 u
    join program_2_9 p
        on p.kode_wilayah = u.kode_wilayah and p.tahun = u.tahun and (u.mask >> p.bit) & 1 = 1
),

-- The arithmetic behind each Tabel 2.8 mapping, for the reader: "8.059.000.000 = 2.07.04 ... + 2.07.02 ...".
rincian_2_8 as (
    select
        source_file, source_row, kolom,
        angka_id(max(case when kolom = 'Sebelum' then sebelum else sesudah end)::varchar) || ' = jumlah Tabel 2.9 ('
            || kolom || ' Perubahan) program '
            || string_agg(kode_program || ' ' || angka_id(jumlah_program::varchar), ' + ' order by kode_program) as keterangan
    from anggota_2_8
    group by source_file, source_row, kolom
),

dari_2_8 as (
    select
        a.kode_wilayah, a.tahun, a.kode_program,
        su.kode_iku,
        'Tabel 2.8 (' || a.kolom || ' Perubahan)' as tabel,
        a.sasaran as sasaran_tercetak,
        a.program as program_tercetak,
        a.source_file, a.source_row,
        r.keterangan
    from anggota_2_8 a
    join rincian_2_8 r on r.source_file = a.source_file and r.source_row = a.source_row and r.kolom = a.kolom
    left join sasaran_unik su on su.kunci = baku(kunci_teks(a.sasaran), (select daftar from sinonim))
)

select *, cast(null as varchar) as keterangan from dari_2_4
union all
select *, cast(null as varchar) as keterangan from dari_realisasi
union all
select * from dari_2_8
