-- Grain: one row per region x year x IKU x program x budget line: the performance cascade RPJMD misi ->
-- tujuan -> sasaran -> office tujuan / sasaran -> IKU -> program -> kegiatan -> sub-kegiatan. A budget
-- line is a Lampiran C sub-kegiatan where the region-year has a Lampiran C, else the program row of the
-- realisation table (Tabel 3.23 for 2023); a program a plan names without any budget gets one program
-- row with NULL amounts; a budgeted program no table maps to any IKU gets rows with kode_iku NULL.
-- Answers: which budget lines serve this IKU, how much was planned and realised, what capaian it reached.
-- Inputs: intermediate.int_kaskade_program, staging.stg_budget_lampiran_c, intermediate.int_anggaran_program,
-- staging.stg_plans_keselarasan_program, staging.stg_plans_tujuan_sasaran_dinas,
-- staging.stg_plans_rpjmd_keterkaitan, staging.stg_plans_manual_iku, intermediate.int_alias_indikator,
-- config.kaskade_rpjmd, marts.capaian_indikator.
-- Program -> IKU comes from the tables that state it (Tabel 2.4, 2.8 Sebelum / Sesudah, 3.22 / 3.23, see
-- intermediate.int_kaskade_program); sumber_pemetaan lists them. When tables map one program to
-- different IKU (Program Perencanaan Tenaga Kerja: kompetensi in Tabel 3.22 / 3.23, penempatan in
-- Tabel 2.8 Sebelum) each mapping is its own set of rows with its own sources and pemetaan_ganda is
-- true: summing pagu per IKU then counts that program under both, which is what the tables say.
-- RPJMD links come from config.kaskade_rpjmd (the seed states them in prose and Tabel 2.1, see its
-- dasar column); the transmigrasi sasaran has none: Tabel 2.1 lists only Misi 1 and 2.
-- Amounts of a program or kegiatan repeat on each of its lines (pagu_program, pagu_kegiatan): sum
-- `pagu` / `realisasi` (the line's own) to total lines, never the repeated columns.
with pemetaan as (
    select * from intermediate.int_kaskade_program
),

-- Not materialized: a copy of every Lampiran C row would cost more than reading the table twice.
lampiran_c as not materialized (
    select * from staging.stg_budget_lampiran_c
),

anggaran_program as (
    select * from intermediate.int_anggaran_program
),

keselarasan as (
    select * from staging.stg_plans_keselarasan_program
),

tujuan_sasaran as (
    select * from staging.stg_plans_tujuan_sasaran_dinas
),

rpjmd as (
    select * from staging.stg_plans_rpjmd_keterkaitan
),

kaskade_rpjmd as (
    select * from config.kaskade_rpjmd
),

capaian as (
    select * from marts.capaian_indikator
),

alias as (
    select kunci, kode_iku from intermediate.int_alias_indikator
),

manual as (
    select distinct on (kode_wilayah, kode_iku) * from staging.stg_plans_manual_iku
    order by kode_wilayah, kode_iku, tahun desc
),

program_iku as (
    select
        kode_wilayah, tahun, kode_program, kode_iku,
        string_agg(distinct tabel, '; ' order by tabel) as sumber_pemetaan,
        string_agg(distinct tabel || ': ' || sasaran_tercetak, ' | ' order by tabel || ': ' || sasaran_tercetak)
            as sasaran_menurut_sumber,
        string_agg(distinct keterangan, ' | ' order by keterangan) as keterangan_pemetaan,
        list(source_file order by tabel, source_row) as pemetaan_source_file,
        list(source_row order by tabel, source_row) as pemetaan_source_row
    from pemetaan
    where kode_program is not null and kode_iku is not null
    group by kode_wilayah, tahun, kode_program, kode_iku
),

ganda as (
    select kode_wilayah, tahun, kode_program, count(*) > 1 as pemetaan_ganda, list(kode_iku order by kode_iku) as iku_program
    from program_iku
    group by kode_wilayah, tahun, kode_program
),

-- Budgeted programs no table maps to an IKU still appear, so no spending drops out of the cascade.
program_tanpa_iku as (
    select a.kode_wilayah, a.tahun, a.kode_program, cast(null as varchar) as kode_iku,
           cast(null as varchar) as sumber_pemetaan, cast(null as varchar) as sasaran_menurut_sumber,
           cast(null as varchar) as keterangan_pemetaan,
           cast([] as varchar[]) as pemetaan_source_file, cast([] as integer[]) as pemetaan_source_row
    from anggaran_program a
    where a.kode_program is not null
      and not exists (select 1 from program_iku p
                      where p.kode_wilayah = a.kode_wilayah and p.tahun = a.tahun and p.kode_program = a.kode_program)
),

semua_program as (
    select * from program_iku
    union all by name
    select * from program_tanpa_iku
),

-- Lampiran C leaves with their kegiatan.
baris_lampiran_c as not materialized (
    select
        s.kode_wilayah, s.tahun, s.kode_program,
        'sub_kegiatan' as tingkat_baris,
        k.kode as kode_kegiatan, k.uraian as kegiatan,
        s.kode as kode_sub_kegiatan, s.uraian as sub_kegiatan,
        k.pagu as pagu_kegiatan, k.realisasi as realisasi_kegiatan,
        s.pagu, s.realisasi,
        s.target as target_keluaran, s.target_satuan as satuan_target_keluaran,
        s.capaian as capaian_keluaran, s.capaian_satuan as satuan_capaian_keluaran,
        'lampiran_c' as sumber_anggaran,
        case when k.source_row is null then [s.source_file] else [s.source_file, k.source_file] end as anggaran_source_file,
        case when k.source_row is null then [s.source_row] else [s.source_row, k.source_row] end as anggaran_source_row
    from lampiran_c s
    left join lampiran_c k on k.source_file = s.source_file and k.tingkat = 'kegiatan' and k.kode = s.kode_induk
    where s.tingkat = 'sub_kegiatan'
),

tahun_lampiran_c as (
    select distinct kode_wilayah, tahun from lampiran_c
),

baris as (
    select p.*, b.* exclude (kode_wilayah, tahun, kode_program)
    from semua_program p
    join baris_lampiran_c b using (kode_wilayah, tahun, kode_program)
    union all by name
    -- Program-level row: no Lampiran C for the year, or the program has no line in it.
    select
        p.*,
        'program' as tingkat_baris,
        a.pagu, a.realisasi,
        coalesce(a.sumber, 'tidak ada') as sumber_anggaran,
        case when a.source_file is not null then [a.source_file] else [] end as anggaran_source_file,
        case when a.source_file is not null then [a.source_row] else [] end as anggaran_source_row
    from semua_program p
    left join anggaran_program a using (kode_wilayah, tahun, kode_program)
    where not exists (select 1 from lampiran_c b
                      where b.tingkat = 'sub_kegiatan'
                        and b.kode_wilayah = p.kode_wilayah and b.tahun = p.tahun and b.kode_program = p.kode_program)
),

-- Kegiatan Tabel 2.4 lists for an IKU, with the program it prints them under.
kegiatan_2_4 as (
    select k.kode_wilayah, k.tahun, a.kode_iku, kunci_teks(k.kegiatan) as kunci_kegiatan,
           k.program as program_2_4
    from keselarasan k
    left join alias a on a.kunci = kunci_teks(k.indikator)
),

tahun_2_4 as (
    select distinct kode_wilayah, tahun from keselarasan
),

-- One row per (region, year, IKU, kegiatan key): joined on keys, not probed per budget line.
kegiatan_2_4_per_kunci as (
    select kode_wilayah, tahun, kode_iku, kunci_kegiatan, min(program_2_4) as program_2_4
    from kegiatan_2_4
    group by all
),

program_tercetak_2_4 as (
    select distinct kode_wilayah, tahun, kode_program, program_tercetak
    from pemetaan
    where tabel = 'Tabel 2.4'
),

tujuan_iku as (
    select distinct on (t.kode_wilayah, a.kode_iku)
        t.kode_wilayah, a.kode_iku, t.tujuan, t.indikator_tujuan, t.sasaran, t.tahun_dokumen
    from tujuan_sasaran t
    join alias a on a.kunci = kunci_teks(t.indikator_sasaran)
    order by t.kode_wilayah, a.kode_iku, t.tahun_dokumen desc, t.source_row
),

rpjmd_iku as (
    select distinct on (c.kode_wilayah, c.kode_iku)
        c.kode_wilayah, c.kode_iku, r.misi, r.tujuan, r.indikator_tujuan, r.sasaran, r.indikator_sasaran, c.dasar
    from kaskade_rpjmd c
    join rpjmd r on r.kode_wilayah = c.kode_wilayah and kunci_teks(r.sasaran) = kunci_teks(c.sasaran_rpjmd)
    order by c.kode_wilayah, c.kode_iku, r.tahun_dokumen desc, r.source_row
),

program_nama as (
    select kode_wilayah, tahun, kode_program, program
    from anggaran_program
),

gabung as (
    select
        b.kode_wilayah,
        b.tahun,
        r.misi as misi_rpjmd,
        r.tujuan as tujuan_rpjmd,
        r.indikator_tujuan as indikator_tujuan_rpjmd,
        r.sasaran as sasaran_rpjmd,
        r.indikator_sasaran as indikator_sasaran_rpjmd,
        r.dasar as dasar_kaitan_rpjmd,
        t.tujuan as tujuan_dinas,
        t.indikator_tujuan as indikator_tujuan_dinas,
        coalesce(t.sasaran, c.sasaran, m.sasaran) as sasaran_dinas,
        b.kode_iku,
        coalesce(c.indikator, m.indikator) as indikator,
        c.satuan as satuan_iku,
        c.target as target_iku,
        c.realisasi as realisasi_iku,
        c.capaian as capaian_iku,
        c.capaian_tampil as capaian_iku_tampil,
        c.kriteria as kriteria_iku,
        c.sumber_realisasi as sumber_realisasi_iku,
        b.kode_program,
        coalesce(pn.program, kp.program_2_4_nama) as program,
        b.sumber_pemetaan,
        b.sasaran_menurut_sumber,
        b.keterangan_pemetaan,
        coalesce(g.pemetaan_ganda, false) as pemetaan_ganda,
        g.iku_program,
        b.tingkat_baris,
        b.kode_kegiatan,
        b.kegiatan,
        case when y.tahun is null or b.kegiatan is null then null
             else k24.kunci_kegiatan is not null end as kegiatan_di_tabel_2_4,
        k24.program_2_4 as program_kegiatan_tabel_2_4,
        b.kode_sub_kegiatan,
        b.sub_kegiatan,
        ap.pagu as pagu_program,
        ap.realisasi as realisasi_program,
        b.pagu_kegiatan,
        b.realisasi_kegiatan,
        b.pagu,
        b.realisasi,
        b.target_keluaran,
        b.satuan_target_keluaran,
        b.capaian_keluaran,
        b.satuan_capaian_keluaran,
        b.sumber_anggaran,
        b.pemetaan_source_file,
        b.pemetaan_source_row,
        b.anggaran_source_file,
        b.anggaran_source_row
    from baris b
    left join ganda g using (kode_wilayah, tahun, kode_program)
    left join anggaran_program ap using (kode_wilayah, tahun, kode_program)
    left join program_nama pn using (kode_wilayah, tahun, kode_program)
    left join (select kode_wilayah, tahun, kode_program, min(program_tercetak) as program_2_4_nama
               from pemetaan group by all) kp using (kode_wilayah, tahun, kode_program)
    left join capaian c on c.kode_wilayah = b.kode_wilayah and c.tahun = b.tahun and c.kunci_indikator = b.kode_iku
    left join manual m on m.kode_wilayah = b.kode_wilayah and m.kode_iku = b.kode_iku
    left join tujuan_iku t on t.kode_wilayah = b.kode_wilayah and t.kode_iku = b.kode_iku
    left join rpjmd_iku r on r.kode_wilayah = b.kode_wilayah and r.kode_iku = b.kode_iku
    left join tahun_2_4 y on y.kode_wilayah = b.kode_wilayah and y.tahun = b.tahun
    left join kegiatan_2_4_per_kunci k24
        on k24.kode_wilayah = b.kode_wilayah and k24.tahun = b.tahun and k24.kode_iku = b.kode_iku
        and k24.kunci_kegiatan = kunci_teks(b.kegiatan)
),

-- Whether Tabel 2.4 prints the kegiatan's program under the name it gives it (see catatan).
gabung_2_4 as (
    select g.*, p.program_tercetak is not null as program_2_4_cocok
    from gabung g
    left join program_tercetak_2_4 p
        on p.kode_wilayah = g.kode_wilayah and p.tahun = g.tahun and p.kode_program = g.kode_program
        and p.program_tercetak = g.program_kegiatan_tabel_2_4
)

select
    kode_wilayah,
    tahun,
    misi_rpjmd,
    tujuan_rpjmd,
    indikator_tujuan_rpjmd,
    sasaran_rpjmd,
    indikator_sasaran_rpjmd,
    tujuan_dinas,
    indikator_tujuan_dinas,
    sasaran_dinas,
    kode_iku,
    indikator,
    satuan_iku,
    target_iku,
    realisasi_iku,
    capaian_iku,
    capaian_iku_tampil,
    kriteria_iku,
    sumber_realisasi_iku,
    kode_program,
    program,
    sumber_pemetaan,
    sasaran_menurut_sumber,
    pemetaan_ganda,
    iku_program,
    tingkat_baris,
    kode_kegiatan,
    kegiatan,
    kegiatan_di_tabel_2_4,
    kode_sub_kegiatan,
    sub_kegiatan,
    pagu_program,
    realisasi_program,
    pagu_kegiatan,
    realisasi_kegiatan,
    pagu,
    realisasi,
    persen_desimal(realisasi, pagu) as persentase_realisasi,
    target_keluaran,
    satuan_target_keluaran,
    capaian_keluaran,
    satuan_capaian_keluaran,
    sumber_anggaran,
    keterangan_pemetaan as rincian_pemetaan,
    nullif(concat_ws(' ',
        case when kode_iku is null
             then 'Program ini dianggarkan tetapi tidak ada tabel yang memetakannya ke IKU mana pun.' end,
        case when pemetaan_ganda
             then 'Program ini dipetakan ke lebih dari satu IKU (' || array_to_string(iku_program, ', ')
                  || ') oleh tabel yang berbeda; jumlah anggaran per IKU menghitungnya di setiap IKU.' end,
        case when sumber_anggaran = 'tidak ada'
             then 'Program ini disebut ' || sumber_pemetaan || ' tetapi tidak ada anggarannya di Lampiran C maupun tabel realisasi program '
                  || tahun || '.' end,
        case when program_kegiatan_tabel_2_4 is not null and kode_program is not null and not program_2_4_cocok
             then 'Tabel 2.4 mencantumkan kegiatan ini di bawah ' || program_kegiatan_tabel_2_4
                  || '; di Lampiran C kegiatan ini bagian dari program ' || kode_program || '.' end,
        case when kode_iku is not null and sasaran_rpjmd is null
             then 'Tidak ada kaitan ke sasaran RPJMD untuk IKU ini (Tabel 2.1 / config.kaskade_rpjmd).' end
    ), '') as catatan,
    pemetaan_source_file,
    pemetaan_source_row,
    anggaran_source_file,
    anggaran_source_row
from gabung_2_4 g
