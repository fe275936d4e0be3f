-- Grain: one row per printed row of a LKjIP table read with layout lkjip.perbandingan_realisasi (region x report year x file).
-- Inputs: raw.lkjip_perbandingan_realisasi.
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
-- Merged cells (sasaran) are printed once: sasaran_isi give every row its value (macro isi).
with source as (
    select * from raw.lkjip_perbandingan_realisasi
),

renamed as (
    select
        kode_wilayah,
        tahun,
        tabel_lkjip(source_file) as tabel,
        row_number() over (partition by source_file order by source_row)::integer as urutan,
        sasaran,
        indikator,
        satuan,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran_isi,
        -- One column per year the header names (key <measure>_<yyyy>); int_lkjip_klaim unpivots them by pattern.
        columns('^(target|realisasi|capaian)_[0-9]{4}(_nilai|_desimal)?$'),
        keterangan,
        keterangan_nilai,
        keterangan_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator, sasaran_isi) as label_baris from renamed
)

select * from labelled
