-- Grain: one row per region x program, plus the Total row (urutan last), for the year before each
-- region's report year: LKjIP Tabel 3.23 "Realisasi Anggaran Program dan Kegiatan Tahun <tahun>
-- (Sebelumnya)", recomputed. With no Lampiran C for that year the amounts are the printed anggaran and
-- realisasi; sisa and persentase_realisasi are recomputed from them, so a printed sisa or % that does
-- not follow (2023 Pelatihan: sisa 818.752.120 printed, 878.879.520 recomputed) shows beside
-- sisa_tercetak / persentase_realisasi_tercetak.
-- Inputs: marts.anggaran_realisasi_program (every year; tahun_laporan is the region's latest year).
with realisasi as (
    select * from marts.anggaran_realisasi_program
)

select * from realisasi where tahun = tahun_laporan - 1
