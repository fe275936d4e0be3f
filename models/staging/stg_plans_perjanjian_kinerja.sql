-- Grain: one row per Perjanjian Kinerja indicator row (region x year x PK row order).
-- Inputs: raw.plans_perjanjian_kinerja.
with source as (
    select * from raw.plans_perjanjian_kinerja
),

renamed as (
    select
        kode_wilayah,
        tahun,
        urutan,
        no_isi as no_pk,
        sasaran_isi as sasaran,
        indikator,
        satuan,
        target as target_teks,
        target_nilai as target,
        target_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
