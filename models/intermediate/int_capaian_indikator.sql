-- Grain: one row per region x year x indicator (IKU code, or 'pkNN' for other Perjanjian Kinerja rows):
-- target, realisasi and capaian, exact. Realisasi is recomputed from raw sources where a definition
-- exists (config.definisi_iku, the one marked utama); otherwise the report's own figure is used and
-- labelled as such, so every capaian states what it rests on.
-- A recorded resolution on the indicator's realisasi family (sources/resolutions.csv) overrides both.
-- The report's figure stands in only where the build holds no source the recomputation reads for that
-- region and year (config.sumber_iku): once such a file is catalogued, even empty or incomplete, the
-- realisasi is recomputed or not_recomputable with the reason, never silently the report's claim.
-- Inputs: intermediate.int_target_indikator, intermediate.int_iku_realisasi, intermediate.int_klaim_peta,
-- intermediate.int_perjanjian_kinerja, staging.stg_plans_manual_iku, intermediate.int_resolusi,
-- staging.stg_sumber_berkas, config.sumber_iku, config.prioritas_tabel.
with target as (
    select * from intermediate.int_target_indikator
),

realisasi_dihitung as (
    select * from intermediate.int_iku_realisasi where utama
),

sumber_perlu as (
    select * from config.sumber_iku
),

berkas as (
    select * from staging.stg_sumber_berkas
),

klaim as (
    select * from intermediate.int_klaim_peta
),

pk as (
    select * from intermediate.int_perjanjian_kinerja
),

manual as (
    select * from staging.stg_plans_manual_iku
),

-- id: the family key the resolution decides (it may have been recorded as a masalah or finding id)
resolusi as (
    select * exclude (id, keluarga), keluarga as id from intermediate.int_resolusi where nilai_berlaku is not null and keluarga is not null
),

kunci as (
    select distinct kode_wilayah, tahun, kunci_indikator from target
    union
    select distinct kode_wilayah, tahun, kode_iku from realisasi_dihitung
    union
    select distinct kode_wilayah, tahun_klaim, kunci_indikator from klaim
    where kunci_indikator is not null and ukuran in ('target', 'realisasi')
),

target_terpilih as (
    -- The signed Perjanjian Kinerja beats the Renstra matrix for the same year.
    select distinct on (kode_wilayah, tahun, kunci_indikator) *
    from target
    order by kode_wilayah, tahun, kunci_indikator, prioritas, source_file, source_row
),

-- Which report table's figure stands when several state the realisasi: configuration (tables the
-- config does not list come last).
prioritas_tabel as (
    select tabel, cast(prioritas as integer) as prioritas from config.prioritas_tabel
),

realisasi_klaim as (
    select distinct on (k.kode_wilayah, k.tahun_klaim, k.kunci_indikator)
        k.kode_wilayah, k.tahun_klaim as tahun, k.kunci_indikator, k.nilai, k.teks, k.tabel,
        k.source_file, k.source_row
    from klaim k
    left join prioritas_tabel p using (tabel)
    where k.ukuran = 'realisasi' and k.kunci_indikator is not null and k.teks is not null
    order by k.kode_wilayah, k.tahun_klaim, k.kunci_indikator, coalesce(p.prioritas, 99), k.source_file, k.source_row
),

arah as (
    select kode_wilayah, tahun, coalesce(kode_iku, 'pk' || lpad(urutan::varchar, 2, '0')) as kunci_indikator,
           urutan, sasaran, indikator, satuan, arah, sumber_arah, rentang_target
    from pk
),

gabung as (
    select
        k.kode_wilayah,
        k.tahun,
        k.kunci_indikator,
        coalesce(a.urutan, pk_lain.urutan) as urutan_pk,
        coalesce(a.sasaran, m.sasaran, pk_lain.sasaran) as sasaran,
        coalesce(a.indikator, m.indikator, t.indikator) as indikator,
        coalesce(a.satuan, m.satuan, t.satuan) as satuan,
        coalesce(m.arah, a.arah, 'positif') as arah,
        case when m.arah is not null then 'manual IKU' else coalesce(a.sumber_arah, 'bawaan LKjIP (tidak dideklarasikan di manual IKU)') end as sumber_arah,
        coalesce(a.rentang_target, pk_lain.rentang_target) as rentang_target,
        t.target, t.target_teks, t.sumber_target,
        t.source_file as target_source_file, t.source_row as target_source_row,
        d.realisasi as realisasi_dihitung, d.definisi as definisi_realisasi,
        rk.nilai as realisasi_klaim, rk.teks as realisasi_klaim_teks, rk.tabel as realisasi_klaim_tabel,
        rk.source_file as realisasi_klaim_source_file, rk.source_row as realisasi_klaim_source_row
    from kunci k
    left join target_terpilih t using (kode_wilayah, tahun, kunci_indikator)
    left join realisasi_dihitung d on d.kode_wilayah = k.kode_wilayah and d.tahun = k.tahun and d.kode_iku = k.kunci_indikator
    left join realisasi_klaim rk using (kode_wilayah, tahun, kunci_indikator)
    left join arah a using (kode_wilayah, tahun, kunci_indikator)
    left join manual m on m.kode_wilayah = k.kode_wilayah and m.kode_iku = k.kunci_indikator
    left join (select distinct on (kode_wilayah, kunci_indikator) * from arah order by kode_wilayah, kunci_indikator, tahun desc) pk_lain
        on a.kunci_indikator is null and pk_lain.kode_wilayah = k.kode_wilayah and pk_lain.kunci_indikator = k.kunci_indikator
),

