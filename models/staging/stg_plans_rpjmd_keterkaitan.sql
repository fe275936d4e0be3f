-- Grain: one row per RPJMD linkage row (LKjIP Tabel 2.1): misi -> tujuan -> sasaran of the regional
-- medium-term plan that the office serves, per region x document year.
-- Inputs: raw.plans_rpjmd_keterkaitan.
-- indikator_sasaran is kept as printed: one cell may hold two indicators ("Tingkat Pengangguran
-- Terbuka PDRB per Kapita"); splitting it would be guessing where one name ends.
with source as (
    select * from raw.plans_rpjmd_keterkaitan
),

renamed as (
    select
        kode_wilayah,
        tahun as tahun_dokumen,
        misi,
        tujuan,
        indikator_tujuan,
        sasaran,
        indikator_sasaran,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
