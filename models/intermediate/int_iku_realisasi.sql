-- Grain: one row per region x year x IKU x definition: the realisasi each named definition gives
-- (config.definisi_iku), with numerator, denominator and where each came from. A definition whose
-- input exists in no source has nilai NULL and says which input is missing: the reason for a report's
-- own numerator that no source holds is configuration (config.definisi_iku.input_hilang, with
-- {penempatan} standing for the AK-I placements), never a literal here.
-- Inputs: staging.stg_ak1_rekap, staging.stg_hi_keterangan, staging.stg_bps_kabkota_tahun,
-- intermediate.int_pelatihan_peserta, config.definisi_iku.
with ak1 as (
    select
        kode_wilayah, tahun,
        sum(sisa_lalu_l + sisa_lalu_w) as sisa_lalu,
        sum(terdaftar_l + terdaftar_w) as terdaftar,
        sum(penempatan_l + penempatan_w) as penempatan,
        sum(sisa_akhir_l + sisa_akhir_w) as sisa_akhir,
        min(source_file) as source_file
    from staging.stg_ak1_rekap
    group by all
),

hi as (
    -- FRM letters are the form's own field codes: A selesai mediasi, C PB, D dalam proses, E anjuran, F kasus masuk.
    select
        kode_wilayah, tahun,
        sum(jumlah) filter (where kode_isian = 'A') as terselesaikan,
        sum(jumlah) filter (where kode_isian in ('C', 'D', 'E')) as difasilitasi,
        sum(jumlah) filter (where kode_isian = 'F') as kasus_masuk,
        min(source_file) as source_file
    from staging.stg_hi_keterangan
    group by all
),

bps as (
    select
        kode_wilayah, tahun,
        min(nilai) filter (where ukuran = 'angkatan_kerja') as angkatan_kerja,
        min(nilai) filter (where ukuran = 'bekerja') as bekerja,
        min(nilai) filter (where ukuran = 'tpt') as tpt,
        string_agg(distinct source_file, '; ' order by source_file) as source_file
    from staging.stg_bps_kabkota_tahun
    group by all
),

pelatihan as (
    select * from intermediate.int_pelatihan_peserta
),

definisi as (
    select kode_iku, definisi, utama = 'true' as utama, label, keterangan, input_hilang from config.definisi_iku
),

alasan as (
    select kode_iku, definisi, input_hilang from definisi where input_hilang is not null
),

