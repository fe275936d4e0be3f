-- Grain: one row per program row of the program-level budget tables (realisation Tabel 3.22 / 3.23,
-- allocation Tabel 2.9, APBD-P list Lampiran B) and of the planning table that names programs (Tabel 2.4
-- "Keselarasan Program", one row per kegiatan), per region x year, with the program code it stands for.
-- Inputs: staging.stg_budget_realisasi_program, staging.stg_budget_alokasi_program,
-- staging.stg_budget_kegiatan_anggaran_perubahan, staging.stg_plans_keselarasan_program,
-- config.nomenklatur_program, config.sinonim_kata.
-- Why: only Lampiran C prints codes; the other tables print names with varying spelling
-- ("Produktifitas", "Tranmigrasi", "Pemerintah Daerah." for "Pemerintahan Daerah Kabupaten/Kota"), and
-- Lampiran C itself mislabels 3.32.04 as "Perencanaan". Names are resolved against the national
-- program nomenclature (config.nomenklatur_program), the same for every region, never against
-- another table's figures. A name that matches nothing keeps kode_program NULL (visible, not guessed).
-- Tabel 2.4 is resolved here too, so the performance cascade joins plans to budget by code. Its
-- "Program Pembangunan Kawasan Transmigrasi" is a program of the nomenclature (3.32.03), so it resolves
-- to 3.32.03 although the budget has no such program: mapping it onto 3.32.02 / 3.32.04 because the
-- budget happens to hold those would be guessing (marts.kaskade_kinerja shows the gap).
with realisasi_program as (
    select * from staging.stg_budget_realisasi_program
),

alokasi_program as (
    select * from staging.stg_budget_alokasi_program
),

kegiatan_anggaran_perubahan as (
    select * from staging.stg_budget_kegiatan_anggaran_perubahan
),

keselarasan_program as (
    select * from staging.stg_plans_keselarasan_program
),

-- The national program nomenclature (config.nomenklatur_program: Kepmendagri 050-5889/2021, the same for
-- every region) and the spelling variants of program names (config.sinonim_kata, konteks 'program').
nomenklatur as (
    select kode_program, nama_program from config.nomenklatur_program
),

sinonim as (
    select coalesce(list({'teks': teks, 'baku': baku} order by length(teks) desc, teks), []) as daftar
    from config.sinonim_kata where konteks = 'program'
),

tercetak as (
    select kode_wilayah, tahun, 'realisasi_program' as tabel, program, source_file, source_row
    from realisasi_program
    union all
    select kode_wilayah, tahun, 'alokasi_program', program, source_file, source_row
    from alokasi_program
    union all
    select kode_wilayah, tahun, 'kegiatan_anggaran_perubahan', program, source_file, source_row
    from kegiatan_anggaran_perubahan
    union all
    -- The forward-filled program of each kegiatan row (continuation rows print no program).
    select kode_wilayah, tahun, 'keselarasan_program', program, source_file, source_row
    from keselarasan_program
),

-- Matching key: letters and digits only, spelling variants read as the standard word (both sides), and
-- the words every name shares or drops ("Program", "Kabupaten/Kota") removed.
berkunci as (
    select
        t.*,
        regexp_replace(baku(kunci_teks(t.program), s.daftar), '^program|kabupatenkota$', '', 'g') as kunci
    from tercetak t cross join sinonim s
),

nomenklatur_berkunci as (
    select
        n.*,
        regexp_replace(baku(kunci_teks(n.nama_program), s.daftar), '^program|kabupatenkota$', '', 'g') as kunci
    from nomenklatur n cross join sinonim s
)

select
    b.kode_wilayah,
    b.tahun,
    b.tabel,
    b.program,
    n.kode_program,
    n.nama_program as nama_program_nomenklatur,
    b.source_file,
    b.source_row
from berkunci b
left join nomenklatur_berkunci n using (kunci)
