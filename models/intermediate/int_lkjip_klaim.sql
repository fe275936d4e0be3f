-- Grain: one row per figure the published LKjIP states (a non-empty claim cell of any lkjip table).
-- Inputs: staging.stg_lkjip_* (one per lkjip layout), raw.source_columns (printed header and position).
-- A new lkjip layout adds its staging model and one select here (test/models/lkjip_klaim.test.ts
-- fails until every claim column of raw.source_columns is unpivoted).
with sel as (
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_perjanjian_kinerja' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_perjanjian_kinerja,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_capaian_kinerja' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_capaian_kinerja,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'kriteria', teks: kriteria, nilai: kriteria_nilai, desimal: kriteria_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_capaian_iku_rpjmd' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_capaian_iku_rpjmd,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'kriteria', teks: kriteria, nilai: kriteria_nilai, desimal: kriteria_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_capaian_indikator' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_capaian_indikator,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_perbandingan_capaian_renstra' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_perbandingan_capaian_renstra,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'target_renstra', teks: target_renstra, nilai: target_renstra_nilai, desimal: target_renstra_desimal},
            {kolom: 'capaian_renstra', teks: capaian_renstra, nilai: capaian_renstra_nilai, desimal: capaian_renstra_desimal}
        ]) as u(k)
    union all
    -- Columns about a year the header names (<measure>_<yyyy>): as many as the file prints.
    select s.kode_wilayah, s.tahun, s.tabel, s.urutan, s.label_baris, 'lkjip_perbandingan_capaian_renstra', '.', t.kolom, t.teks, n.nilai, d.desimal,
        s.source_file, s.source_sheet, s.source_row, s.source_sha256
    from staging.stg_lkjip_perbandingan_capaian_renstra s
    join (
        unpivot (select source_file, source_sheet, source_row, columns('^realisasi_[0-9]{4}$') from staging.stg_lkjip_perbandingan_capaian_renstra)
        on columns('^realisasi_[0-9]{4}$') into name kolom value teks
    ) t on t.source_file = s.source_file and t.source_sheet is not distinct from s.source_sheet and t.source_row = s.source_row
    left join (
        unpivot (select source_file, source_sheet, source_row, columns('^realisasi_[0-9]{4}_nilai$') from staging.stg_lkjip_perbandingan_capaian_renstra)
        on columns('^realisasi_[0-9]{4}_nilai$') into name kolom value nilai
    ) n on n.source_file = t.source_file and n.source_sheet is not distinct from t.source_sheet and n.source_row = t.source_row and n.kolom = t.kolom || '_nilai'
    left join (
        unpivot (select source_file, source_sheet, source_row, columns('^realisasi_[0-9]{4}_desimal$') from staging.stg_lkjip_perbandingan_capaian_renstra)
        on columns('^realisasi_[0-9]{4}_desimal$') into name kolom value desimal
    ) d on d.source_file = t.source_file and d.source_sheet is not distinct from t.source_sheet and d.source_row = t.source_row and d.kolom = t.kolom || '_desimal'
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_formulasi_iku' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_formulasi_iku,
        unnest([
            {kolom: 'perhitungan', teks: perhitungan, nilai: perhitungan_nilai, desimal: perhitungan_desimal},
            {kolom: 'hasil', teks: hasil, nilai: hasil_nilai, desimal: hasil_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_target_capaian_iku' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_target_capaian_iku,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'kriteria', teks: kriteria, nilai: kriteria_nilai, desimal: kriteria_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_perbandingan_realisasi' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_perbandingan_realisasi,
        unnest([
            {kolom: 'keterangan', teks: keterangan, nilai: keterangan_nilai, desimal: keterangan_desimal}
        ]) as u(k)
    union all
    -- Columns about a year the header names (<measure>_<yyyy>): as many as the file prints.
    select s.kode_wilayah, s.tahun, s.tabel, s.urutan, s.label_baris, 'lkjip_perbandingan_realisasi', '.', t.kolom, t.teks, n.nilai, d.desimal,
        s.source_file, s.source_sheet, s.source_row, s.source_sha256
    from staging.stg_lkjip_perbandingan_realisasi s
    join (
        unpivot (select source_file, source_sheet, source_row, columns('^(target|realisasi|capaian)_[0-9]{4}$') from staging.stg_lkjip_perbandingan_realisasi)
        on columns('^(target|realisasi|capaian)_[0-9]{4}$') into name kolom value teks
    ) t on t.source_file = s.source_file and t.source_sheet is not distinct from s.source_sheet and t.source_row = s.source_row
    left join (
        unpivot (select source_file, source_sheet, source_row, columns('^(target|realisasi|capaian)_[0-9]{4}_nilai$') from staging.stg_lkjip_perbandingan_realisasi)
        on columns('^(target|realisasi|capaian)_[0-9]{4}_nilai$') into name kolom value nilai
    ) n on n.source_file = t.source_file and n.source_sheet is not distinct from t.source_sheet and n.source_row = t.source_row and n.kolom = t.kolom || '_nilai'
    left join (
        unpivot (select source_file, source_sheet, source_row, columns('^(target|realisasi|capaian)_[0-9]{4}_desimal$') from staging.stg_lkjip_perbandingan_realisasi)
        on columns('^(target|realisasi|capaian)_[0-9]{4}_desimal$') into name kolom value desimal
    ) d on d.source_file = t.source_file and d.source_sheet is not distinct from t.source_sheet and d.source_row = t.source_row and d.kolom = t.kolom || '_desimal'
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_realisasi_vs_renstra' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_realisasi_vs_renstra,
        unnest([
            {kolom: 'target_renstra', teks: target_renstra, nilai: target_renstra_nilai, desimal: target_renstra_desimal},
            {kolom: 'realisasi_kumulatif', teks: realisasi_kumulatif, nilai: realisasi_kumulatif_nilai, desimal: realisasi_kumulatif_desimal},
            {kolom: 'capaian_kumulatif', teks: capaian_kumulatif, nilai: capaian_kumulatif_nilai, desimal: capaian_kumulatif_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_efisiensi' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_efisiensi,
        unnest([
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'capaian_anggaran', teks: capaian_anggaran, nilai: capaian_anggaran_nilai, desimal: capaian_anggaran_desimal},
            {kolom: 'efisiensi', teks: efisiensi, nilai: efisiensi_nilai, desimal: efisiensi_desimal},
            {kolom: 'keterangan', teks: keterangan, nilai: keterangan_nilai, desimal: keterangan_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_capaian_program' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_capaian_program,
        unnest([
            {kolom: 'target', teks: target, nilai: target_nilai, desimal: target_desimal},
            {kolom: 'realisasi', teks: realisasi, nilai: realisasi_nilai, desimal: realisasi_desimal},
            {kolom: 'capaian', teks: capaian, nilai: capaian_nilai, desimal: capaian_desimal},
            {kolom: 'analisis', teks: analisis, nilai: analisis_nilai, desimal: analisis_desimal}
        ]) as u(k)
    union all
    select kode_wilayah, tahun, tabel, urutan, label_baris, 'lkjip_narasi' as raw_table, '.' as gaya_angka, k.*,
        source_file, source_sheet, source_row, source_sha256
    from staging.stg_lkjip_narasi,
        unnest([
            {kolom: 'klaim', teks: klaim, nilai: klaim_nilai, desimal: klaim_desimal}
        ]) as u(k)
),

cells as (
    select
        s.kode_wilayah, s.tahun, s.tabel, s.urutan, s.label_baris,
        s.kolom as kolom, sc.source_column, s.teks as teks, s.nilai as nilai, s.desimal as desimal, s.gaya_angka,
        -- A claim printed with its unit word ("2.370 Orang", "4,40 Persen") has no plain number; its
        -- number is read as a quantity so it can still be compared. The printed text stays in teks.
        (s.nilai is null and kuantitas(s.teks, s.gaya_angka) is not null
            and kuantitas_satuan(s.teks, s.gaya_angka) is not null) as kata_satuan,
        sc.posisi,
        s.source_file, s.source_sheet, s.source_row, s.source_sha256
    from sel s
    join raw.source_columns sc
        on sc.source_file = s.source_file and sc.source_sheet is not distinct from s.source_sheet
       and sc.raw_table = s.raw_table and sc.kolom = s.kolom
    where s.teks is not null
)

select
    kode_wilayah,
    tahun as tahun_laporan,
    tabel,
    urutan,
    label_baris,
    kolom,
    source_column as judul_kolom,
    teks,
    case when kata_satuan then cast(kuantitas(teks, gaya_angka) as decimal(28, 6)) else nilai end as nilai,
    case when kata_satuan then angka_desimal(regexp_extract(teks, '^[0-9][0-9.,]*'), gaya_angka) else desimal end as desimal,
    ends_with(trim(teks), '%') as persen,
    case when kata_satuan then kuantitas_satuan(teks, gaya_angka) end as satuan_sel,
    source_file, source_sheet, source_row, source_sha256
from cells
order by source_file, source_row, posisi
