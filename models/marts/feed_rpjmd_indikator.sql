-- Grain: one row per region x year x RPJMD-level indicator with a target or a realisation: what the
-- Bappeda feed (outputs/feeds/rpjmd_indikator.*) publishes, before the reconciliation status is added.
-- Indicators: the RPJMD labour-market indicators (TPT, TKK, PDRB per kapita) for every region the
-- warehouse has figures for (every kab/kota of Kalimantan Timur and the province), and the office IKU
-- that feed an RPJMD sasaran (config.kaskade_rpjmd).
-- Inputs: marts.renstra_indikator, config.kaskade_rpjmd, config.tingkat_sumber, config.satuan_indikator.
-- `indikator` is the stable indicator code (kunci_indikator, e.g. 'tpt'), not a printed name: the report
-- spells one indicator up to four ways, and a feed key must not change when a table re-spells it.
-- Realisation, target and capaian are the trajectory's (renstra_indikator, terpilih row): the value a
-- resolution or else the documented source hierarchy chose (dasar_pilihan says which), the Renstra
-- target (the PK's where the Renstra gives none), and capaian direction-aware and exact. tingkat_sumber
-- is the tier of the chosen value's source (config.tingkat_sumber). The unit is the manual's, unless
-- config.satuan_indikator records the unit the figures are actually in (PDRB per kapita: juta rupiah).
-- status_rekonsiliasi is joined by the feed step from recon.temuan, which the check step writes after
-- the models have run (pipelines/export/feed.ts).
with indikator as (
    select * from marts.renstra_indikator
),

kaskade_rpjmd as (
    select * from config.kaskade_rpjmd
),

tingkat as (
    select * from config.tingkat_sumber
),

satuan as (
    select * from config.satuan_indikator
),

dipilih as (
    select i.*
    from indikator i
    where i.terpilih
      and (i.target is not null or i.realisasi is not null)
      and (i.peran = 'indikator_rpjmd'
           or exists (select 1 from kaskade_rpjmd k where k.kode_wilayah = i.kode_wilayah and k.kode_iku = i.kunci_indikator))
)

select
    d.kode_wilayah,
    d.tahun,
    d.kunci_indikator as indikator,
    d.indikator as nama_indikator,
    coalesce(s.satuan, d.satuan) as satuan,
    d.arah,
    d.target,
    d.realisasi,
    d.capaian,
    d.kriteria,
    case when d.realisasi is not null then coalesce(t.tingkat_sumber, d.jenis_sumber) end as tingkat_sumber,
    d.dasar_pilihan,
    nullif(concat_ws('; ',
        'realisasi: ' || d.sumber,
        'target: ' || case d.sumber_target when 'renstra' then 'Renstra (matriks target)'
                                           when 'perjanjian_kinerja' then 'Perjanjian Kinerja' end
    ), '') as sumber,
    nullif(concat_ws('; ',
        'realisasi: ' || d.provenance,
        'target: ' || d.target_source_file || ' baris ' || d.target_source_row
    ), '') as provenance
from dipilih d
left join tingkat t on t.jenis_sumber = d.jenis_sumber
left join satuan s on s.kode_iku = d.kunci_indikator
