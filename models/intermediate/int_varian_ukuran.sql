-- Grain: one row per statement of a measure variant: a figure whose printed label marks it as a variant
-- of a measure ("usulan"/proposal, sectoral, "as stated", rounded in the source, a simulation; patterns in
-- config.varian_ukuran, first match by urutan), with its note and the key of the measure's figure family
-- it belongs to. Variants are not members of the family (intermediate.int_keluarga_angka): they are listed
-- with it, and the check varian_ukuran compares only those whose class says they should equal it.
-- Inputs: staging.stg_bps_published_wages, staging.stg_hi_data_sheet, config.varian_ukuran.
with pola as (
    select cast(urutan as integer) as urutan, pola, varian, dibandingkan = 'ya' as dibandingkan, catatan from config.varian_ukuran
),

-- Labelled minimum-wage figures: the measure is the label's first word (UMSK is a variant of UMK).
berlabel as (
    select kode_wilayah, tahun, jenis_upah as label, nilai_rupiah as nilai, 'kutipan' as jenis_sumber,
        regexp_extract(url_sumber, '^https?://([^/]+)', 1) as sumber, source_file, source_sheet, source_row, 'value_rupiah' as kolom
    from staging.stg_bps_published_wages
    union all
    select kode_wilayah, coalesce(try_cast(regexp_extract(uraian, '\b(\d{4})\b', 1) as integer), tahun), uraian, nilai, 'kantor',
        'Lembar data HI', source_file, source_sheet, source_row, 'nilai'
    from staging.stg_hi_data_sheet
    where nilai is not null
),

diukur as (
    select *,
        case when regexp_matches(label, '^\s*(UMK|UMSK)\b', 'i') then 'umk'
             when regexp_matches(label, '^\s*UMP\b', 'i') then 'ump' end as ukuran
    from berlabel
),

cocok as (
    select distinct on (d.source_file, d.source_row, d.kolom) d.*, p.varian, p.dibandingkan, p.catatan
    from diukur d
    join pola p on regexp_matches(lower(d.label), p.pola)
    where d.ukuran is not null and d.kode_wilayah is not null and d.tahun is not null
    order by d.source_file, d.source_row, d.kolom, p.urutan
)

select
    ukuran || '|' || kode_wilayah || '|' || tahun || '|tahunan' as keluarga,
    kode_wilayah, tahun, ukuran, '' as subjek, 'tahunan' as periode, label, varian, dibandingkan, catatan,
    nilai, case when nilai = round(nilai) then 0 else 2 end as desimal, jenis_sumber, sumber,
    source_file, source_sheet, source_row, kolom
from cocok
