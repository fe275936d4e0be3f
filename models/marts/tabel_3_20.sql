-- Grain: one row per region x IKU program of the efficiency table, for each region's report year:
-- LKjIP Tabel 3.20 "Efisiensi Penggunaan Sumber Daya", recomputed for the programs of the IKU
-- pct_tk_bersertifikat (program 2.07.03) and pct_pencaker_ditempatkan (program 2.07.04).
-- Inputs: intermediate.int_anggaran_program, marts.capaian_indikator, config.program_iku.
-- Two methods, side by side, because the report states one and prints the other:
--   efisiensi_100_kurang_anggaran      = 100 - % realisasi anggaran (the printed column "100-5=(6)");
--   efisiensi_capaian_kurang_anggaran  = capaian kinerja - % realisasi anggaran, only when capaian is
--                                        at least 100 (the narrative of III.3.3).
-- capaian_kinerja_sasaran is the IKU's recomputed capaian (marts.capaian_indikator).
-- Why program codes and not names: the report spells the programs differently in every table.
with program as (
    select * from intermediate.int_anggaran_program
),

-- The programs Tabel 3.20 lists, by national program code (config: the same in every region).
program_iku as (
    select cast(urutan_tabel_3_20 as integer) as urutan, kode_iku, kode_program
    from config.program_iku
    where urutan_tabel_3_20 <> ''
),

capaian as (
    select * from marts.capaian_indikator
),

tahun_laporan as (
    select kode_wilayah, max(tahun) as tahun_laporan
    from program
    group by kode_wilayah
),

terpilih as (
    select
        p.*,
        i.urutan,
        i.kode_iku,
        t.tahun_laporan,
        cast(c.capaian as decimal(28, 6)) as capaian_kinerja_sasaran
    from program p
    join program_iku i on i.kode_program = p.kode_program
    join tahun_laporan t on t.kode_wilayah = p.kode_wilayah and t.tahun_laporan = p.tahun
    left join capaian c on c.kode_wilayah = p.kode_wilayah and c.tahun = p.tahun and c.kunci_indikator = i.kode_iku
),

efisiensi as (
    select
        *,
        cast(100 as decimal(28, 6)) - realisasi_pct as efisiensi_100_kurang_anggaran,
        case when capaian_kinerja_sasaran >= 100 then capaian_kinerja_sasaran - realisasi_pct end
            as efisiensi_capaian_kurang_anggaran
    from terpilih
)

select
    kode_wilayah,
    tahun,
    tahun_laporan,
    row_number() over (partition by kode_wilayah, tahun order by urutan) as urutan,
    kode_iku,
    sasaran,
    indikator,
    capaian_kinerja_sasaran,
    kode_program,
    program,
    pagu,
    realisasi,
    realisasi_pct as persentase_realisasi_anggaran,
    realisasi_pct_tampil as persentase_realisasi_anggaran_tampil,
    efisiensi_100_kurang_anggaran,
    cast(tampilkan(efisiensi_100_kurang_anggaran::varchar, 'bulat_2', 'false') as decimal(28, 2))
        as efisiensi_100_kurang_anggaran_tampil,
    efisiensi_capaian_kurang_anggaran,
    cast(tampilkan(efisiensi_capaian_kurang_anggaran::varchar, 'bulat_2', 'false') as decimal(28, 2))
        as efisiensi_capaian_kurang_anggaran_tampil,
    -- The report's Ket column, by its printed method: any unspent share counts as efficiency.
    case
        when efisiensi_100_kurang_anggaran > 0 then 'Efisiensi'
        when efisiensi_100_kurang_anggaran is not null then 'Tidak Efisien'
    end as ket,
    sumber,
    case when tabel_source_file is null or tabel_source_file = source_file then [source_file]
         else [source_file, tabel_source_file] end as source_file,
    case when tabel_source_file is null or tabel_source_file = source_file then [source_row]
         else [source_row, tabel_source_row] end as source_row
from efisiensi
