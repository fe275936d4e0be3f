-- Grain: one row per region x tracked indicator: its Renstra trajectory. The realised-vs-target path by
-- year (jalur), Renstra-to-date achievement by the report's method and by an endpoint method, the annual
-- change still needed to reach the final target, an OLS projection to the last Renstra year, and a status.
-- Inputs: marts.renstra_indikator, intermediate.int_renstra_realisasi, intermediate.int_klaim_peta,
-- config.skala_kinerja.
-- Methods (docs/design.md "Renstra trajectories"):
--   metode laporan (Tabel 3.19): sum of the realised years of the period / the Renstra's cumulative
--     target (Target Akhir Renstra as printed, which is the sum of the annual targets: 500 = 5 x 100; or
--     the sum of the annual targets when the matrix gives every year). Positive indicators only: summing
--     a lower-is-better rate means nothing. Reproduced with the LKjIP's own figures beside Tabel 3.19's
--     printed values (SAKIP: 79,29 + 81,80 + 70,92 = 232,01; 232,01 / 366,4 = 63,32%).
--   metode titik akhir: the latest realisation against the target for the last Renstra year (a level),
--     direction-aware via capaian(); NULL when the plan gives no target for that year.
--   They differ by construction: the first measures cumulative progress (below 100% until the period
--     ends even when every year is on target), the second the level reached; catatan_metode says why.
--   perubahan_per_tahun_diperlukan = (final target - latest realisation) / years left.
--   proyeksi_akhir: OLS line through the realised years of the period (terpilih values) at the last
--     Renstra year, computed exactly in TS (models/indicators/proyeksi.ts); NULL from a single point.
-- Status rule (the same text is in docs/design.md):
--   reference target = the target for the last Renstra year; if the plan gives none, the latest year
--     that has a target (stated in catatan_status: then the status only asks whether the trend holds
--     the latest target level, not the unknown final one);
--   compared value = the projection when it rests on >= 2 points and the last Renstra year is still
--     ahead; otherwise the latest realisation;
--   capaian_acuan = capaian(compared value, reference target, arah);
--   'on track' when capaian_acuan >= 100; 'at risk' when it is below 100 but at least the lower bound
--     of the top band of config.skala_kinerja (91, "Sangat Tinggi"); 'off track' below that; 'no data'
--     when there is no realisation in the period, no target, or the capaian cannot be computed.
with indikator as (
    select * from marts.renstra_indikator
),

vintage as (
    select * from intermediate.int_renstra_realisasi
),

klaim as (
    select * from intermediate.int_klaim_peta
),

ambang as (
    select max(cast(batas_bawah as decimal(28, 6))) as batas_sangat_tinggi
    from config.skala_kinerja
    where batas_bawah is not null and batas_bawah <> ''
),

terpilih as (
    select * from indikator where terpilih
),

kunci as (
    select distinct
        kode_wilayah, kunci_indikator, peran, indikator, satuan, arah, tahun_awal_renstra, tahun_akhir_renstra,
        target_akhir_renstra, target_akhir_renstra_teks
    from indikator
),

-- Realised points of the period: one per year (the terpilih vintage). A region without a Renstra matrix
-- has no period, so all its realised years count.
titik as (
    select
        *,
        -- Source families whose figures may follow different definitions: the office's recomputation,
        -- the report's claim, and BPS (its tables and quotes of its figures alike).
        case jenis_sumber when 'dihitung' then 'hitung ulang dari sumber kantor'
                          when 'klaim_lkjip' then 'angka LKjIP'
                          else 'BPS / kutipan' end as kelompok_sumber
    from terpilih
    where realisasi is not null and coalesce(dalam_periode_renstra, true)
),

