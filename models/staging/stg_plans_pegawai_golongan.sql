-- Grain: one row per golongan row of the office's staff table (LKjIP chapter I, Tabel 1.1-1.3), per region x year; the
-- JUMLAH row is a stated total (raw.stated_totals) and stays here as printed.
-- Inputs: raw.plans_pegawai_golongan.
with source as (
    select * from raw.plans_pegawai_golongan
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        golongan,
        laki_laki,
        perempuan,
        jumlah,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
