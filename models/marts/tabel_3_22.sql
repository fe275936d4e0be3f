-- Grain: one row per region x program, plus the Total row (urutan last), for the report year of each
-- region: LKjIP Tabel 3.22 "Realisasi Anggaran Program dan Kegiatan Tahun <tahun laporan>", recomputed
-- (amounts from Lampiran C where it exists; sisa and persentase_realisasi recomputed).
-- Inputs: marts.anggaran_realisasi_program (every year; tahun_laporan is the region's latest year).
-- Columns follow models/config/ekspor_tabel.csv.
with realisasi as (
    select * from marts.anggaran_realisasi_program
)

select * from realisasi where tahun = tahun_laporan
