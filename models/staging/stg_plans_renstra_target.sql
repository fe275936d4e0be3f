-- Grain: one row per Renstra target-matrix row (indicator) with its annual and final targets (wide).
-- Inputs: raw.plans_renstra_target.
with source as (
    select * from raw.plans_renstra_target
),

renamed as (
    select
        kode_wilayah,
        tahun as tahun_dokumen,
        indikator,
        satuan,
        target_2021_nilai as target_2021,
        target_2022_nilai as target_2022,
        target_2023_nilai as target_2023,
        target_2024_nilai as target_2024,
        target_2025_nilai as target_2025,
        target_2026_nilai as target_2026,
        target_akhir_nilai as target_akhir_renstra,
        target_akhir as target_akhir_renstra_teks,
        sumber,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
