-- Grain: one row per region x year x program of the budget realisation, plus one 'total' row per
-- region x year (urutan last): the recomputed content of the LKjIP table "Realisasi Anggaran Program
-- dan Kegiatan" for every year the warehouse has (marts.tabel_3_22 / tabel_3_23 pick the years).
-- Inputs: intermediate.int_anggaran_program.
-- Amounts come from Lampiran C where it exists for the region x year, else from the printed table
-- (column sumber). sisa and persentase_realisasi are recomputed; *_tercetak are the figures the LKjIP
-- table prints on that row, kept beside them so a conflict shows (NULL on the total row: printed
-- totals are claims in raw.stated_totals). source_file[i] / source_row[i] pair up: the cells of a row.
with program as (
    select * from intermediate.int_anggaran_program
),

-- Amount cells first, then the realisation-table row the sasaran / indikator come from (one entry
-- when that is the same row, i.e. when the amounts come from that table).
sel_sumber as (
    select
        *,
        case
            when tabel_source_file is null then [source_file]
            when source_file is null or (tabel_source_file = source_file and tabel_source_row = source_row)
                then [tabel_source_file]
            else [source_file, tabel_source_file]
        end as sel_source_file,
        case
            when tabel_source_file is null then [source_row]
            when source_file is null or (tabel_source_file = source_file and tabel_source_row = source_row)
                then [tabel_source_row]
            else [source_row, tabel_source_row]
        end as sel_source_row
    from program
),

baris_program as (
    select
        kode_wilayah,
        tahun,
        row_number() over (
            partition by kode_wilayah, tahun
            order by urutan_tabel nulls last, urutan_lampiran_c nulls last, kode_program
        ) as urutan,
        'program' as jenis_baris,
        kode_program,
        sasaran,
        indikator,
        program,
        pagu,
        realisasi,
        sisa,
        realisasi_pct as persentase_realisasi,
        realisasi_pct_tampil as persentase_realisasi_tampil,
        anggaran_tabel as pagu_tercetak,
        realisasi_tabel as realisasi_tercetak,
        realisasi_pct_tabel as persentase_realisasi_tercetak,
        sisa_tabel as sisa_tercetak,
        sumber,
        sel_source_file as source_file,
        sel_source_row as source_row
    from sel_sumber
),

baris_total as (
    select
        kode_wilayah,
        tahun,
        count(*) + 1 as urutan,
        'total' as jenis_baris,
        cast(null as varchar) as kode_program,
        'Total (Rp)' as sasaran,
        cast(null as varchar) as indikator,
        cast(null as varchar) as program,
        sum(pagu) as pagu,
        sum(realisasi) as realisasi,
        sum(sisa) as sisa,
        cast(persen(sum(realisasi)::varchar, sum(pagu)::varchar) as decimal(28, 6)) as persentase_realisasi,
        cast(tampilkan(persen(sum(realisasi)::varchar, sum(pagu)::varchar), 'bulat_2', 'false') as decimal(28, 2))
            as persentase_realisasi_tampil,
        cast(null as decimal(28, 6)) as pagu_tercetak,
        cast(null as decimal(28, 6)) as realisasi_tercetak,
        cast(null as decimal(28, 6)) as persentase_realisasi_tercetak,
        cast(null as decimal(28, 6)) as sisa_tercetak,
        string_agg(distinct sumber, '; ' order by sumber) as sumber,
        flatten(list(source_file order by urutan)) as source_file,
        flatten(list(source_row order by urutan)) as source_row
    from baris_program
    group by kode_wilayah, tahun
),

semua as (
    select * from baris_program
    union all by name
    select * from baris_total
)

-- The region's report year is its latest budget year: Tabel 3.22 shows it, Tabel 3.23 the year before.
select *, max(tahun) over (partition by kode_wilayah) as tahun_laporan
from semua
