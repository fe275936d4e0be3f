-- Grain: one row per education level of the office's staff table (LKjIP chapter I, Tabel 1.1-1.3), per region x
-- year, by PNS rank group and non-ASN; the JUMLAH row is a stated total and stays here as printed.
-- Inputs: raw.plans_pegawai_pendidikan.
with source as (
    select * from raw.plans_pegawai_pendidikan
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        pendidikan,
        pns_iv,
        pns_iii,
        pns_ii,
        pns_i,
        non_asn,
        jumlah,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
