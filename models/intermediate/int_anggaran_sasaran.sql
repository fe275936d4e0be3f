-- Grain: one row per region x year x sasaran strategis (as the realisation table prints it): the sum
-- of pagu, realisasi and sisa over the programs serving it, and the exact % realisasi of the sums.
-- Inputs: intermediate.int_anggaran_program.
-- A program absent from the realisation table has no sasaran: its amounts form a NULL-sasaran group
-- rather than being dropped, so the sasaran totals still add up to the region-year total.
with program as (
    select * from intermediate.int_anggaran_program
),

per_sasaran as (
    select
        kode_wilayah,
        tahun,
        sasaran,
        string_agg(distinct indikator, '; ' order by indikator) as indikator,
        count(*) as jumlah_program,
        list(kode_program order by urutan_tabel nulls last, kode_program) as kode_program,
        min(urutan_tabel) as urutan_tabel,
        sum(pagu) as pagu,
        sum(realisasi) as realisasi,
        sum(sisa) as sisa,
        sum(sisa_tercetak) as sisa_tercetak,
        string_agg(distinct sumber, '; ' order by sumber) as sumber,
        list(source_file order by urutan_tabel nulls last, kode_program) as source_file,
        list(source_row order by urutan_tabel nulls last, kode_program) as source_row
    from program
    group by kode_wilayah, tahun, sasaran
)

select
    kode_wilayah,
    tahun,
    sasaran,
    indikator,
    jumlah_program,
    kode_program,
    urutan_tabel,
    pagu,
    realisasi,
    sisa,
    cast(persen(realisasi::varchar, pagu::varchar) as decimal(28, 6)) as realisasi_pct,
    sisa_tercetak,
    sumber,
    source_file,
    source_row
from per_sasaran
