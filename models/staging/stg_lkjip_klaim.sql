-- Grain: one row per figure the published LKjIP states (table cell or narrative figure).
-- Inputs: raw.lkjip_klaim.
with source as (
    select * from raw.lkjip_klaim
),

renamed as (
    select
        kode_wilayah,
        tahun as tahun_laporan,
        tabel,
        urutan,
        label_baris,
        kolom,
        source_column as judul_kolom,
        teks,
        nilai,
        desimal,
        persen,
        satuan_sel,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
