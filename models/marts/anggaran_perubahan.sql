-- Grain: one row per region x year x program, plus one 'total' row per region x year (urutan last):
-- the APBD -> APBD-P change per program as Tabel 2.9 prints it against what Lampiran C (and
-- Lampiran B) give, with the differences.
-- Inputs: intermediate.int_anggaran_perubahan.
-- Tabel 2.9 "Rp. -" stays NULL (the budget was kept, the table just does not state it), so a
-- difference against it is NULL too, and the total row sums only what the table states (its own
-- column sum: 51.090.180.033 for 2024 against 52.590.180.033 in Lampiran C). sebelum_lampiran_c is
-- derived (pagu after the APBD-P minus the sub-kegiatan changes): Lampiran C prints no pre-APBD-P pagu.
-- On the total row the differences are between the column sums shown on that row (so the 1.500.000.000
-- Tabel 2.9 leaves unstated appears there), not sums of the program-row differences.
-- source_file[i] / source_row[i] pair up: the Tabel 2.9 row, the Lampiran C program row and every
-- sub-kegiatan whose change is summed, and the Lampiran B row.
with perubahan as (
    select * from intermediate.int_anggaran_perubahan
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
        program,
        sebelum_tabel as sebelum,
        sesudah_tabel as sesudah,
        bertambah_berkurang_tabel as bertambah_berkurang,
        sesudah_lampiran_c,
        bertambah_berkurang_lampiran_c,
        sesudah_lampiran_c - bertambah_berkurang_lampiran_c as sebelum_lampiran_c,
        anggaran_lampiran_b,
        keterangan_lampiran_b,
        -- Sources as [file, row] pairs, in the order Tabel 2.9, Lampiran C, Lampiran B.
        list_concat(
            case when tabel_source_file is not null then [tabel_source_file] else [] end,
            case when lampiran_c_source_file is not null
                then list_transform(list_prepend(lampiran_c_source_row, lampiran_c_sub_source_rows), lambda r: lampiran_c_source_file)
                else [] end,
            case when lampiran_b_source_file is not null then [lampiran_b_source_file] else [] end
        ) as source_file,
        list_concat(
            case when tabel_source_file is not null then [tabel_source_row] else [] end,
            case when lampiran_c_source_file is not null
                then list_prepend(lampiran_c_source_row, lampiran_c_sub_source_rows)
                else [] end,
            case when lampiran_b_source_file is not null then [lampiran_b_source_row] else [] end
        ) as source_row
    from perubahan
),

baris_total as (
    select
        kode_wilayah,
        tahun,
        count(*) + 1 as urutan,
        'total' as jenis_baris,
        cast(null as varchar) as kode_program,
        'Jumlah' as program,
        sum(sebelum) as sebelum,
        sum(sesudah) as sesudah,
        sum(bertambah_berkurang) as bertambah_berkurang,
        sum(sesudah_lampiran_c) as sesudah_lampiran_c,
        sum(bertambah_berkurang_lampiran_c) as bertambah_berkurang_lampiran_c,
        sum(sebelum_lampiran_c) as sebelum_lampiran_c,
        sum(anggaran_lampiran_b) as anggaran_lampiran_b,
        cast(null as varchar) as keterangan_lampiran_b,
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

select
    kode_wilayah,
    tahun,
    urutan,
    jenis_baris,
    kode_program,
    program,
    sebelum,
    sesudah,
    bertambah_berkurang,
    sesudah_lampiran_c,
    bertambah_berkurang_lampiran_c,
    sebelum_lampiran_c,
    anggaran_lampiran_b,
    keterangan_lampiran_b,
    -- Tabel 2.9 against itself: sesudah should be sebelum + bertambah_berkurang.
    sebelum + bertambah_berkurang - sesudah as selisih_identitas_tabel,
    sesudah - sesudah_lampiran_c as selisih_sesudah,
    bertambah_berkurang - bertambah_berkurang_lampiran_c as selisih_bertambah_berkurang,
    sebelum - sebelum_lampiran_c as selisih_sebelum,
    anggaran_lampiran_b - sesudah_lampiran_c as selisih_lampiran_b,
    -- Change as a share of the pre-APBD-P budget, from Lampiran C (the only complete source).
    cast(persen(bertambah_berkurang_lampiran_c::varchar, sebelum_lampiran_c::varchar) as decimal(28, 6))
        as persentase_perubahan_lampiran_c,
    cast(tampilkan(persen(bertambah_berkurang_lampiran_c::varchar, sebelum_lampiran_c::varchar), 'bulat_2', 'false')
        as decimal(28, 2)) as persentase_perubahan_lampiran_c_tampil,
    source_file,
    source_row
from semua
