-- Grain: one row per (matching key of a printed indicator name, IKU code, scope): every way the report and
-- the plans name an IKU, from the office's IKU manual and config.alias_indikator, keyed by kunci_teks.
-- Scope 'laporan' marks a name only the report's own tables use for that IKU (the signed PK uses it for
-- another indicator); 'semua' applies everywhere.
-- Inputs: staging.stg_plans_manual_iku, config.alias_indikator.
with manual as (
    select * from staging.stg_plans_manual_iku
),

alias as (
    select * from config.alias_indikator
)

select distinct kunci_teks(indikator) as kunci, kode_iku, 'semua' as cakupan from manual
union
select kunci_teks(teks), kode_iku, cakupan from alias
