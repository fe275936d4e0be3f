-- Grain: one row per Perjanjian Kinerja indicator (region x year x PK row order), with the IKU it
-- is (when it is one of the office's declared IKU), the declared direction and the parsed target.
-- Inputs: staging.stg_plans_perjanjian_kinerja, staging.stg_plans_manual_iku, intermediate.int_alias_indikator
-- (aliases with cakupan 'semua' only).
with pk as (
    select * from staging.stg_plans_perjanjian_kinerja
),

manual as (
    select * from staging.stg_plans_manual_iku
),

alias as (
    -- Aliases limited to the report's own tables ('laporan') do not apply to the signed PK, which uses
    -- the same name for a different indicator.
    select kunci, kode_iku from intermediate.int_alias_indikator where cakupan = 'semua'
),

dipetakan as (
    select pk.*, a.kode_iku
    from pk
    left join alias a on a.kunci = kunci_teks(pk.indikator)
)

select
    d.kode_wilayah,
    d.tahun,
    d.urutan,
    d.no_pk,
    d.sasaran,
    d.indikator,
    d.satuan,
    d.kode_iku,
    d.target_teks,
    d.target,
    d.target_desimal,
    -- Direction is declared in the IKU manual; indicators it does not list follow the LKjIP's
    -- general (positive) formula, and say so.
    coalesce(m.arah, 'positif') as arah,
    case when m.arah is null then 'bawaan LKjIP (tidak dideklarasikan di manual IKU)' else 'manual IKU' end as sumber_arah,
    -- A range target is printed in the indicator name ("maksimal 1,5% - 3,5%").
    case when m.arah = 'rentang' then regexp_extract(d.indikator, '(\d+(,\d+)?\s*%?\s*-\s*\d+(,\d+)?\s*%?)', 1) end as rentang_target,
    d.source_file, d.source_row
from dipetakan d
left join manual m on m.kode_iku = d.kode_iku and m.kode_wilayah = d.kode_wilayah
