-- Grain: one row per recorded decision (a finding id or a figure-family key) in sources/resolutions.csv.
-- Inputs: raw.resolusi_keputusan.
with source as (
    select * from raw.resolusi_keputusan
),

renamed as (
    select
        id,
        nilai_berlaku as nilai_berlaku_teks,
        nilai_berlaku_nilai as nilai_berlaku,
        alasan,
        oleh,
        tanggal,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
