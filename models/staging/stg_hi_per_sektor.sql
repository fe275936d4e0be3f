-- Grain: one row per business sector in the HI disputes table (printed total row excluded).
-- Inputs: raw.hi_per_sektor.
with source as (
    select * from raw.hi_per_sektor
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        sektor,
        kasus_sektor,
        tenaga_kerja,
        kasus_terselesaikan,
        hak_kasus, hak_tk, hak_pb, hak_anjuran,
        phk_kasus, phk_tk, phk_pb, phk_anjuran,
        kepentingan_kasus, kepentingan_tk, kepentingan_pb, kepentingan_anjuran,
        antar_sp_kasus, antar_sp_tk, antar_sp_pb, antar_sp_anjuran,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
