-- Grain: one row per Perjanjian Kinerja indicator row (region x year x PK row order).
-- Inputs: raw.plans_perjanjian_kinerja.
with source as (
    select * from raw.plans_perjanjian_kinerja
),

renamed as (
    select
        kode_wilayah,
        tahun,
        -- "No." is not a row key (sasaran 6 has two indicator rows): urutan numbers the rows in print order.
        row_number() over (partition by source_file, source_sheet order by source_row)::integer as urutan,
        no as no_tercetak,
        sasaran as sasaran_tercetak,
        isi(no, source_file, source_sheet, source_row) as no_pk,
        isi(sasaran, source_file, source_sheet, source_row) as sasaran,
        indikator,
        satuan,
        target as target_teks,
        target_nilai as target,
        target_desimal,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
