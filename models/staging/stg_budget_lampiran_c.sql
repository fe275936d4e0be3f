-- Grain: one row per Lampiran C row (urusan, bidang urusan, program, kegiatan or sub-kegiatan) of a
-- region x year activity-level realisation report; the unlabeled grand total is in raw.stated_totals.
-- Inputs: raw.budget_lampiran_c (tingkat, kode_induk and kode_program derived at load, see
-- pipelines/ingest/budget/normalise.ts).
-- Column names stay as loaded: other models (int_pelatihan_peserta) read capaian / capaian_satuan.
with source as (
    select * from raw.budget_lampiran_c
),

renamed as (
    select
        kode_wilayah,
        tahun,
        no,
        -- The code as printed: malformed codes are findings (kode_masalah), never repaired here.
        kode,
        kode_tingkat,
        kode_masalah,
        tingkat,
        kode_induk,
        kode_program,
        uraian,
        lokasi,
        target,
        target_satuan,
        capaian,
        capaian_satuan,
        rea_fisik_pct,
        pagu,
        bertambah_berkurang,
        bobot,
        realisasi,
        realisasi_pct,
        tertimbang_fisik,
        tertimbang_keu,
        sisa,
        keterangan,
        source_file, source_sheet, source_row, source_sha256
    from source
)

select * from renamed
