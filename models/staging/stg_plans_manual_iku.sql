-- Grain: one row per IKU declared in the office's IKU manual (sources/plans/manual_iku.csv).
-- Inputs: raw.plans_manual_iku.
with source as (
    select * from raw.plans_manual_iku
),

renamed as (
    select
        kode_wilayah,
        tahun,
        kode as kode_iku,
        sasaran,
        indikator,
        satuan,
        perumusan,
        pembilang,
        penyebut,
        arah,
        sumber_data,
        tabel_rumusan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
