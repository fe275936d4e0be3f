-- Grain: one row per numbered line of the industrial-relations data sheet (section titles excluded).
-- Inputs: staging.stg_hi_data_sheet.
with lembar as (
    select * from staging.stg_hi_data_sheet
)

select kode_wilayah, tahun, bagian, butir, bagian_judul, uraian, nilai, satuan, source_file, source_row
from lembar
where butir is not null
