-- Grain: one row per eselon row of the office's staff table (LKjIP chapter I, Tabel 1.1-1.3), per region x year; the
-- JUMLAH row is a stated total (raw.stated_totals) and stays here as printed.
-- Inputs: raw.plans_pegawai_eselon.
with source as (
    select * from raw.plans_pegawai_eselon
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        eselon,
        laki_laki,
        perempuan,
        jumlah,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
