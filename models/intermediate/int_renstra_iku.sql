-- Grain: one row per region x indicator whose Renstra trajectory is tracked: the office's own IKU (those
-- with a Rumusan table in its IKU manual, or a row in its Renstra target matrix) plus the RPJMD
-- labour-market indicators TPT, TKK and PDRB per kapita, with name, unit, direction, the Renstra period
-- and the Renstra's final target (Target Akhir Renstra) as printed.
-- Inputs: staging.stg_plans_manual_iku, staging.stg_plans_renstra_target, intermediate.int_alias_indikator,
-- intermediate.int_pasar_kerja (which regions have labour-market figures).
-- Why the RPJMD indicators are always tracked: BPS measures them for every region, and Bappeda reads
-- them for every region (marts.feed_rpjmd_indikator), whether or not the region's Renstra lists them.
-- The Renstra period comes from the year columns the target matrix prints (staging.stg_plans_renstra_target
-- reads them by pattern), not from a constant; a region without a Renstra matrix has no period (NULL).
-- target_akhir_renstra is kept as printed: Tabel 3.19 divides the summed realisations by it, and its
-- values (500 = 5 x 100 for a 100% indicator, 366,4 for an index near 71) are cumulative sums of annual
-- targets, not a level for the last year. It is therefore never used as the last year's level target.
with manual as (
    select * from staging.stg_plans_manual_iku
),

renstra as (
    select * from staging.stg_plans_renstra_target
),

alias as (
    select kunci, kode_iku from intermediate.int_alias_indikator
),

-- The RPJMD indicators every region reports (LKjIP "Capaian IKU Pemerintah Daerah" and Tabel 3.6).
indikator_rpjmd as (
    select * from (values ('tpt'), ('tkk'), ('pdrb_per_kapita')) as t(kode_iku)
),

renstra_iku as (
    select r.*, a.kode_iku
    from renstra r
    join alias a on a.kunci = kunci_teks(r.indikator)
),

-- Years the matrix has columns for, whatever they hold (an empty column is still a year of the plan).
periode_wilayah as (
    select
        kode_wilayah,
        min(tahun) as tahun_awal_renstra,
        max(tahun) as tahun_akhir_renstra
    from renstra
    group by kode_wilayah
),

-- Every region the warehouse has a labour-market figure for also tracks the RPJMD indicators: Bappeda
-- compares TPT and TKK across all kab/kota and the province, not only the office's own region.
wilayah as (
    select distinct kode_wilayah from manual
    union
    select distinct kode_wilayah from renstra
    union
    select distinct kode_wilayah from intermediate.int_pasar_kerja
    where ukuran in (select kode_iku from indikator_rpjmd) and nilai is not null
),

dilacak as (
    select kode_wilayah, kode_iku, 'iku_dinas' as peran from manual where tabel_rumusan is not null
    union
    select kode_wilayah, kode_iku, 'renstra' from renstra_iku
    union
    select w.kode_wilayah, i.kode_iku, 'indikator_rpjmd' from wilayah w cross join indikator_rpjmd i
),

peran as (
    select
        kode_wilayah, kode_iku,
        -- 'indikator_rpjmd' wins: TPT is both in the matrix and an RPJMD indicator.
        case when bool_or(peran = 'indikator_rpjmd') then 'indikator_rpjmd' else 'iku_dinas' end as peran
    from dilacak
    group by kode_wilayah, kode_iku
),

-- The region's own manual first; a region without one borrows another region's declaration of the
-- same code (the BPS definitions of TPT / TKK / PDRB are national).
manual_terpilih as (
    select distinct on (p.kode_wilayah, p.kode_iku)
        p.kode_wilayah, p.kode_iku, m.sasaran, m.indikator, m.satuan, m.arah,
        m.source_file, m.source_row
    from peran p
    left join manual m on m.kode_iku = p.kode_iku
    order by p.kode_wilayah, p.kode_iku, (m.kode_wilayah = p.kode_wilayah) desc nulls last, m.kode_wilayah, m.source_row
),

target_akhir as (
    select distinct on (kode_wilayah, kode_iku)
        kode_wilayah, kode_iku, target_akhir_renstra, target_akhir_renstra_teks, satuan as satuan_renstra,
        source_file, source_row
    from renstra_iku
    order by kode_wilayah, kode_iku, tahun_dokumen desc, source_row
)

select
    p.kode_wilayah,
    p.kode_iku as kunci_indikator,
    p.peran,
    m.sasaran,
    m.indikator,
    coalesce(m.satuan, t.satuan_renstra) as satuan,
    coalesce(m.arah, 'positif') as arah,
    case when m.arah is not null then 'manual IKU' else 'bawaan (tidak dideklarasikan di manual IKU)' end as sumber_arah,
    w.tahun_awal_renstra,
    w.tahun_akhir_renstra,
    t.target_akhir_renstra,
    t.target_akhir_renstra_teks,
    t.source_file as renstra_source_file,
    t.source_row as renstra_source_row,
    m.source_file as manual_source_file,
    m.source_row as manual_source_row
from peran p
left join manual_terpilih m using (kode_wilayah, kode_iku)
left join target_akhir t using (kode_wilayah, kode_iku)
left join periode_wilayah w using (kode_wilayah)
