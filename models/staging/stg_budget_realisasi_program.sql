-- Grain: one row per program row of a program-level budget realisation table (LKjIP Tabel 3.22 for
-- the report year, Tabel 3.23 for the year before), per region x year; the "Total (Rp)" row is in
-- raw.stated_totals.
-- Inputs: raw.budget_realisasi_program.
-- The merged Sasaran / Indikator cells are printed once per block: the cell stays
-- as printed in sasaran_tercetak / indikator_tercetak (mostly empty), sasaran / indikator the forward-filled value every row belongs to (macro isi).
with source as (
    select * from raw.budget_realisasi_program
),

blok as (
    -- A sasaran block starts at each printed sasaran: the indikator is filled only within its own
    -- block, so a sasaran printed without an indikator never inherits the previous one's.
    select
        *,
        count(sasaran) over (partition by source_file, source_sheet order by source_row
            rows between unbounded preceding and current row) as blok_sasaran
    from source
),

renamed as (
    select
        kode_wilayah,
        tahun,
        sasaran as sasaran_tercetak,
        indikator as indikator_tercetak,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran,
        isi(indikator, source_file, source_sheet, source_row, blok := blok_sasaran) as indikator,
        program,
        anggaran,
        realisasi,
        realisasi_pct,
        sisa,
        source_file, source_sheet, source_row, source_sha256
    from blok
)

select * from renamed
