-- Derived claims: a change stated in words next to a figure ("naik 4,74 persen", "turun 2%") is
-- recomputed from the figures it derives from: the stated figure (year t) against every statement of
-- the same measure, region, period and subject for t-1, and every statement for t+1 against it (a quote
-- may state the earlier figure and the rise that follows it). A finding when no such pair reproduces the
-- claimed change within half a unit of its printed decimals (within two units: rounding). A claim with
-- no figure to derive it from cannot be recomputed and is not evaluated.
-- Warning for an outlet's quote, error for an official statement.
-- Inputs: intermediate.int_keluarga_angka; staging.stg_bps_published_figures, staging.stg_bps_published_wages (kutipan).
with kutipan as (
    select source_file, source_row, kutipan from staging.stg_bps_published_figures where kutipan is not null
    union all
    select source_file, source_row, kutipan from staging.stg_bps_published_wages where kutipan is not null
),

anggota as (
    select * from intermediate.int_keluarga_angka where nilai is not null
),

klaim as (
    select a.*,
        regexp_extract(lower(k.kutipan), '(naik|turun|meningkat|menurun|tumbuh|bertambah|berkurang)\s+((sebesar|sekitar)\s+)?([0-9]+(,[0-9]+)?)\s*(persen|%)', 1) as arah,
        regexp_extract(lower(k.kutipan), '(naik|turun|meningkat|menurun|tumbuh|bertambah|berkurang)\s+((sebesar|sekitar)\s+)?([0-9]+(,[0-9]+)?)\s*(persen|%)', 4) as angka_teks
    from anggota a
    join kutipan k using (source_file, source_row)
),

klaim_angka as (
    select *,
        cast(replace(angka_teks, ',', '.') as decimal(18, 6))
            * case when arah in ('turun', 'menurun', 'berkurang') then -1 else 1 end as perubahan,
        length(regexp_extract(angka_teks, ',([0-9]+)$', 1))::integer as desimal_klaim
    from klaim
    where angka_teks <> ''
),

pasangan as (
    select c.keluarga, c.source_file, c.source_row, c.kolom, b.tahun as tahun_lain, b.nilai as dasar, c.nilai as akhir,
        b.source_file as f_lain, b.source_sheet as s_lain, b.source_row as r_lain, b.kolom as k_lain, b.sumber as sumber_lain, b.teks as teks_lain, b.nilai as nilai_lain
    from klaim_angka c
    join anggota b on b.kode_wilayah = c.kode_wilayah and b.ukuran = c.ukuran and b.subjek is not distinct from c.subjek
        and b.periode is not distinct from c.periode and b.tahun = c.tahun - 1
    where b.nilai <> 0
    union all
    select c.keluarga, c.source_file, c.source_row, c.kolom, b.tahun, c.nilai, b.nilai,
        b.source_file, b.source_sheet, b.source_row, b.kolom, b.sumber, b.teks, b.nilai
    from klaim_angka c
    join anggota b on b.kode_wilayah = c.kode_wilayah and b.ukuran = c.ukuran and b.subjek is not distinct from c.subjek
        and b.periode is not distinct from c.periode and b.tahun = c.tahun + 1
    where c.nilai <> 0
),

terbaik as (
    -- the pair that comes closest to the claim
    select distinct on (p.keluarga, p.source_file, p.source_row, p.kolom) p.*, h.dihitung, abs(h.dihitung - c.perubahan) as beda
    from pasangan p
    join klaim_angka c using (keluarga, source_file, source_row, kolom)
    cross join lateral (select cast(persen((p.akhir - p.dasar)::varchar, p.dasar::varchar) as decimal(28, 6)) as dihitung) h
    order by p.keluarga, p.source_file, p.source_row, p.kolom, abs(h.dihitung - c.perubahan), p.f_lain, p.r_lain
)

select
    c.kode_wilayah, c.tahun, 'Klaim turunan: ' || c.ukuran as tabel,
    'turunan:' || c.keluarga || ':' || c.source_file || ':' || coalesce(c.source_row, 0) || ':' || coalesce(c.kolom, '') as kunci,
    c.kunci_indikator, null as keluarga,
    t.dihitung as nilai_diharapkan, c.perubahan as nilai_aktual,
    t.beda > 0.5 * pow(10, -c.desimal_klaim) as gagal,
    case when t.beda <= 2 * pow(10, -c.desimal_klaim) then 'rounding'
         when c.jenis_sumber = 'kutipan' then 'warning' else 'error' end as keparahan,
    c.sumber || ' menyatakan "' || c.arah || ' ' || c.angka_teks || '%" untuk ' || coalesce(l.label, c.ukuran) || ' wilayah ' || c.kode_wilayah || ' tahun ' || c.tahun ||
        '; dari angka yang dinyatakan (' || angka_id(t.dasar::varchar) || ' menjadi ' || angka_id(t.akhir::varchar) ||
        ') perubahannya ' || angka_id(round(t.dihitung, 2)::varchar) || '%.' as penjelasan,
    [anggota_sel(c.sumber, c.nilai, c.teks, c.source_file, c.source_sheet, c.source_row, c.kolom),
     anggota_sel(t.sumber_lain, t.nilai_lain, t.teks_lain, t.f_lain, t.s_lain, t.r_lain, t.k_lain)] as anggota,
    tanpa_kandidat() as kandidat
from klaim_angka c
join terbaik t using (keluarga, source_file, source_row, kolom)
left join config.label_ukuran l on l.ukuran = c.ukuran