ringkas_titik as (
    select
        kode_wilayah, kunci_indikator,
        count(*) as jumlah_titik,
        list(tahun order by tahun) as tahun_titik,
        min(tahun) as tahun_realisasi_pertama,
        max(tahun) as tahun_realisasi_terakhir,
        arg_max(realisasi, tahun) as realisasi_terakhir,
        arg_max(sumber, tahun) as sumber_realisasi_terakhir,
        sum(realisasi) as realisasi_kumulatif,
        string_agg(tahun || ':' || realisasi, ';' order by tahun) as titik_teks,
        string_agg(distinct kelompok_sumber, ', ' order by kelompok_sumber) as jenis_sumber_titik
    from titik
    group by kode_wilayah, kunci_indikator
),

jalur as (
    select
        kode_wilayah, kunci_indikator,
        list(struct_pack(tahun := tahun, target := target, realisasi := realisasi, capaian := capaian,
                         sumber_realisasi := sumber) order by tahun) as jalur
    from terpilih
    group by kode_wilayah, kunci_indikator
),

target_tahunan as (
    select
        kode_wilayah, kunci_indikator,
        max(target) filter (where tahun = tahun_akhir_renstra) as target_akhir,
        max(tahun) filter (where target is not null) as tahun_target_terakhir,
        arg_max(target, tahun) filter (where target is not null) as target_terakhir,
        -- The sum of annual targets counts only when the plan gives every year of the period.
        case when count(*) filter (where dalam_periode_renstra and target_renstra is not null)
                  = max(tahun_akhir_renstra) - max(tahun_awal_renstra) + 1
             then sum(target_renstra) filter (where dalam_periode_renstra) end as jumlah_target_tahunan
    from terpilih
    group by kode_wilayah, kunci_indikator
),

-- The report's own figures, per year: the LKjIP vintage the report states most often (its tables before
-- its narrative), from the report that prints Tabel 3.19.
laporan_3_19 as (
    select
        kode_wilayah, kunci_indikator, tahun_laporan,
        max(nilai) filter (where ukuran = 'realisasi_kumulatif') as realisasi_kumulatif_tercetak,
        max(desimal) filter (where ukuran = 'realisasi_kumulatif') as realisasi_kumulatif_desimal,
        max(nilai) filter (where ukuran = 'capaian_kumulatif') as capaian_kumulatif_tercetak,
        max(desimal) filter (where ukuran = 'capaian_kumulatif') as capaian_kumulatif_desimal,
        max(nilai) filter (where ukuran = 'target_renstra') as target_renstra_tercetak,
        list(source_file order by source_row) as source_file_3_19,
        list(source_row order by source_row) as source_row_3_19
    from klaim
    where tabel = '3.19' and kunci_indikator is not null
    group by kode_wilayah, kunci_indikator, tahun_laporan
),

laporan_terakhir as (
    select distinct on (kode_wilayah, kunci_indikator) *
    from laporan_3_19
    order by kode_wilayah, kunci_indikator, tahun_laporan desc
),

klaim_tahunan as (
    select distinct on (v.kode_wilayah, v.kunci_indikator, v.tahun)
        v.kode_wilayah, v.kunci_indikator, v.tahun, v.nilai
    from vintage v
    join laporan_terakhir l
        on l.kode_wilayah = v.kode_wilayah and l.kunci_indikator = v.kunci_indikator
       and v.tahun_sumber = l.tahun_laporan and v.tahun <= l.tahun_laporan
    join kunci k on k.kode_wilayah = v.kode_wilayah and k.kunci_indikator = v.kunci_indikator
    where v.jenis_sumber = 'klaim_lkjip'
      and (k.tahun_awal_renstra is null or v.tahun between k.tahun_awal_renstra and k.tahun_akhir_renstra)
    order by v.kode_wilayah, v.kunci_indikator, v.tahun, v.jumlah_rujukan desc, v.source_file[1], v.source_row[1]
),

kumulatif_lkjip as (
    select
        kode_wilayah, kunci_indikator,
        sum(nilai) as realisasi_kumulatif_lkjip,
        list(tahun order by tahun) as tahun_kumulatif_lkjip,
        arg_max(nilai, tahun) as klaim_terakhir
    from klaim_tahunan
    group by kode_wilayah, kunci_indikator
),

