-- Grain: one row per printed row of a LKjIP table read with layout lkjip.perbandingan_capaian_renstra (region x report year x file).
-- Inputs: raw.lkjip_perbandingan_capaian_renstra.
-- Figures stay as the report prints them (teks) with their parsed value (_nilai, _desimal): they are claims.
-- Merged cells (no) are printed once: no_isi give every row its value (macro isi).
with source as (
    select * from raw.lkjip_perbandingan_capaian_renstra
),

renamed as (
    select
        kode_wilayah,
        tahun,
        tabel_lkjip(source_file) as tabel,
        row_number() over (partition by source_file order by source_row)::integer as urutan,
        no,
        indikator,
        isi(no, source_file, source_sheet, source_row) as no_isi,
        -- One column per year the header names (key <measure>_<yyyy>); int_lkjip_klaim unpivots them by pattern.
        columns('^realisasi_[0-9]{4}(_nilai|_desimal)?$'),
        target,
        target_nilai,
        target_desimal,
        realisasi,
        realisasi_nilai,
        realisasi_desimal,
        capaian,
        capaian_nilai,
        capaian_desimal,
        target_renstra,
        target_renstra_nilai,
        target_renstra_desimal,
        capaian_renstra,
        capaian_renstra_nilai,
        capaian_renstra_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
),

labelled as (
    -- The row a claim belongs to, as a reader names it: the indicator, else the program, else the sasaran.
    select *, coalesce(indikator) as label_baris from renamed
)

select * from labelled
