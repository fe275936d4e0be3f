-- Grain: one row per sasaran strategis of the allocation-per-sasaran table (LKjIP Tabel 2.8), per
-- region x year.
-- Inputs: raw.budget_alokasi_sasaran.
-- sesudah / bertambah_berkurang are NULL where the table prints "Rp. -" (not stated, not zero).
with source as (
    select * from raw.budget_alokasi_sasaran
),

renamed as (
    select
        kode_wilayah,
        tahun,
        sasaran,
        sebelum,
        sesudah,
        bertambah_berkurang,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
