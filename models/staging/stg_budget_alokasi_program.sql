-- Grain: one row per program of the allocation-per-program table (LKjIP Tabel 2.9: before and after
-- the APBD-P), per region x year.
-- Inputs: raw.budget_alokasi_program.
-- sesudah / bertambah_berkurang are NULL where the table prints "Rp. -" (not stated, not zero).
with source as (
    select * from raw.budget_alokasi_program
),

renamed as (
    select
        kode_wilayah,
        tahun,
        program,
        sebelum,
        sesudah,
        bertambah_berkurang,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
