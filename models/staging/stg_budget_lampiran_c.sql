-- Grain: one row per Lampiran C row (urusan, bidang urusan, program, kegiatan or sub-kegiatan) of a
-- region x year activity-level realisation report; the unlabeled grand total is in raw.stated_totals.
-- Inputs: raw.budget_lampiran_c.
-- Column names stay as loaded: other models (int_pelatihan_peserta) read capaian / capaian_satuan.
-- Lampiran C is a code tree whose codes are partly malformed or missing, so each row's parent
-- (kode_induk) and program (kode_program) come from its level (tingkat, classified at load) and its
-- position in print order. The printed kode stays as it is.
with source as (
    select * from raw.budget_lampiran_c
),

bertingkat as (
    -- tingkat is the row class given at load (pipelines/ingest/budget/normalise.ts): the printed
    -- totals name the rows they sum by it.
    select * from source
),

kepala as (
    -- The parent is the nearest row above of the next level up, in print order. An urusan/bidang row
    -- closes the previous program (the transmigrasi part restarts the tree), so the head searched for
    -- is "program or higher" / "kegiatan or higher", and only a head of the right level counts.
    select
        *,
        last_value(case when tingkat in ('urusan', 'bidang_urusan', 'program') then source_row end ignore nulls)
            over w as baris_program,
        last_value(case when tingkat in ('urusan', 'bidang_urusan', 'program', 'kegiatan') then source_row end ignore nulls)
            over w as baris_kegiatan
    from bertingkat
    window w as (partition by source_file, source_sheet order by source_row rows between unbounded preceding and current row)
),

pohon as (
    select
        h.*,
        case when p.tingkat = 'program' and h.tingkat in ('program', 'kegiatan', 'sub_kegiatan') then p.kode end as kode_program,
        case
            when h.tingkat = 'kegiatan' and p.tingkat = 'program' then p.kode
            when h.tingkat = 'sub_kegiatan' and k.tingkat = 'kegiatan' then k.kode
        end as kode_induk
    from kepala h
    left join bertingkat p
        on p.source_file = h.source_file and p.source_sheet is not distinct from h.source_sheet and p.source_row = h.baris_program
    left join bertingkat k
        on k.source_file = h.source_file and k.source_sheet is not distinct from h.source_sheet and k.source_row = h.baris_kegiatan
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
    from pohon
)

select * from renamed
