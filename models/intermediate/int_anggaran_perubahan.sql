-- Grain: one row per region x year x program: the budget before and after the APBD-P as each source
-- states it. Tabel 2.9 (sebelum / sesudah / bertambah_berkurang as printed, NULL where it prints
-- "Rp. -"), Lampiran C (program pagu after the APBD-P, and the change as the sum of its sub-kegiatan
-- BERTAMBAH / BERKURANG: program rows print no change of their own) and Lampiran B (post-APBD-P
-- budget and whether the APBD-P changed it).
-- Inputs: staging.stg_budget_alokasi_program, staging.stg_budget_kegiatan_anggaran_perubahan,
-- intermediate.int_anggaran_kode_program, intermediate.int_anggaran_pohon.
-- Joined on the program code, because the three tables spell the program names differently.
with alokasi_program as (
    select * from staging.stg_budget_alokasi_program
),

kegiatan_anggaran_perubahan as (
    select * from staging.stg_budget_kegiatan_anggaran_perubahan
),

kode_program as (
    select * from intermediate.int_anggaran_kode_program
),

pohon as (
    select * from intermediate.int_anggaran_pohon
),

tabel as (
    select a.*, k.kode_program
    from alokasi_program a
    left join kode_program k
        on k.tabel = 'alokasi_program' and k.source_file = a.source_file and k.source_row = a.source_row
),

lampiran_b as (
    select b.*, k.kode_program
    from kegiatan_anggaran_perubahan b
    left join kode_program k
        on k.tabel = 'kegiatan_anggaran_perubahan' and k.source_file = b.source_file and k.source_row = b.source_row
),

lampiran_c as (
    select * from pohon where tingkat = 'program'
),

tabel_c as (
    select
        coalesce(t.kode_wilayah, c.kode_wilayah) as kode_wilayah,
        coalesce(t.tahun, c.tahun) as tahun,
        coalesce(t.kode_program, c.kode_program) as kode_program,
        t.program as program_tabel,
        t.sebelum as sebelum_tabel,
        t.sesudah as sesudah_tabel,
        t.bertambah_berkurang as bertambah_berkurang_tabel,
        t.source_file as tabel_source_file,
        t.source_row as tabel_source_row,
        c.uraian as program_lampiran_c,
        c.pagu as sesudah_lampiran_c,
        c.sub_bertambah_berkurang as bertambah_berkurang_lampiran_c,
        c.source_file as lampiran_c_source_file,
        c.source_row as lampiran_c_source_row,
        c.sub_source_rows as lampiran_c_sub_source_rows
    from tabel t
    full outer join lampiran_c c
        on c.kode_wilayah = t.kode_wilayah and c.tahun = t.tahun and c.kode_program = t.kode_program
)

select
    coalesce(x.kode_wilayah, b.kode_wilayah) as kode_wilayah,
    coalesce(x.tahun, b.tahun) as tahun,
    coalesce(x.kode_program, b.kode_program) as kode_program,
    coalesce(x.program_tabel, b.program, x.program_lampiran_c) as program,
    x.program_tabel,
    x.program_lampiran_c,
    b.program as program_lampiran_b,
    x.tabel_source_row as urutan_tabel,
    x.lampiran_c_source_row as urutan_lampiran_c,
    x.sebelum_tabel,
    x.sesudah_tabel,
    x.bertambah_berkurang_tabel,
    x.sesudah_lampiran_c,
    x.bertambah_berkurang_lampiran_c,
    b.anggaran as anggaran_lampiran_b,
    b.keterangan as keterangan_lampiran_b,
    x.tabel_source_file,
    x.tabel_source_row,
    x.lampiran_c_source_file,
    x.lampiran_c_source_row,
    x.lampiran_c_sub_source_rows,
    b.source_file as lampiran_b_source_file,
    b.source_row as lampiran_b_source_row
from tabel_c x
full outer join lampiran_b b
    on b.kode_wilayah = x.kode_wilayah and b.tahun = x.tahun and b.kode_program = x.kode_program
