-- Grain: one row per region x tracked indicator x year x realisation vintage: the Renstra target
-- path of each IKU (the office's IKU plus TPT, TKK and PDRB per kapita) with every value any source gives
-- for its realisation that year; a year with no realisation has one row with realisasi NULL. Exactly one
-- row per region x indicator x year has terpilih = true (the value the trajectory uses).
-- Inputs: intermediate.int_renstra_iku, intermediate.int_renstra_target, intermediate.int_renstra_realisasi.
-- A year the Renstra gives no target for keeps target NULL and says so in catatan_target (never
-- interpolated). capaian is computed for every vintage against the year's target, direction-aware, so
-- a reader sees what each source's figure would give; trajectories (marts.renstra_lintasan) use only
-- terpilih rows. Years outside the Renstra period (TPT 2020 quoted by BPS) stay, flagged by
-- dalam_periode_renstra = false.
with iku as (
    select * from intermediate.int_renstra_iku
),

target as (
    select * from intermediate.int_renstra_target
),

realisasi as (
    select * from intermediate.int_renstra_realisasi
),

tahun as (
    select kode_wilayah, kunci_indikator, tahun from target
    union
    select kode_wilayah, kunci_indikator, tahun from realisasi
),

gabung as (
    select
        y.kode_wilayah,
        y.tahun,
        y.kunci_indikator,
        i.peran,
        i.sasaran,
        i.indikator,
        i.satuan,
        i.arah,
        i.tahun_awal_renstra,
        i.tahun_akhir_renstra,
        y.tahun between i.tahun_awal_renstra and i.tahun_akhir_renstra as dalam_periode_renstra,
        t.target,
        t.sumber_target,
        t.target_renstra,
        t.target_pk,
        coalesce(t.catatan_target,
                 case when i.tahun_awal_renstra is not null and not (y.tahun between i.tahun_awal_renstra and i.tahun_akhir_renstra)
                      then 'Di luar periode Renstra ' || i.tahun_awal_renstra || '-' || i.tahun_akhir_renstra || '.' end)
            as catatan_target,
        i.target_akhir_renstra,
        i.target_akhir_renstra_teks,
        r.nilai as realisasi,
        r.satuan_sumber as satuan_realisasi,
        r.jenis_sumber,
        r.sumber,
        r.tahun_sumber,
        r.peringkat_bawaan,
        -- A year without any realisation still has its one row, and it is the row the year stands on.
        coalesce(r.terpilih, true) as terpilih,
        r.dasar_pilihan,
        coalesce(r.jumlah_vintage, 0) as jumlah_vintage,
        coalesce(r.nilai_berbeda, false) as nilai_berbeda,
        t.target_source_file,
        t.target_source_row,
        r.source_file,
        r.source_row,
        r.provenance
    from tahun y
    join iku i using (kode_wilayah, kunci_indikator)
    left join target t using (kode_wilayah, kunci_indikator, tahun)
    left join realisasi r using (kode_wilayah, kunci_indikator, tahun)
),

dinilai as (
    select
        g.*,
        cast(case when g.arah <> 'rentang' then capaian(g.realisasi::varchar, g.target::varchar, g.arah) end
             as decimal(28, 10)) as capaian
    from gabung g
)

select
    kode_wilayah,
    tahun,
    kunci_indikator,
    peran,
    sasaran,
    indikator,
    satuan,
    arah,
    tahun_awal_renstra,
    tahun_akhir_renstra,
    dalam_periode_renstra,
    target,
    sumber_target,
    target_renstra,
    target_pk,
    catatan_target,
    target_akhir_renstra,
    target_akhir_renstra_teks,
    realisasi,
    satuan_realisasi,
    jenis_sumber,
    sumber,
    tahun_sumber,
    peringkat_bawaan,
    terpilih,
    dasar_pilihan,
    jumlah_vintage,
    nilai_berbeda,
    capaian,
    cast(tampilkan(capaian::varchar, 'bulat_2', 'false') as decimal(18, 2)) as capaian_tampil,
    kriteria(capaian::varchar) as kriteria,
    nullif(concat_ws(' ',
        case when realisasi is null then 'Tidak ada realisasi tahun ini di gudang data.' end,
        case when nilai_berbeda then 'Sumber-sumber menyatakan nilai berbeda untuk tahun ini (' || jumlah_vintage
                                     || ' pernyataan); baris terpilih menunjukkan nilai yang dipakai.' end,
        case when satuan_realisasi is not null and satuan is not null and lower(satuan_realisasi) <> lower(satuan)
             then 'Satuan sumber (' || satuan_realisasi || ') berbeda dari satuan indikator (' || satuan || ').' end
    ), '') as catatan,
    target_source_file,
    target_source_row,
    source_file,
    source_row,
    provenance
from dinilai
