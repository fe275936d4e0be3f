-- Grain: one row per region x IKU declared in the office's IKU manual: name, unit, direction and
-- formula as the manual states them (the notebooks take axis units from here).
-- Inputs: staging.stg_plans_manual_iku.
with manual as (
    select * from staging.stg_plans_manual_iku
)

select
    kode_wilayah, tahun, kode_iku, sasaran, indikator, satuan, perumusan, pembilang, penyebut, arah,
    sumber_data, tabel_rumusan, source_file, source_row
from manual
