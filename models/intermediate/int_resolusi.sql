-- Grain: one row per recorded resolution (sources/resolutions.csv) and the figure family whose value it
-- decides (keluarga; null when the id names no family: a single-cell finding, or a stale id).
-- A resolution may name a figure family key, a masalah id or a finding id. The reconciliation step names
-- a masalah by the hash of its naming key ('keluarga|<family>' for a family whose members disagree,
-- 'indikator|<region>|<year>|<indicator>|realisasi' for an indicator's realisation chain) and a
-- keluarga_angka finding by the hash of 'keluarga:<family>'. The same hashes here map those ids back to
-- the family, so every model uses the decided value, whichever of the three ids the analyst recorded,
-- before the check step runs. The first resolution (file order) for a family stands.
-- Inputs: staging.stg_resolusi_keputusan, intermediate.int_keluarga_angka.
with resolusi as (
    select * from staging.stg_resolusi_keputusan
),

keluarga as (
    select distinct keluarga, ukuran, kode_wilayah, tahun, kunci_indikator, split_part(keluarga, '|', 4) as periode
    from intermediate.int_keluarga_angka
),

nama as (
    select keluarga, keluarga as id, 'keluarga' as sasaran from keluarga
    union all
    select keluarga, 'M-' || left(md5('keluarga|' || keluarga), 8), 'masalah' from keluarga
    union all
    select keluarga, 'keluarga_angka-' || left(md5('keluarga:' || keluarga), 10), 'temuan' from keluarga
    union all
    -- an indicator's realisation chain is decided on its realisasi family, or on the indicator's own
    -- family where the indicator is itself a published rate (its key is the measure)
    select keluarga, 'M-' || left(md5('indikator|' || kode_wilayah || '|' || tahun || '|' || kunci_indikator || '|realisasi'), 8), 'masalah'
    from keluarga
    where kunci_indikator is not null and periode = 'tahunan' and ukuran in ('realisasi', kunci_indikator)
),

cocok as (
    select r.*, n.keluarga, n.sasaran
    from resolusi r left join nama n on n.id = r.id
)

select * exclude (urutan)
from (
    select *, row_number() over (partition by keluarga order by source_row, id) as urutan from cocok
)
where keluarga is null or urutan = 1
