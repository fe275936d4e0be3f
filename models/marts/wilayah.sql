-- Grain: one row per region code (kab/kota or province) the warehouse names, with its BPS name and
-- level, and its Kemendagri code read through the crosswalk (never from the digits: the two systems
-- give the same four digits to different regions). Notebooks label regions from here.
-- Inputs: staging.stg_bps_wilayah, config.kode_wilayah_silang.
with wilayah as (
    select * from staging.stg_bps_wilayah
),

silang as (
    select kode_bps, kode_kemendagri from config.kode_wilayah_silang
)

select
    w.kode_wilayah,
    any_value(w.nama_wilayah order by w.source_file, w.source_row) as nama_wilayah,
    -- BPS codes: 2 digits = province, 4 digits = kabupaten/kota.
    case when length(w.kode_wilayah) = 2 then 'provinsi' else 'kabupaten/kota' end as tingkat,
    any_value(s.kode_kemendagri) as kode_kemendagri,
    any_value(w.source_file order by w.source_file, w.source_row) as source_file,
    min(w.source_row) as source_row
from wilayah w
left join silang s on s.kode_bps = w.kode_wilayah
where w.kode_wilayah is not null
group by w.kode_wilayah
