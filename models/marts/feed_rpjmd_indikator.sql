-- Grain: one row per region x year x RPJMD-level indicator with a target or a realisation: what the
-- Bappeda feed (outputs/feeds/rpjmd_indikator.*) publishes, before the reconciliation status is added.
-- Indicators: the RPJMD labour-market indicators (TPT, TKK, PDRB per kapita) for every region, and the
-- office IKU that feed an RPJMD sasaran (config.kaskade_rpjmd).
-- Inputs: marts.renstra_indikator, config.kaskade_rpjmd.
-- `indikator` is the stable indicator code (kunci_indikator, e.g. 'tpt'), not a printed name: the report
-- spells one indicator up to four ways, and a feed key must not change when a table re-spells it.
-- Realisation, target and capaian are the trajectory's (renstra_indikator, terpilih row): the value the
-- default rule or a resolution chose, the Renstra target (the PK's where the Renstra gives none), and
-- capaian direction-aware and exact. status_rekonsiliasi is joined by the feed step from recon.temuan,
-- which the check step writes after the models have run (pipelines/export/feed.ts).
with indikator as (
    select * from marts.renstra_indikator
),

kaskade_rpjmd as (
    select * from config.kaskade_rpjmd
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
    kode_wilayah,
    tahun,
    kunci_indikator as indikator,
    satuan,
    arah,
    target,
    realisasi,
    capaian,
    kriteria,
    nullif(concat_ws('; ',
        'realisasi: ' || sumber,
        'target: ' || case sumber_target when 'renstra' then 'Renstra (matriks target)'
                                         when 'perjanjian_kinerja' then 'Perjanjian Kinerja' end
    ), '') as sumber,
    nullif(concat_ws('; ',
        'realisasi: ' || provenance,
        'target: ' || target_source_file || ' baris ' || target_source_row
    ), '') as provenance,
    indikator as nama_indikator
from dipilih
