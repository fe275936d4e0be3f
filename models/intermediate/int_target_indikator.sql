-- Grain: one row per region x year x indicator x target source: every target the plans state
-- (the signed Perjanjian Kinerja for its year, the Renstra matrix for each year it fills).
-- Inputs: intermediate.int_perjanjian_kinerja, staging.stg_plans_renstra_target,
-- intermediate.int_alias_indikator.
with pk as (
    select * from intermediate.int_perjanjian_kinerja
),

renstra as (
    select * from staging.stg_plans_renstra_target
),

alias as (
    select kunci, kode_iku from intermediate.int_alias_indikator
),

-- staging.stg_plans_renstra_target is already one row per indicator x printed year.
renstra_panjang as (
    select * from renstra where tahun is not null
)

select
    kode_wilayah, tahun, coalesce(kode_iku, 'pk' || lpad(urutan::varchar, 2, '0')) as kunci_indikator,
    kode_iku, indikator, satuan, target, target_teks, 'perjanjian_kinerja' as sumber_target, 1 as prioritas,
    source_file, source_row
from pk
union all
select
    r.kode_wilayah, r.tahun, a.kode_iku, a.kode_iku, r.indikator, r.satuan,
    r.target, r.target::varchar, 'renstra', 2,
    r.source_file, r.source_row
from renstra_panjang r
join alias a on a.kunci = kunci_teks(r.indikator)
where r.target is not null
