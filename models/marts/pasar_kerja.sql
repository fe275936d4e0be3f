-- Grain: one row per stated labour-market figure: region x year x measure x source (every vintage kept,
-- never merged across sources).
-- Inputs: intermediate.int_pasar_kerja.
with pk as (
    select * from intermediate.int_pasar_kerja
)

select * from pk
