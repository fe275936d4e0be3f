-- Grain: one row per figure the published LKjIP states (every cell of sources/lkjip and every narrative
-- figure): the published value, the value recomputed from the warehouse, the difference and a class:
-- equal, rounding (only the report's rounding/truncation/capping), differs, or not_recomputable (with why).
-- Inputs: intermediate.int_klaim_peta, marts.capaian_indikator, intermediate.int_iku_realisasi,
-- intermediate.int_target_indikator.
with klaim as (
    select * from intermediate.int_klaim_peta
),

capaian as (
    select * from marts.capaian_indikator
),

definisi_publikasi as (
    select * from intermediate.int_iku_realisasi where definisi = 'publikasi'
),

realisasi_utama as (
    select * from intermediate.int_iku_realisasi where utama
),

tahun_awal as (
    -- The first year any indicator of the region has a realisasi: the start of the realised Renstra path.
    select kode_wilayah, min(tahun) as tahun_awal from capaian where realisasi is not null group by all
),

kumulatif as (
    -- Renstra-to-date as Tabel 3.19 computes it: the sum of every year's realisasi so far. Only complete
    -- when every year since the region's first realised year is present; otherwise it is not recomputable.
    select a.kode_wilayah, a.tahun, a.kunci_indikator,
           sum(b.realisasi) as realisasi_kumulatif,
           count(b.realisasi) as tahun_terisi,
           a.tahun - t.tahun_awal + 1 as tahun_perlu
    from capaian a
    join tahun_awal t on t.kode_wilayah = a.kode_wilayah
    join capaian b on b.kode_wilayah = a.kode_wilayah and b.kunci_indikator = a.kunci_indikator and b.tahun <= a.tahun
                  and b.tahun >= t.tahun_awal and b.realisasi is not null
    group by a.kode_wilayah, a.tahun, a.kunci_indikator, t.tahun_awal
),

kumulatif_tercetak as (
    -- The table's own printed Renstra-to-date realisasi, to check its percentage arithmetic when the
    -- warehouse lacks earlier years.
    select kode_wilayah, tabel, urutan, nilai as realisasi_kumulatif_tercetak from klaim where ukuran = 'realisasi_kumulatif'
),

dihitung as (
    select
        k.*,
        case
            when k.kunci_indikator is null then null
            when k.ukuran = 'target' then c.target
            when k.ukuran = 'realisasi' then c.realisasi_dihitung
            when k.ukuran = 'capaian' then c.capaian
            when k.ukuran = 'hasil' then dp.realisasi
            when k.ukuran = 'realisasi_kumulatif' and ku.tahun_terisi = ku.tahun_perlu then ku.realisasi_kumulatif
            when k.ukuran = 'capaian_kumulatif' then cast(persen(
                case when ku.tahun_terisi = ku.tahun_perlu then ku.realisasi_kumulatif else kt.realisasi_kumulatif_tercetak end::varchar,
                tr.nilai::varchar) as decimal(28,10))
        end as nilai_dihitung,
        case when k.ukuran = 'kriteria' then c.kriteria end as teks_dihitung,
        case
            when k.tabel = 'narasi' and k.ukuran = 'lain' then 'pernyataan naratif yang tidak dipetakan ke indikator/ukuran'
            when k.kunci_indikator is null then 'baris tidak dapat dipetakan ke indikator'
            when k.ukuran = 'target' and c.target is null then 'tidak ada target di Perjanjian Kinerja/Renstra untuk tahun ini'
            when k.ukuran in ('realisasi', 'capaian', 'kriteria') and c.status_realisasi = 'not_recomputable' then c.sumber_realisasi
            when k.ukuran = 'realisasi' and c.realisasi_dihitung is null then coalesce(ru.input_hilang, 'tidak ada sumber data mentah untuk realisasi indikator ini')
            when k.ukuran = 'capaian' and c.capaian is null then 'target atau realisasi tidak berupa angka'
            when k.ukuran = 'hasil' and dp.realisasi is null then coalesce(dp.input_hilang, 'tidak ada definisi terbitan untuk indikator ini')
            when k.ukuran = 'kriteria' and c.kriteria is null then 'capaian tidak dapat dihitung'
            when k.ukuran in ('perhitungan', 'target_renstra', 'capaian_renstra', 'capaian_anggaran', 'efisiensi', 'keterangan', 'analisis')
                then 'ukuran ini dibandingkan oleh model anggaran/Renstra atau berupa teks'
            when k.ukuran = 'realisasi_kumulatif' and coalesce(ku.tahun_terisi, 0) < coalesce(ku.tahun_perlu, 1)
                then 'realisasi ' || coalesce(ku.tahun_terisi, 0) || ' dari ' || coalesce(ku.tahun_perlu, 1) || ' tahun sejak awal Renstra yang terealisasi ada di sumber'
            when k.ukuran = 'capaian_kumulatif' and tr.nilai is null then 'target akhir Renstra tidak ada'
        end as alasan,
        case
            when k.ukuran = 'capaian' and c.realisasi_dihitung is null then 'dari target dan realisasi terbitan (realisasi tanpa sumber mentah), arah ' || c.arah
            when k.ukuran = 'capaian' then 'dari realisasi yang dihitung ulang, arah ' || c.arah
            when k.ukuran = 'realisasi' then 'definisi ' || coalesce(ru.definisi, '-')
            when k.ukuran = 'target' then c.sumber_target
            when k.ukuran = 'hasil' then 'definisi LKjIP (publikasi)'
            when k.ukuran = 'realisasi_kumulatif' then 'jumlah realisasi ' || ku.tahun_terisi || ' tahun (metode Tabel 3.19)'
            when k.ukuran = 'capaian_kumulatif' and ku.tahun_terisi = ku.tahun_perlu then 'jumlah realisasi ' || ku.tahun_terisi || ' tahun / target akhir Renstra (metode Tabel 3.19)'
            when k.ukuran = 'capaian_kumulatif' then 'realisasi kumulatif tercetak / target akhir Renstra tercetak (aritmetika tabel itu sendiri)'
        end as dasar_perhitungan
    from klaim k
    left join capaian c on c.kode_wilayah = k.kode_wilayah and c.tahun = k.tahun_klaim and c.kunci_indikator = k.kunci_indikator
    left join definisi_publikasi dp on dp.kode_wilayah = k.kode_wilayah and dp.tahun = k.tahun_klaim and dp.kode_iku = k.kunci_indikator
    left join realisasi_utama ru on ru.kode_wilayah = k.kode_wilayah and ru.tahun = k.tahun_klaim and ru.kode_iku = k.kunci_indikator
    left join kumulatif ku on ku.kode_wilayah = k.kode_wilayah and ku.tahun = k.tahun_klaim and ku.kunci_indikator = k.kunci_indikator
    left join klaim tr on tr.kode_wilayah = k.kode_wilayah and tr.tabel = k.tabel and tr.urutan = k.urutan and tr.ukuran = 'target_renstra'
    left join kumulatif_tercetak kt on kt.kode_wilayah = k.kode_wilayah and kt.tabel = k.tabel and kt.urutan = k.urutan
),

dikelaskan as (
    select
        d.*,
        case
            when d.ukuran = 'kriteria' and d.teks_dihitung is not null
                then case when lower(trim(d.teks)) = lower(d.teks_dihitung) then 'equal' else 'differs' end
            when d.nilai is null or d.nilai_dihitung is null then 'not_recomputable'
            else kelas_publikasi(d.nilai::varchar, d.desimal::varchar, d.nilai_dihitung::varchar)
        end as kelas
    from dihitung d
)

select
    kode_wilayah,
    tahun_laporan,
    tahun_klaim as tahun,
    tabel,
    urutan,
    label_baris,
    kolom,
    judul_kolom,
    ukuran,
    kunci_indikator,
    teks as nilai_terbit_teks,
    nilai as nilai_terbit,
    coalesce(teks_dihitung, nilai_dihitung::varchar) as nilai_dihitung_teks,
    nilai_dihitung,
    nilai - nilai_dihitung as selisih,
    case when nilai_dihitung <> 0 then cast((nilai - nilai_dihitung) / abs(nilai_dihitung) * 100 as decimal(28,6)) end as selisih_persen,
    kelas,
    case when kelas = 'not_recomputable' then coalesce(alasan, 'nilai terbit bukan angka') end as alasan,
    dasar_perhitungan,
    source_file,
    source_sheet,
    source_row,
    source_sha256
from dikelaskan