sumber_tersedia as (
    -- Per region x year x indicator with a recomputation: which of the sources it reads the build holds
    -- (a province-wide BPS table counts for each of its kab/kota), and which of them hold no data row.
    select
        k.kode_wilayah, k.tahun, k.kunci_indikator,
        count(distinct b.layout) as layout_ada,
        string_agg(distinct s.nama_sumber, ', ' order by s.nama_sumber) filter (where b.layout is null) as sumber_tidak_ada,
        string_agg(distinct b.source_file, ', ' order by b.source_file) filter (where b.data_rows = 0) as berkas_kosong
    from kunci k
    join sumber_perlu s on s.kode_iku = k.kunci_indikator
    left join berkas b on b.layout = s.layout and b.tahun = k.tahun
        and (b.kode_wilayah = k.kode_wilayah or (s.cakupan = 'provinsi' and b.kode_wilayah = left(k.kode_wilayah, 2)))
    group by all
),

gabung_sumber as (
    select
        g.*,
        st.layout_ada > 0 and g.realisasi_dihitung is null as tak_terhitung,
        case when st.layout_ada > 0 and g.realisasi_dihitung is null then
            concat_ws('; ',
                case when st.berkas_kosong is not null then 'berkas ' || st.berkas_kosong || ' tidak berisi baris data' end,
                case when st.sumber_tidak_ada is not null then st.sumber_tidak_ada || ' tidak ada untuk wilayah dan tahun ini' end,
                case when st.berkas_kosong is null and st.sumber_tidak_ada is null then coalesce(d.input_hilang, 'sumber tidak memuat angka wilayah dan tahun ini') end)
        end as alasan_tak_terhitung
    from gabung g
    left join sumber_tersedia st using (kode_wilayah, tahun, kunci_indikator)
    left join realisasi_dihitung d
        on d.kode_wilayah = g.kode_wilayah and d.tahun = g.tahun and d.kode_iku = g.kunci_indikator
),

dihitung as (
    select
        g.* exclude (tak_terhitung, alasan_tak_terhitung),
        case when r.id is not null then r.nilai_berlaku
             when realisasi_dihitung is not null then realisasi_dihitung
             when tak_terhitung then null
             else realisasi_klaim
        end as realisasi,
        case when r.id is not null then 'resolusi: ' || r.alasan || ' (' || r.oleh || ', ' || r.tanggal || ')'
             when realisasi_dihitung is not null then 'dihitung dari sumber (' || definisi_realisasi || ')'
             when tak_terhitung then 'tidak dapat dihitung ulang: ' || alasan_tak_terhitung
                 || coalesce('; angka LKjIP Tabel ' || realisasi_klaim_tabel || ' (' || realisasi_klaim_teks || ') tidak dipakai sebagai pengganti', '')
             when realisasi_klaim is not null then 'angka LKjIP Tabel ' || realisasi_klaim_tabel || ' (sumber mentah tahun ini tidak ada di gudang data)'
        end as sumber_realisasi,
        case when r.id is not null then 'resolusi'
             when realisasi_dihitung is not null then 'dihitung'
             when tak_terhitung then 'not_recomputable'
             when realisasi_klaim is not null then 'angka_laporan'
        end as status_realisasi
    from gabung_sumber g
    -- Same family key as intermediate.int_keluarga_angka: TPT and PDRB realisasi share the BPS family.
    left join resolusi r on r.id = case when g.kunci_indikator in ('tpt', 'pdrb_per_kapita')
                                        then g.kunci_indikator || '|' || g.kode_wilayah || '|' || g.tahun || '|tahunan'
                                        else 'realisasi|' || g.kode_wilayah || '|' || g.tahun || '|tahunan|' || g.kunci_indikator end
)

select
    d.* replace (
        -- A range indicator whose PK prints a plain target (inflation: "100" Persen) is measured as that
        -- percentage, not as the rate itself: the range applies only when no plain target is signed.
        case when d.arah = 'rentang' and d.target is not null then 'positif' else d.arah end as arah,
        case when d.arah = 'rentang' and d.target is not null
             then d.sumber_arah || '; target PK berupa angka, bukan rentang: dihitung positif terhadap target'
             else d.sumber_arah end as sumber_arah
    ),
    cast(case
        when d.arah = 'rentang' and d.target is null then capaian_rentang(d.realisasi::varchar, d.rentang_target)
        else capaian(d.realisasi::varchar, d.target::varchar, case when d.arah = 'rentang' then 'positif' else d.arah end)
    end as decimal(28,10)) as capaian
from dihitung d
