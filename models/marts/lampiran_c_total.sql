-- Grain: one row per region x year x Lampiran C program, plus one 'total' row per region x year
-- (urutan last): the Lampiran C figures recomputed from its sub-kegiatan (the leaves), with weighted
-- physical against financial progress.
-- Inputs: intermediate.int_anggaran_pohon.
-- Definitions (sheet columns 12 and 13): tertimbang_fisik = sum(bobot x rea fisik % / 100),
-- tertimbang_keu = sum(bobot x realisasi keuangan % / 100), both over sub-kegiatan with the printed
-- bobot, as the office computes them. The *_eksak variants use the exact budget share
-- (pagu / total pagu x 100) instead of the printed 2-decimal bobot, so they show how much of the gap
-- to the printed total (98,63 / 81,4) is rounding. progres_fisik / progres_keu are a program's own
-- pagu-weighted physical progress and % realisasi; their difference says whether work ran ahead of
-- spending. Printed program-row figures are kept as *_tercetak (NULL on the total row: the printed
-- grand total is a claim in raw.stated_totals).
-- source_file[i] / source_row[i] pair up: the program row (if any) and every sub-kegiatan summed.
with pohon as (
    select * from intermediate.int_anggaran_pohon
),

node as (
    select * from pohon where tingkat in ('program', 'total')
),

total_pagu as (
    select source_file, sub_pagu as pagu_total from pohon where tingkat = 'total'
),

hitung as (
    select
        n.*,
        t.pagu_total,
        case when n.source_row is null then n.sub_source_rows else list_prepend(n.source_row, n.sub_source_rows) end as baris
    from node n
    join total_pagu t using (source_file)
)

select
    kode_wilayah,
    tahun,
    row_number() over (
        partition by kode_wilayah, tahun
        order by tingkat = 'total', source_row
    ) as urutan,
    tingkat as jenis_baris,
    kode_program,
    uraian,
    jumlah_sub_kegiatan,
    sub_pagu as pagu,
    sub_realisasi as realisasi,
    sub_pagu - sub_realisasi as sisa,
    sub_bertambah_berkurang as bertambah_berkurang,
    sub_bobot as bobot,
    cast(persen(sub_pagu::varchar, pagu_total::varchar) as decimal(28, 6)) as bobot_eksak,
    sub_tertimbang_fisik_dihitung as tertimbang_fisik,
    sub_tertimbang_keu_dihitung as tertimbang_keu,
    cast(persen(sub_pagu_kali_fisik::varchar, pagu_total::varchar) as decimal(28, 6)) as tertimbang_fisik_eksak,
    cast(persen(sub_realisasi::varchar, pagu_total::varchar) as decimal(28, 6)) as tertimbang_keu_eksak,
    cast(persen(sub_realisasi::varchar, sub_pagu::varchar) as decimal(28, 6)) as persentase_realisasi,
    cast(tampilkan(persen(sub_realisasi::varchar, sub_pagu::varchar), 'bulat_2', 'false') as decimal(28, 2))
        as persentase_realisasi_tampil,
    cast(persen(sub_pagu_kali_fisik::varchar, sub_pagu::varchar) as decimal(28, 6)) as progres_fisik,
    cast(persen(sub_realisasi::varchar, sub_pagu::varchar) as decimal(28, 6)) as progres_keu,
    cast(persen(sub_pagu_kali_fisik::varchar, sub_pagu::varchar) as decimal(28, 6))
        - cast(persen(sub_realisasi::varchar, sub_pagu::varchar) as decimal(28, 6)) as selisih_progres_fisik_keu,
    cast(tampilkan(persen(sub_pagu_kali_fisik::varchar, sub_pagu::varchar), 'bulat_2', 'false') as decimal(28, 2))
        as progres_fisik_tampil,
    pagu as pagu_tercetak,
    realisasi as realisasi_tercetak,
    sisa as sisa_tercetak,
    bobot as bobot_tercetak,
    tertimbang_fisik as tertimbang_fisik_tercetak,
    tertimbang_keu as tertimbang_keu_tercetak,
    list_transform(baris, lambda x: source_file) as source_file,
    baris as source_row
from hitung