gabung as (
    select
        k.*,
        t.jumlah_titik, t.tahun_titik, t.tahun_realisasi_pertama, t.tahun_realisasi_terakhir, t.realisasi_terakhir,
        t.sumber_realisasi_terakhir, t.realisasi_kumulatif, t.titik_teks, t.jenis_sumber_titik,
        j.jalur,
        tt.target_akhir, tt.tahun_target_terakhir, tt.target_terakhir,
        coalesce(k.target_akhir_renstra, tt.jumlah_target_tahunan) as target_kumulatif,
        case when k.target_akhir_renstra is not null then 'Target Akhir Renstra (tercetak)'
             when tt.jumlah_target_tahunan is not null then 'jumlah target tahunan Renstra' end as dasar_target_kumulatif,
        l.tahun_laporan as tahun_laporan_3_19,
        l.realisasi_kumulatif_tercetak, l.realisasi_kumulatif_desimal,
        l.capaian_kumulatif_tercetak, l.capaian_kumulatif_desimal,
        l.target_renstra_tercetak, l.source_file_3_19, l.source_row_3_19,
        kl.realisasi_kumulatif_lkjip, kl.tahun_kumulatif_lkjip, kl.klaim_terakhir,
        a.batas_sangat_tinggi
    from kunci k
    left join ringkas_titik t using (kode_wilayah, kunci_indikator)
    left join jalur j using (kode_wilayah, kunci_indikator)
    left join target_tahunan tt using (kode_wilayah, kunci_indikator)
    left join laporan_terakhir l using (kode_wilayah, kunci_indikator)
    left join kumulatif_lkjip kl using (kode_wilayah, kunci_indikator)
    cross join ambang a
),

metode as (
    select
        g.*,
        case when g.arah = 'positif'
             then cast(persen(g.realisasi_kumulatif::varchar, g.target_kumulatif::varchar) as decimal(28, 10)) end
            as capaian_metode_laporan,
        -- The report's method on the report's own figures and its own printed denominator.
        case when g.arah = 'positif'
             then cast(persen(g.realisasi_kumulatif_lkjip::varchar,
                              coalesce(g.target_renstra_tercetak, g.target_kumulatif)::varchar) as decimal(28, 10)) end
            as capaian_metode_laporan_lkjip,
        case when g.arah <> 'rentang'
             then cast(capaian(g.realisasi_terakhir::varchar, g.target_akhir::varchar, g.arah) as decimal(28, 10)) end
            as capaian_titik_akhir,
        g.tahun_akhir_renstra - g.tahun_realisasi_terakhir as tahun_tersisa,
        cast(perubahan_per_tahun(g.realisasi_terakhir::varchar, g.target_akhir::varchar,
                                 (g.tahun_akhir_renstra - g.tahun_realisasi_terakhir)::varchar) as decimal(28, 10))
            as perubahan_per_tahun_diperlukan,
        case when g.jumlah_titik >= 2 then cast(kemiringan_ols(g.titik_teks) as decimal(28, 10)) end as kemiringan_per_tahun,
        case when g.jumlah_titik >= 2 and g.tahun_akhir_renstra > g.tahun_realisasi_terakhir
             then cast(proyeksi_ols(g.titik_teks, g.tahun_akhir_renstra::varchar) as decimal(28, 10)) end as proyeksi_akhir
    from gabung g
),

