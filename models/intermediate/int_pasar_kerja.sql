-- Grain: one row per stated labour-market figure: region x year x measure x source (every vintage kept).
-- Inputs: staging.stg_bps_kabkota_tahun (BPS tables), staging.stg_bps_published_figures (figures quoted
-- by BPS and other outlets). Persons are normalised to persons (thousand persons x 1000, exactly).
with bps_tabel as (
    select * from staging.stg_bps_kabkota_tahun
),

kutipan as (
    select * from staging.stg_bps_published_figures
),

dari_tabel as (
    select
        kode_wilayah, tahun, ukuran,
        nilai,
        case when ukuran = 'tpt' then 'persen' else 'jiwa' end as satuan,
        'tabel_bps' as jenis_sumber,
        'Tabel BPS (' || source_file || ')' as sumber,
        null::varchar as periode,
        null::varchar as url_sumber,
        source_file, source_row, source_column
    from bps_tabel
    where nilai is not null
),

dari_kutipan as (
    select
        kode_wilayah, tahun, ukuran,
        case when satuan = 'thousand persons' then nilai * 1000 else nilai end as nilai,
        case when satuan in ('persons', 'thousand persons') then 'jiwa'
             when satuan = 'percent' then 'persen'
             else satuan end as satuan,
        'kutipan' as jenis_sumber,
        regexp_extract(url_sumber, '^https?://([^/]+)', 1) as sumber,
        periode,
        url_sumber,
        source_file, source_row, 'value' as source_column
    from kutipan
    where ukuran in ('angkatan_kerja', 'bekerja', 'pengangguran', 'tpt', 'tpak', 'penduduk_usia_kerja', 'pdrb_per_kapita')
      and tahun is not null
)

select * from dari_tabel
union all
select * from dari_kutipan
