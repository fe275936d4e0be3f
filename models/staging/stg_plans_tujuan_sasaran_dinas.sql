-- Grain: one row per office sasaran (LKjIP Tabel 2.2 "Tujuan dan Sasaran Dinas"), per region x
-- document year, with the office tujuan it serves.
-- Inputs: raw.plans_tujuan_sasaran_dinas.
-- The merged No / Tujuan / Indikator Tujuan cells are printed once per block: *_tercetak keep the cell
-- as printed, tujuan / indikator_tujuan the forward-filled value every row belongs to.
with source as (
    select * from raw.plans_tujuan_sasaran_dinas
),

renamed as (
    select
        kode_wilayah,
        tahun as tahun_dokumen,
        no as no_tercetak,
        tujuan as tujuan_tercetak,
        indikator_tujuan as indikator_tujuan_tercetak,
        isi(no, source_file, source_sheet, source_row) as no_tujuan,
        isi(tujuan, source_file, source_sheet, source_row) as tujuan,
        isi(indikator_tujuan, source_file, source_sheet, source_row) as indikator_tujuan,
        sasaran,
        indikator_sasaran,
        satuan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
