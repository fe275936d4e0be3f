-- Grain: one row per region x year x IKU x definition: Tabel 3.16 "Formulasi Perhitungan IKU" regenerated,
-- each named definition side by side (the report's own marked `publikasi`), with the figures it divides.
-- Inputs: intermediate.int_iku_realisasi, staging.stg_plans_manual_iku, config.susunan_tabel.
with realisasi as (
    select * from intermediate.int_iku_realisasi
),

manual as (
    select * from staging.stg_plans_manual_iku
),

susunan as (
    select kode_iku, cast(urutan as integer) as urutan from config.susunan_tabel where tabel = 'tabel_3_16'
)

select
    r.kode_wilayah,
    r.tahun,
    s.urutan * 10 + row_number() over (partition by r.kode_wilayah, r.tahun, r.kode_iku order by r.definisi = 'publikasi' desc, r.utama desc, r.definisi) as urutan,
    r.kode_iku,
    m.indikator,
    m.perumusan as formulasi,
    m.satuan,
    r.definisi,
    r.label as definisi_label,
    r.utama as definisi_utama,
    r.pembilang,
    r.penyebut,
    -- Printed the report's way: "(630 / 3.528 x 100)"; a missing input shows as "?".
    '(' || coalesce(replace(format('{:,}', r.pembilang::bigint), ',', '.'), '?') || ' / '
        || coalesce(replace(format('{:,}', r.penyebut::bigint), ',', '.'), '?') || ' x 100)' as angka_perhitungan,
    r.realisasi as hasil,
    cast(tampilkan(r.realisasi::varchar, 'bulat_2', 'false') as decimal(18,2)) as hasil_tampil,
    r.input_hilang,
    r.keterangan
from realisasi r
join susunan s on s.kode_iku = r.kode_iku
left join manual m on m.kode_wilayah = r.kode_wilayah and m.kode_iku = r.kode_iku