nilai as (
    select kode_wilayah, tahun, 'pct_tk_bersertifikat' as kode_iku, 'publikasi' as definisi,
           null::decimal(28,6) as pembilang, sisa_akhir as penyebut,
           coalesce((select input_hilang from alasan where kode_iku = 'pct_tk_bersertifikat' and definisi = 'publikasi'),
                    'pembilang definisi LKjIP tidak ada di sumber mana pun') as input_hilang,
           'AK-I Sisa Akhir L+W' as sumber_penyebut, null as sumber_pembilang, source_file
    from ak1
    union all
    select a.kode_wilayah, a.tahun, 'pct_tk_bersertifikat', 'dilatih_lampiran_c_per_terdaftar',
           p.peserta, a.terdaftar, case when p.peserta is null then 'peserta pelatihan (Lampiran C) tidak ada' end,
           'AK-I Yang Terdaftar L+W', 'Lampiran C: capaian sub kegiatan pelatihan', a.source_file || '; ' || coalesce(p.source_file, '')
    from ak1 a left join pelatihan p using (kode_wilayah, tahun)
    union all
    select a.kode_wilayah, a.tahun, 'pct_tk_bersertifikat', 'dilatih_lampiran_c_per_sisa_akhir',
           p.peserta, a.sisa_akhir, case when p.peserta is null then 'peserta pelatihan (Lampiran C) tidak ada' end,
           'AK-I Sisa Akhir L+W', 'Lampiran C: capaian sub kegiatan pelatihan', a.source_file || '; ' || coalesce(p.source_file, '')
    from ak1 a left join pelatihan p using (kode_wilayah, tahun)
    union all
    select kode_wilayah, tahun, 'pct_pencaker_ditempatkan', 'publikasi',
           null, sisa_akhir,
           replace(coalesce((select input_hilang from alasan where kode_iku = 'pct_pencaker_ditempatkan' and definisi = 'publikasi'),
                            'pembilang definisi LKjIP tidak ada di rekap AK-I (Penempatan = {penempatan})'),
                   '{penempatan}', penempatan::bigint::varchar),
           'AK-I Sisa Akhir L+W', null, source_file
    from ak1
    union all
    select kode_wilayah, tahun, 'pct_pencaker_ditempatkan', 'ak1_penempatan_per_terdaftar',
           penempatan, terdaftar, null, 'AK-I Yang Terdaftar L+W', 'AK-I Penempatan L+W', source_file
    from ak1
    union all
    select kode_wilayah, tahun, 'pct_pencaker_ditempatkan', 'ak1_penempatan_per_sisa_akhir',
           penempatan, sisa_akhir, null, 'AK-I Sisa Akhir L+W', 'AK-I Penempatan L+W', source_file
    from ak1
    union all
    select kode_wilayah, tahun, 'pct_pencaker_ditempatkan', 'ak1_penempatan_per_tersedia',
           penempatan, sisa_lalu + terdaftar, null, 'AK-I Sisa Tahun Lalu + Yang Terdaftar L+W', 'AK-I Penempatan L+W', source_file
    from ak1
    union all
    select kode_wilayah, tahun, 'pct_kasus_hi_difasilitasi', 'publikasi',
           terselesaikan, terselesaikan, null, 'HI KETERANGAN A (kasus terselesaikan)', 'HI KETERANGAN A', source_file
    from hi
    union all
    select kode_wilayah, tahun, 'pct_kasus_hi_difasilitasi', 'difasilitasi_per_masuk',
           difasilitasi, kasus_masuk, null, 'HI KETERANGAN F (kasus masuk)', 'HI KETERANGAN C+D+E', source_file
    from hi
    union all
    select kode_wilayah, tahun, 'pct_kasus_hi_difasilitasi', 'terselesaikan_per_masuk',
           terselesaikan, kasus_masuk, null, 'HI KETERANGAN F (kasus masuk)', 'HI KETERANGAN A', source_file
    from hi
    union all
    select kode_wilayah, tahun, 'tkk', 'bps_bekerja_per_angkatan_kerja',
           bekerja, angkatan_kerja, case when bekerja is null or angkatan_kerja is null then 'tabel BPS bekerja/angkatan kerja tidak lengkap' end,
           'BPS angkatan kerja', 'BPS penduduk bekerja', source_file
    from bps
    union all
    select kode_wilayah, tahun, 'tpt', 'bps_dihitung',
           angkatan_kerja - bekerja, angkatan_kerja, case when bekerja is null or angkatan_kerja is null then 'tabel BPS bekerja/angkatan kerja tidak lengkap' end,
           'BPS angkatan kerja', 'BPS angkatan kerja - bekerja', source_file
    from bps
),

dihitung as (
    select
        n.*,
        cast(persen(pembilang::varchar, penyebut::varchar) as decimal(28,10)) as realisasi
    from nilai n
),

tpt_langsung as (
    select kode_wilayah, tahun, 'tpt' as kode_iku, 'bps_tpt' as definisi, null::decimal(28,6) as pembilang,
           null::decimal(28,6) as penyebut, case when tpt is null then 'tabel BPS TPT tidak ada' end as input_hilang,
           null as sumber_penyebut, 'BPS TPT' as sumber_pembilang, source_file, cast(tpt as decimal(28,10)) as realisasi
    from bps
)

select
    x.kode_wilayah, x.tahun, x.kode_iku, x.definisi, d.utama, d.label, d.keterangan,
    x.pembilang, x.penyebut, x.realisasi,
    coalesce(x.input_hilang, case when x.realisasi is null then 'penyebut nol atau tidak ada' end) as input_hilang,
    x.sumber_pembilang, x.sumber_penyebut, x.source_file
from (select * from dihitung union all by name select * from tpt_langsung) x
left join definisi d using (kode_iku, definisi)