acuan as (
    select
        m.*,
        case when m.proyeksi_akhir is not null then m.jumlah_titik else 0 end as jumlah_titik_proyeksi,
        coalesce(case when m.target_akhir is not null then m.tahun_akhir_renstra end, m.tahun_target_terakhir) as tahun_target_acuan,
        coalesce(m.target_akhir, m.target_terakhir) as target_acuan,
        coalesce(m.proyeksi_akhir, m.realisasi_terakhir) as nilai_acuan,
        case
            when m.proyeksi_akhir is not null
                then 'proyeksi OLS ' || m.tahun_akhir_renstra || ' dari ' || m.jumlah_titik || ' titik (' || array_to_string(m.tahun_titik, ', ') || ')'
            when m.realisasi_terakhir is not null and m.jumlah_titik = 1
                then 'realisasi ' || m.tahun_realisasi_terakhir || ' (satu titik: tidak ada proyeksi)'
            when m.realisasi_terakhir is not null and m.tahun_akhir_renstra is null
                then 'realisasi ' || m.tahun_realisasi_terakhir || ' (tanpa periode Renstra: tidak ada tahun proyeksi)'
            when m.realisasi_terakhir is not null
                then 'realisasi ' || m.tahun_realisasi_terakhir || ' (periode Renstra sudah sampai tahun terakhir)'
        end as dasar_nilai_acuan
    from metode m
),

status as (
    select
        a.*,
        cast(case when a.arah <> 'rentang' then capaian(a.nilai_acuan::varchar, a.target_acuan::varchar, a.arah) end
             as decimal(28, 10)) as capaian_acuan
    from acuan a
)

