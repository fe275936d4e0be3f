-- Grain: one row per parent node of a Lampiran C tree (region x year x file): every program row,
-- every kegiatan row, and one 'total' node per file (the unlabeled grand total, whose printed figures
-- stay in raw.stated_totals). Each carries its printed figures, the sums over its direct children
-- (anak_*: kegiatan under a program, sub-kegiatan under a kegiatan, programs under the total) and
-- the sums over all sub-kegiatan beneath it (sub_*), for the checks that printed subtotals add up.
-- Inputs: staging.stg_budget_lampiran_c.
-- Why both sums: only sub-kegiatan print BERTAMBAH/BERKURANG and kinerja, so a program's change and
-- weighted progress can only be recomputed from the leaves; the direct-children sums test each
-- printed subtotal against the level right below it.
with lampiran_c as (
    select * from staging.stg_budget_lampiran_c
),

-- Column 12 of the sheet is "(9*7/100)": bobot x physical progress / 100; column 13 "(11*9/100)":
-- financial % x bobot / 100. Recomputed per leaf; the x 0.01 is a DECIMAL factor because a DECIMAL
-- division would give DOUBLE in DuckDB.
daun as (
    select
        *,
        bobot * rea_fisik_pct * cast('0.01' as decimal(3, 2)) as tertimbang_fisik_dihitung,
        bobot * realisasi_pct * cast('0.01' as decimal(3, 2)) as tertimbang_keu_dihitung,
        -- pagu x physical %: summed and divided by the total pagu it gives physical progress
        -- weighted by the exact budget share rather than by the printed (rounded) bobot.
        pagu * rea_fisik_pct * cast('0.01' as decimal(3, 2)) as pagu_kali_fisik
    from lampiran_c
    where tingkat = 'sub_kegiatan'
),

induk as (
    select
        kode_wilayah, tahun, tingkat, kode, kode_program, uraian,
        pagu, realisasi, sisa, bertambah_berkurang, bobot, tertimbang_fisik, tertimbang_keu, realisasi_pct,
        source_file, source_row
    from lampiran_c
    where tingkat in ('program', 'kegiatan')
    union all
    -- The grand total node: one per file; its printed figures are claims in raw.stated_totals.
    select
        kode_wilayah, tahun, 'total', null, null, 'Jumlah', null, null, null, null, null, null, null, null,
        source_file, cast(null as integer)
    from lampiran_c
    group by kode_wilayah, tahun, source_file
),

-- Direct children: the level right below, matched on the printed code the loader derived as parent.
-- Equi-joins on (file, parent key, child level) so the join is hashed, not a nested loop per file.
anak as (
    select
        i.source_file, i.tingkat, i.kode,
        count(a.source_row) as jumlah_anak,
        sum(a.pagu) as anak_pagu,
        sum(a.realisasi) as anak_realisasi,
        sum(a.sisa) as anak_sisa,
        sum(a.bertambah_berkurang) as anak_bertambah_berkurang,
        sum(a.bobot) as anak_bobot,
        sum(a.tertimbang_fisik) as anak_tertimbang_fisik,
        sum(a.tertimbang_keu) as anak_tertimbang_keu,
        list(a.source_row order by a.source_row) as anak_source_rows
    from induk i
    left join (
        select *, case when tingkat = 'program' then '#total' else kode_induk end as kunci_induk
        from lampiran_c
        where tingkat in ('program', 'kegiatan', 'sub_kegiatan')
    ) a
        on a.source_file = i.source_file
        and a.kunci_induk = case when i.tingkat = 'total' then '#total' else i.kode end
        and a.tingkat = case i.tingkat when 'program' then 'kegiatan' when 'kegiatan' then 'sub_kegiatan' else 'program' end
    group by i.source_file, i.tingkat, i.kode
),

-- All sub-kegiatan beneath: of the kegiatan, of the program (kode_program), or of the whole file.
sub as (
    select
        i.source_file, i.tingkat, i.kode,
        count(d.source_row) as jumlah_sub_kegiatan,
        sum(d.pagu) as sub_pagu,
        sum(d.realisasi) as sub_realisasi,
        sum(d.sisa) as sub_sisa,
        sum(d.bertambah_berkurang) as sub_bertambah_berkurang,
        sum(d.bobot) as sub_bobot,
        sum(d.tertimbang_fisik) as sub_tertimbang_fisik,
        sum(d.tertimbang_keu) as sub_tertimbang_keu,
        sum(d.tertimbang_fisik_dihitung) as sub_tertimbang_fisik_dihitung,
        sum(d.tertimbang_keu_dihitung) as sub_tertimbang_keu_dihitung,
        sum(d.pagu_kali_fisik) as sub_pagu_kali_fisik,
        list(d.source_row order by d.source_row) as sub_source_rows
    from induk i
    -- Each leaf under its three ancestors (program, kegiatan, file total), as equi-join keys.
    left join (
        select *, 'program' as tingkat_induk, kode_program as kunci_induk from daun
        union all
        select *, 'kegiatan', kode_induk from daun
        union all
        select *, 'total', '#total' from daun
    ) d
        on d.source_file = i.source_file
        and d.tingkat_induk = i.tingkat
        and d.kunci_induk = case when i.tingkat = 'total' then '#total' else i.kode end
    group by i.source_file, i.tingkat, i.kode
)

select
    i.kode_wilayah,
    i.tahun,
    i.tingkat,
    i.kode,
    i.kode_program,
    i.uraian,
    i.pagu,
    i.realisasi,
    i.sisa,
    i.bertambah_berkurang,
    i.bobot,
    i.tertimbang_fisik,
    i.tertimbang_keu,
    i.realisasi_pct,
    a.jumlah_anak,
    a.anak_pagu,
    a.anak_realisasi,
    a.anak_sisa,
    a.anak_bertambah_berkurang,
    a.anak_bobot,
    a.anak_tertimbang_fisik,
    a.anak_tertimbang_keu,
    s.jumlah_sub_kegiatan,
    s.sub_pagu,
    s.sub_realisasi,
    s.sub_sisa,
    s.sub_bertambah_berkurang,
    s.sub_bobot,
    s.sub_tertimbang_fisik,
    s.sub_tertimbang_keu,
    cast(s.sub_tertimbang_fisik_dihitung as decimal(28, 6)) as sub_tertimbang_fisik_dihitung,
    cast(s.sub_tertimbang_keu_dihitung as decimal(28, 6)) as sub_tertimbang_keu_dihitung,
    cast(s.sub_pagu_kali_fisik as decimal(28, 6)) as sub_pagu_kali_fisik,
    -- Printed subtotal minus the sum of the level right below (NULL on the total node: its printed
    -- figures are compared by the checks that read raw.stated_totals).
    i.pagu - a.anak_pagu as selisih_pagu,
    i.realisasi - a.anak_realisasi as selisih_realisasi,
    i.sisa - a.anak_sisa as selisih_sisa,
    i.bobot - a.anak_bobot as selisih_bobot,
    i.tertimbang_fisik - a.anak_tertimbang_fisik as selisih_tertimbang_fisik,
    i.tertimbang_keu - a.anak_tertimbang_keu as selisih_tertimbang_keu,
    i.source_file,
    i.source_row,
    a.anak_source_rows,
    s.sub_source_rows
from induk i
join anak a on a.source_file = i.source_file and a.tingkat = i.tingkat and a.kode is not distinct from i.kode
join sub s on s.source_file = i.source_file and s.tingkat = i.tingkat and s.kode is not distinct from i.kode
