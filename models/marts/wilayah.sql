-- Grain: one row per region code (kab/kota or province) the warehouse names, with its BPS name and
-- level. Notebooks label regions from here.
-- Inputs: staging.stg_bps_wilayah.
with wilayah as (
    select * from staging.stg_bps_wilayah
)

select
    kode_wilayah,
    any_value(nama_wilayah order by source_file, source_row) as nama_wilayah,
    -- BPS codes: 2 digits = province, 4 digits = kabupaten/kota.
    case when length(kode_wilayah) = 2 then 'provinsi' else 'kabupaten/kota' end as tingkat,
    any_value(source_file order by source_file, source_row) as source_file,
    min(source_row) as source_row
from wilayah
where kode_wilayah is not null
group by kode_wilayah