select
    kode_wilayah,
    kunci_indikator,
    peran,
    indikator,
    satuan,
    arah,
    tahun_awal_renstra,
    tahun_akhir_renstra,
    jalur,
    coalesce(jumlah_titik, 0) as jumlah_titik,
    tahun_titik,
    tahun_realisasi_terakhir,
    realisasi_terakhir,
    sumber_realisasi_terakhir,
    target_akhir,
    target_akhir_renstra,
    target_akhir_renstra_teks,
    -- Report's method (Tabel 3.19)
    target_kumulatif,
    dasar_target_kumulatif,
    realisasi_kumulatif,
    capaian_metode_laporan,
    cast(tampilkan(capaian_metode_laporan::varchar, 'bulat_2', 'false') as decimal(18, 2)) as capaian_metode_laporan_tampil,
    tahun_laporan_3_19,
    realisasi_kumulatif_lkjip,
    tahun_kumulatif_lkjip,
    capaian_metode_laporan_lkjip,
    realisasi_kumulatif_tercetak,
    capaian_kumulatif_tercetak,
    kelas_publikasi(realisasi_kumulatif_tercetak::varchar, realisasi_kumulatif_desimal::varchar, realisasi_kumulatif_lkjip::varchar)
        as kelas_realisasi_kumulatif,
    kelas_publikasi(capaian_kumulatif_tercetak::varchar, capaian_kumulatif_desimal::varchar, capaian_metode_laporan_lkjip::varchar)
        as kelas_capaian_kumulatif,
    -- Endpoint method
    capaian_titik_akhir,
    cast(tampilkan(capaian_titik_akhir::varchar, 'bulat_2', 'false') as decimal(18, 2)) as capaian_titik_akhir_tampil,
    nullif(concat_ws(' ',
        case when arah = 'negatif'
             then 'Metode laporan (jumlah realisasi / jumlah target) tidak dipakai: menjumlah angka yang makin kecil makin baik tidak bermakna.' end,
        case when arah = 'positif' and target_kumulatif is null
             then 'Metode laporan tidak dapat dihitung: Target Akhir Renstra kosong dan target tahunan tidak lengkap.' end,
        case when arah = 'positif' and target_kumulatif is not null and realisasi_kumulatif is null
             then 'Metode laporan tidak dapat dihitung: belum ada realisasi dalam periode Renstra.' end,
        case when tahun_akhir_renstra is not null and target_akhir is null
             then 'Metode titik akhir tidak dapat dihitung: Renstra tidak mencantumkan target ' || tahun_akhir_renstra || ' (tingkat)'
                  || coalesce('; Target Akhir Renstra ' || angka_id(target_akhir_renstra::varchar)
                              || ' adalah penyebut kumulatif Tabel 3.19 (jumlah target tahunan), bukan tingkat ' || tahun_akhir_renstra, '') || '.' end,
        case when tahun_akhir_renstra is null
             then 'Wilayah ini tidak memiliki matriks target Renstra: metode laporan dan titik akhir tidak dapat dihitung.' end,
        case when capaian_metode_laporan is not null and capaian_titik_akhir is not null
             then 'Metode laporan ' || angka_id(tampilkan(capaian_metode_laporan::varchar, 'bulat_2', 'false'))
                  || '% mengukur kemajuan kumulatif (jumlah ' || jumlah_titik || ' tahun terhadap target seluruh periode, wajar di bawah 100% sebelum '
                  || tahun_akhir_renstra || '); metode titik akhir ' || angka_id(tampilkan(capaian_titik_akhir::varchar, 'bulat_2', 'false'))
                  || '% mengukur tingkat yang sudah dicapai terhadap target ' || tahun_akhir_renstra || '.'
                  || case when (capaian_metode_laporan >= 100) <> (capaian_titik_akhir >= 100)
                          then ' Keduanya memberi kesimpulan berbeda tentang tercapainya target akhir.' else '' end end,
        case when realisasi_kumulatif_tercetak is not null and realisasi_kumulatif_lkjip is not null
                  and realisasi_kumulatif_tercetak <> realisasi_kumulatif_lkjip
             then 'Tabel 3.19 mencetak realisasi s.d. ' || tahun_laporan_3_19 || ' ' || angka_id(realisasi_kumulatif_tercetak::varchar)
                  || ', sedangkan jumlah angka LKjIP tahun ' || array_to_string(tahun_kumulatif_lkjip, ', ') || ' = '
                  || angka_id(realisasi_kumulatif_lkjip::varchar) || ' (selisih '
                  || angka_id((realisasi_kumulatif_tercetak - realisasi_kumulatif_lkjip)::varchar) || ')'
                  || case when realisasi_kumulatif_tercetak = klaim_terakhir
                          then ': angka tercetak sama dengan realisasi tahun terakhir, bukan jumlah.'
                          when realisasi_kumulatif_tercetak > realisasi_kumulatif_lkjip
                          then ': Tabel 3.19 menjumlah tahun yang realisasinya tidak ada di sumber mana pun di gudang data.'
                          else '.' end end
    ), '') as catatan_metode,
    tahun_tersisa,
    perubahan_per_tahun_diperlukan,
    -- Projection
    jumlah_titik_proyeksi,
    kemiringan_per_tahun,
    proyeksi_akhir,
    -- Status
    tahun_target_acuan,
    target_acuan,
    nilai_acuan,
    dasar_nilai_acuan,
    capaian_acuan,
    case
        when nilai_acuan is null or target_acuan is null or capaian_acuan is null then 'no data'
        when capaian_acuan >= 100 then 'on track'
        when capaian_acuan >= batas_sangat_tinggi then 'at risk'
        else 'off track'
    end as status,
    nullif(concat_ws(' ',
        case when nilai_acuan is null then 'Tidak ada realisasi dalam periode Renstra.' end,
        case when target_acuan is null then 'Tidak ada target untuk indikator ini.' end,
        case when target_acuan is not null and target_akhir is null and tahun_akhir_renstra is not null
             then 'Target ' || tahun_akhir_renstra || ' tidak tercantum: dibandingkan dengan target tahunan terakhir ('
                  || tahun_target_acuan || ': ' || angka_id(target_acuan::varchar) || '), jadi status hanya menilai apakah tren bertahan di tingkat itu.' end,
        case when nilai_acuan is not null and target_acuan is not null
             then 'Dasar: ' || dasar_nilai_acuan || ' = ' || angka_id(tampilkan(nilai_acuan::varchar, 'bulat_2', 'false'))
                  || coalesce(', capaian ' || angka_id(tampilkan(capaian_acuan::varchar, 'bulat_2', 'false')) || '%', '') || '.' end,
        case when jenis_sumber_titik like '%,%'
             then 'Titik realisasi berasal dari sumber berbeda (' || jenis_sumber_titik
                  || '): tren dapat mencerminkan beda definisi, bukan perubahan kinerja.' end
    ), '') as catatan_status,
    source_file_3_19,
    source_row_3_19
from status
