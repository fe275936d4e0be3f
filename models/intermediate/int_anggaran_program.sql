-- Grain: one row per region x year x budget program: pagu, realisasi, sisa and exact % realisasi,
-- with the sasaran / indikator the program serves.
-- Inputs: staging.stg_budget_lampiran_c (program rows), staging.stg_budget_realisasi_program
-- (Tabel 3.22 / 3.23), intermediate.int_anggaran_kode_program (program code of each printed name).
-- Why two sources: Lampiran C is the office's own activity-level report, so where it exists for a
-- region x year its program rows give the amounts (sumber = 'lampiran_c'). No Lampiran C exists for
-- 2023, so that year's amounts come from the realisation table printed in the LKjIP (Tabel 3.23,
-- sumber = 'tabel_realisasi_program'). Sasaran and indikator only exist in the realisation table.
-- sisa and realisasi_pct are always recomputed (pagu - realisasi, realisasi / pagu x 100); the
-- printed values stay beside them (sisa_tercetak, *_tabel) so conflicts such as the 2023 Pelatihan
-- row (sisa 818.752.120 printed, 878.879.520 recomputed) remain visible.
with lampiran_c as (
    select * from staging.stg_budget_lampiran_c
),

realisasi_program as (
    select * from staging.stg_budget_realisasi_program
),

kode_program as (
    select * from intermediate.int_anggaran_kode_program
),

program_lampiran_c as (
    select
        kode_wilayah, tahun, kode_program, uraian, pagu, realisasi, sisa,
        source_file, source_row
    from lampiran_c
    where tingkat = 'program'
),

-- Region x years for which a Lampiran C exists: there it is the source of the amounts.
tahun_lampiran_c as (
    select distinct kode_wilayah, tahun from program_lampiran_c
),

program_tabel as (
    select r.*, k.kode_program
    from realisasi_program r
    left join kode_program k
        on k.tabel = 'realisasi_program' and k.source_file = r.source_file and k.source_row = r.source_row
),

-- A program printed in only one of the two tables still gets a row (its other side is NULL).
-- Unresolved names (kode_program NULL) never join and stay as rows of their own.
gabung as (
    select
        coalesce(l.kode_wilayah, t.kode_wilayah) as kode_wilayah,
        coalesce(l.tahun, t.tahun) as tahun,
        coalesce(l.kode_program, t.kode_program) as kode_program,
        l.uraian as program_lampiran_c,
        l.pagu as pagu_lampiran_c,
        l.realisasi as realisasi_lampiran_c,
        l.sisa as sisa_lampiran_c,
        l.source_file as lampiran_c_source_file,
        l.source_row as lampiran_c_source_row,
        t.program as program_tabel,
        t.sasaran,
        t.indikator,
        t.anggaran as anggaran_tabel,
        t.realisasi as realisasi_tabel,
        t.realisasi_pct as realisasi_pct_tabel,
        t.sisa as sisa_tabel,
        t.source_file as tabel_source_file,
        t.source_row as tabel_source_row
    from program_lampiran_c l
    full outer join program_tabel t
        on t.kode_wilayah = l.kode_wilayah and t.tahun = l.tahun and t.kode_program = l.kode_program
),

pilih as (
    select
        g.*,
        y.tahun is not null as ada_lampiran_c
    from gabung g
    left join tahun_lampiran_c y on y.kode_wilayah = g.kode_wilayah and y.tahun = g.tahun
),

nilai as (
    select
        kode_wilayah,
        tahun,
        kode_program,
        -- The label the realisation table prints (what Tabel 3.22 / 3.23 shows), else Lampiran C's.
        coalesce(program_tabel, program_lampiran_c) as program,
        program_lampiran_c,
        program_tabel,
        sasaran,
        indikator,
        tabel_source_row as urutan_tabel,
        lampiran_c_source_row as urutan_lampiran_c,
        case when ada_lampiran_c then pagu_lampiran_c else anggaran_tabel end as pagu,
        case when ada_lampiran_c then realisasi_lampiran_c else realisasi_tabel end as realisasi,
        case when ada_lampiran_c then sisa_lampiran_c else sisa_tabel end as sisa_tercetak,
        anggaran_tabel,
        realisasi_tabel,
        realisasi_pct_tabel,
        sisa_tabel,
        case when ada_lampiran_c then 'lampiran_c' else 'tabel_realisasi_program' end as sumber,
        case
            when ada_lampiran_c then 'Lampiran C (baris program)'
            else 'Tabel realisasi anggaran per program di LKjIP (Lampiran C tahun ini tidak ada)'
        end as sumber_keterangan,
        case when ada_lampiran_c then lampiran_c_source_file else tabel_source_file end as source_file,
        case when ada_lampiran_c then lampiran_c_source_row else tabel_source_row end as source_row,
        tabel_source_file,
        tabel_source_row
    from pilih
)

select
    kode_wilayah,
    tahun,
    kode_program,
    program,
    program_lampiran_c,
    program_tabel,
    sasaran,
    indikator,
    urutan_tabel,
    urutan_lampiran_c,
    pagu,
    realisasi,
    pagu - realisasi as sisa,
    cast(persen(realisasi::varchar, pagu::varchar) as decimal(28, 6)) as realisasi_pct,
    -- Displayed value computed from the 10-decimal ratio, not from the 6-decimal column, so it is
    -- rounded once.
    cast(tampilkan(persen(realisasi::varchar, pagu::varchar), 'bulat_2', 'false') as decimal(28, 2)) as realisasi_pct_tampil,
    sisa_tercetak,
    anggaran_tabel,
    realisasi_tabel,
    realisasi_pct_tabel,
    sisa_tabel,
    sumber,
    sumber_keterangan,
    source_file,
    source_row,
    tabel_source_file,
    tabel_source_row
from nilai
