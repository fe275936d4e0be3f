-- Grain: one row per minimum-wage decree (region x year it applies to).
-- Inputs: raw.plans_umk.
with source as (
    select * from raw.plans_umk
),

renamed as (
    select
        kode_wilayah,
        tahun,
        nomor_keputusan,
        tanggal_penetapan,
        wilayah,
        tahun_berlaku,
        upah_minimum,
        berlaku_mulai,
        berlaku_sampai,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
