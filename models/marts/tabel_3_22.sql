-- Grain: one row per region x program, plus the Total row (urutan last), for the report year of each
-- region: LKjIP Tabel 3.22 "Realisasi Anggaran Program dan Kegiatan Tahun <tahun laporan>", recomputed
-- (amounts from Lampiran C where it exists; sisa and persentase_realisasi recomputed).
-- Inputs: marts.anggaran_realisasi_program.
-- Why the report year is the region's latest year: the table describes the year being reported on,
-- and the previous year goes to Tabel 3.23 (marts.tabel_3_23); every year stays in
-- marts.anggaran_realisasi_program. Columns follow models/config/ekspor_tabel.csv.
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
join tahun_laporan t on t.kode_wilayah = r.kode_wilayah and r.tahun = t.tahun_laporan
