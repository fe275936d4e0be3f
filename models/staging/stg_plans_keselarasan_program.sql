-- Grain: one row per kegiatan of LKjIP Tabel 2.4 "Keselarasan Program dengan Indikator Kinerja"
-- (region x year): the sasaran, indicator and program each listed kegiatan serves.
-- Inputs: raw.plans_keselarasan_program.
-- The merged Sasaran / Indikator / Program cells are printed once per block: *_tercetak keep the
-- cell as printed, sasaran / indikator / program the forward-filled value every row belongs to.
with source as (
    select * from raw.plans_keselarasan_program
),

renamed as (
    select
        kode_wilayah,
        tahun,
        sasaran as sasaran_tercetak,
        indikator as indikator_tercetak,
        program as program_tercetak,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran,
        isi(indikator, source_file, source_sheet, source_row) as indikator,
        isi(program, source_file, source_sheet, source_row) as program,
        kegiatan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
