-- Grain: one row per line of an allocation table with a plain label (LKjIP Tabel 2.6 Alokasi
-- Anggaran, Tabel 2.7 Alokasi Anggaran Belanja), per region x year.
-- Inputs: raw.budget_alokasi_uraian.
-- sesudah / bertambah_berkurang are NULL where the table prints "Rp. -" (not stated, not zero).
with source as (
    select * from raw.budget_alokasi_uraian
),

renamed as (
    select
        kode_wilayah,
        tahun,
        uraian,
        sebelum,
        sesudah,
        bertambah_berkurang,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
