-- Grain: one row per region x tracked indicator x year: every year of the region's Renstra period (a year
-- the plan leaves empty stays NULL, with a catatan saying so) and any other year a Perjanjian Kinerja
-- sets a target for. The Renstra matrix target and the signed PK target side by side.
-- Inputs: intermediate.int_renstra_iku, intermediate.int_target_indikator.
-- Why `target` is the Renstra's first (unlike int_capaian_indikator, which prefers the signed PK for
-- the year's capaian): a trajectory follows the medium-term plan; the PK only fills a year the plan
-- leaves empty. Where both exist and differ, both stay visible and the catatan says which is used.
with iku as (
    select * from intermediate.int_renstra_iku
),

target as (
    select * from intermediate.int_target_indikator
),

renstra as (
    select distinct on (kode_wilayah, tahun, kunci_indikator) *
    from target
    where sumber_target = 'renstra'
    order by kode_wilayah, tahun, kunci_indikator, source_file, source_row
),

pk as (
    select distinct on (kode_wilayah, tahun, kunci_indikator) *
    from target
    where sumber_target = 'perjanjian_kinerja'
    order by kode_wilayah, tahun, kunci_indikator, source_file, source_row
),

-- Every year of the plan, whether or not it gives a target.
tahun_periode as (
    select kode_wilayah, kunci_indikator, cast(unnest(range(tahun_awal_renstra, tahun_akhir_renstra + 1)) as integer) as tahun
    from iku
    where tahun_awal_renstra is not null
),

tahun_target as (
    select kode_wilayah, kunci_indikator, tahun from tahun_periode
    union
    select t.kode_wilayah, t.kunci_indikator, t.tahun
    from target t
    join iku i using (kode_wilayah, kunci_indikator)
)

select
    y.kode_wilayah,
    y.kunci_indikator,
    y.tahun,
    i.tahun_awal_renstra,
    i.tahun_akhir_renstra,
    y.tahun between i.tahun_awal_renstra and i.tahun_akhir_renstra as dalam_periode_renstra,
    r.target as target_renstra,
    p.target as target_pk,
    p.target_teks as target_pk_teks,
    coalesce(r.target, p.target) as target,
    case when r.target is not null then 'renstra' when p.target is not null then 'perjanjian_kinerja' end as sumber_target,
    case
        when i.tahun_awal_renstra is null and p.target is not null
            then 'Wilayah ini tidak memiliki matriks target Renstra; target dari Perjanjian Kinerja ' || y.tahun || '.'
        when r.target is not null and p.target is not null and r.target <> p.target
            then 'Renstra ' || angka_id(r.target::varchar) || ' dan Perjanjian Kinerja ' || angka_id(p.target::varchar)
                 || ' berbeda; dipakai target Renstra.'
        when r.target is null and p.target is not null
            then 'Renstra tidak mencantumkan target ' || y.tahun || '; dipakai target Perjanjian Kinerja.'
        when r.target is null and not (y.tahun between i.tahun_awal_renstra and i.tahun_akhir_renstra)
            then 'Di luar periode Renstra ' || i.tahun_awal_renstra || '-' || i.tahun_akhir_renstra || '.'
        when r.target is null
            then 'Renstra tidak mencantumkan target ' || y.tahun || ' untuk indikator ini (dibiarkan kosong, tidak diisi).'
    end as catatan_target,
    coalesce(r.source_file, p.source_file) as target_source_file,
    coalesce(r.source_row, p.source_row) as target_source_row,
    p.source_file as pk_source_file,
    p.source_row as pk_source_row
from tahun_target y
join iku i using (kode_wilayah, kunci_indikator)
left join renstra r using (kode_wilayah, tahun, kunci_indikator)
left join pk p using (kode_wilayah, tahun, kunci_indikator)
