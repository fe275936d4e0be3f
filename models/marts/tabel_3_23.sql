-- Grain: one row per region x program, plus the Total row (urutan last), for the year before each
-- region's report year: LKjIP Tabel 3.23 "Realisasi Anggaran Program dan Kegiatan Tahun <tahun>
-- (Sebelumnya)", recomputed. With no Lampiran C for that year the amounts are the printed anggaran and
-- realisasi; sisa and persentase_realisasi are recomputed from them, so a printed sisa or % that does
-- not follow (2023 Pelatihan: sisa 818.752.120 printed, 878.879.520 recomputed) shows beside
-- sisa_tercetak / persentase_realisasi_tercetak.
-- Inputs: marts.anggaran_realisasi_program.
-- Why the report year is the region's latest year: see marts.tabel_3_22; tahun_laporan says which
-- LKjIP this table belongs to.
with realisasi as (
    select * from marts.anggaran_realisasi_program
),

tahun_laporan as (
    select kode_wilayah, max(tahun) as tahun_laporan
    from realisasi
    group by kode_wilayah
)

select
    r.kode_wilayah,
    r.tahun,
    t.tahun_laporan,
    r.urutan,
    r.jenis_baris,
    r.kode_program,
    r.sasaran,
    r.indikator,
    r.program,
    r.pagu,
    r.realisasi,
    r.persentase_realisasi,
    r.persentase_realisasi_tampil,
    r.sisa,
    r.pagu_tercetak,
    r.realisasi_tercetak,
    r.persentase_realisasi_tercetak,
    r.sisa_tercetak,
    r.sumber,
    r.source_file,
    r.source_row
from realisasi r
join tahun_laporan t on t.kode_wilayah = r.kode_wilayah and r.tahun = t.tahun_laporan - 1
