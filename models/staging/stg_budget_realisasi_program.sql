-- Grain: one row per program row of a program-level budget realisation table (LKjIP Tabel 3.22 for
-- the report year, Tabel 3.23 for the year before), per region x year; the "Total (Rp)" row is in
-- raw.stated_totals.
-- Inputs: raw.budget_realisasi_program.
-- The merged Sasaran / Indikator cells are printed once per block: sasaran / indikator keep the cell
-- as printed (mostly empty), sasaran_isi / indikator_isi the forward-filled value every row belongs to.
with source as (
    select * from raw.budget_realisasi_program
),

renamed as (
    select
        kode_wilayah,
        tahun,
        sasaran as sasaran_tercetak,
        indikator as indikator_tercetak,
        sasaran_isi as sasaran,
        indikator_isi as indikator,
        program,
        anggaran,
        realisasi,
        realisasi_pct,
        sisa,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
