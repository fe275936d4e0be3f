-- Grain: one row per region x tracked indicator x year x source statement (a "vintage"): every value a
-- source gives for the indicator's realisation that year, with the source, where it is stated, and
-- whether it is the value the trajectory uses (terpilih, exactly one per region x indicator x year).
-- Inputs: intermediate.int_renstra_iku, intermediate.int_klaim_peta, intermediate.int_capaian_indikator,
-- intermediate.int_iku_realisasi, intermediate.int_pasar_kerja, intermediate.int_resolusi (the
-- analysts' resolutions).
-- Sources (jenis_sumber):
--   tabel_bps    a BPS table cell (TKK = bekerja / angkatan kerja of the same table year);
--   dihitung     recomputed from the office's raw sources (AK-I, HI, Lampiran C) by the IKU's main
--                definition (int_iku_realisasi), for indicators BPS does not measure;
--   kutipan_bps  a figure on a BPS page (bps.go.id): outlets that merely say "according to BPS" rank
--                with the other outlets, as shared/data's README ranks aggregators lowest; TKK only
--                where the same quote gives both bekerja and angkatan kerja;
--   klaim_lkjip  the published report's figure: one row per distinct value per report, listing every
--                table and narrative line that states it (Tabel 3.5 gives SAKIP 2022 and 2023);
--   kutipan_lain any other outlet;
--   resolusi     a value an analyst's resolution sets that no source states.
-- Why every vintage is kept: sources disagree (TPT 2024: 4,05 in the LKjIP and the BPS table, 4,11 as
-- quoted from BPS at the RKPD forum); dropping one would hide the conflict the checks report.
-- Which one is used (terpilih): the vintage whose value a resolution sets for this region, year and
-- indicator (resolution id = figure-family key, e.g. "tpt|6403|2024|tahunan", value nilai_berlaku);
-- otherwise the default, documented in docs/design.md "Renstra trajectories": tabel_bps = dihitung (1)
-- > kutipan_bps (2) > klaim_lkjip (3) > kutipan_lain (4); within a rank the latest vintage
-- (tahun_sumber: the report year, or the latest year a quote's period note or address path names), then
-- the value stated most often, then file and row order (deterministic).
with iku as (
    select * from intermediate.int_renstra_iku
),

klaim as (
    select * from intermediate.int_klaim_peta
),

capaian as (
    select * from intermediate.int_capaian_indikator
),

iku_realisasi as (
    select * from intermediate.int_iku_realisasi
),

pasar_kerja as (
    select * from intermediate.int_pasar_kerja
),

-- BPS measures these; their recomputation in int_capaian_indikator reads the same BPS tables that
-- int_pasar_kerja gives row by row, so it is not added a second time as 'dihitung'.
indikator_bps as (
    select * from (values ('tpt'), ('tkk'), ('pdrb_per_kapita')) as t(kode_iku)
),

dari_klaim as (
    select
        k.kode_wilayah,
        k.kunci_indikator,
        k.tahun_klaim as tahun,
        'klaim_lkjip' as jenis_sumber,
        'LKjIP ' || k.tahun_laporan || ' ('
            || string_agg(distinct case when k.tabel = 'narasi' then 'narasi' else 'Tabel ' || k.tabel end, ', '
                          order by case when k.tabel = 'narasi' then 'narasi' else 'Tabel ' || k.tabel end)
            || ')' as sumber,
        cast(k.nilai as decimal(28, 10)) as nilai,
        cast(null as varchar) as satuan_sumber,
        k.tahun_laporan as tahun_sumber,
        count(*) as jumlah_rujukan,
        list(k.source_file order by k.source_file, k.source_row) as source_file,
        list(k.source_row order by k.source_file, k.source_row) as source_row,
        string_agg(k.source_file || ' baris ' || k.source_row, '; ' order by k.source_file, k.source_row) as provenance
    from klaim k
    join iku i on i.kode_wilayah = k.kode_wilayah and i.kunci_indikator = k.kunci_indikator
    where k.ukuran = 'realisasi' and k.nilai is not null
    group by k.kode_wilayah, k.kunci_indikator, k.tahun_klaim, k.tahun_laporan, k.nilai
),

dari_hitung as (
    select
        c.kode_wilayah,
        c.kunci_indikator,
        c.tahun,
        'dihitung' as jenis_sumber,
        'dihitung dari sumber (' || c.definisi_realisasi || ': ' || r.label || ')' as sumber,
        cast(c.realisasi_dihitung as decimal(28, 10)) as nilai,
        cast(null as varchar) as satuan_sumber,
        c.tahun as tahun_sumber,
        1 as jumlah_rujukan,
        -- int_iku_realisasi lists its inputs as "file; file baris N".
        list_transform(string_split(r.source_file, '; '), lambda s: split_part(s, ' baris ', 1)) as source_file,
        list_transform(string_split(r.source_file, '; '), lambda s: try_cast(nullif(split_part(s, ' baris ', 2), '') as integer)) as source_row,
        r.source_file as provenance
    from capaian c
    join iku i on i.kode_wilayah = c.kode_wilayah and i.kunci_indikator = c.kunci_indikator
    left join iku_realisasi r
        on r.utama and r.kode_wilayah = c.kode_wilayah and r.tahun = c.tahun and r.kode_iku = c.kunci_indikator
    where c.realisasi_dihitung is not null
      and c.kunci_indikator not in (select kode_iku from indikator_bps)
),

pasar as (
    select
        p.*,
        case
            when p.jenis_sumber = 'tabel_bps' then 'tabel_bps'
            when p.url_sumber ilike '%bps.go.id%' then 'kutipan_bps'
            else 'kutipan_lain'
        end as jenis,
        -- The vintage of a quote: the latest year its period note or address names (a 2026 forum
        -- quoting 2024 is newer than a 2025 article quoting 2024); a BPS table: the year it is about.
        case
            when p.jenis_sumber = 'tabel_bps' then p.tahun
            else list_max(list_transform(
                list_concat(regexp_extract_all(coalesce(p.periode, ''), '\b((?:19|20)\d{2})\b', 1),
                            -- only whole path segments of an address: "?p=2003" is not a year
                            regexp_extract_all(coalesce(p.url_sumber, ''), '/((?:19|20)\d{2})/', 1)),
                lambda y: cast(y as integer)))
        end as tahun_sumber,
        p.source_file || ' baris ' || p.source_row
            || case when p.source_column is not null and p.source_column <> 'value' then ' kolom ' || p.source_column else '' end
            as rujukan
    from pasar_kerja p
),

dari_pasar as (
    select
        p.kode_wilayah,
        p.ukuran as kunci_indikator,
        p.tahun,
        p.jenis as jenis_sumber,
        case when p.jenis = 'tabel_bps' then p.sumber else 'kutipan ' || p.sumber || coalesce(' (' || p.periode || ')', '') end as sumber,
        cast(p.nilai as decimal(28, 10)) as nilai,
        p.satuan as satuan_sumber,
        p.tahun_sumber,
        1 as jumlah_rujukan,
        [p.source_file] as source_file,
        [p.source_row] as source_row,
        p.rujukan as provenance
    from pasar p
    join iku i on i.kode_wilayah = p.kode_wilayah and i.kunci_indikator = p.ukuran
    where p.ukuran in ('tpt', 'pdrb_per_kapita')
),

-- TKK = bekerja / angkatan kerja x 100, only where one source states both for the same year and period
-- (the two BPS tables of a year; one quote): mixing sources would divide figures of different vintages.
dari_tkk as (
    select
        a.kode_wilayah,
        'tkk' as kunci_indikator,
        a.tahun,
        a.jenis as jenis_sumber,
        case when a.jenis = 'tabel_bps'
            then 'Tabel BPS: bekerja / angkatan kerja (' || b.source_file || ', ' || a.source_file || ')'
            else 'kutipan ' || a.sumber || coalesce(' (' || a.periode || ')', '') || ': bekerja / angkatan kerja'
        end as sumber,
        cast(persen(b.nilai::varchar, a.nilai::varchar) as decimal(28, 10)) as nilai,
        'persen' as satuan_sumber,
        greatest(a.tahun_sumber, b.tahun_sumber) as tahun_sumber,
        1 as jumlah_rujukan,
        [b.source_file, a.source_file] as source_file,
        [b.source_row, a.source_row] as source_row,
        b.rujukan || '; ' || a.rujukan as provenance
    from pasar a
    join pasar b
        on a.ukuran = 'angkatan_kerja' and b.ukuran = 'bekerja'
       and b.kode_wilayah = a.kode_wilayah and b.tahun = a.tahun and b.jenis = a.jenis
       and b.url_sumber is not distinct from a.url_sumber and b.periode is not distinct from a.periode
    join iku i on i.kode_wilayah = a.kode_wilayah and i.kunci_indikator = 'tkk'
    where a.nilai is not null and a.nilai <> 0 and b.nilai is not null
),

-- TKK = 100 - TPT (bekerja and pengangguran make up the labour force), from the same statement, for a
-- region and year no source gives bekerja and angkatan kerja for: most kab/kota are published as TPT only,
-- and Bappeda compares TKK across them. A direct TKK always wins, so the two are never mixed.
dari_tkk_tpt as (
    select
        p.kode_wilayah,
        'tkk' as kunci_indikator,
        p.tahun,
        p.jenis_sumber,
        '100 - TPT (' || p.sumber || ')' as sumber,
        cast(100 - p.nilai as decimal(28, 10)) as nilai,
        'persen' as satuan_sumber,
        p.tahun_sumber,
        p.jumlah_rujukan,
        p.source_file,
        p.source_row,
        p.provenance
    from dari_pasar p
    join iku i on i.kode_wilayah = p.kode_wilayah and i.kunci_indikator = 'tkk'
    where p.kunci_indikator = 'tpt'
      and not exists (select 1 from dari_tkk t where t.kode_wilayah = p.kode_wilayah and t.tahun = p.tahun)
),

vintage as (
    select * from dari_klaim
    union all by name
    select * from dari_hitung
    union all by name
    select * from dari_pasar
    union all by name
    select * from dari_tkk
    union all by name
    select * from dari_tkk_tpt
),

-- Resolutions: an id that is a figure-family key names a region, year and indicator ("tpt|6403|2024|tahunan",
-- "realisasi|6403|2024|tahunan|pct_tk_bersertifikat"); its nilai_berlaku is the value that stands. An id
-- that is a finding id (total_tercetak-...) settles a finding, not a realisation, and is not read here.
resolusi as (
    select
        split_part(id, '|', 2) as kode_wilayah,
        try_cast(split_part(id, '|', 3) as integer) as tahun,
        case when split_part(id, '|', 1) = 'realisasi' then split_part(id, '|', 5) else split_part(id, '|', 1) end as kunci_indikator,
        split_part(id, '|', 4) as periode,
        cast(nilai_berlaku as decimal(28, 10)) as nilai,
        alasan || ' (' || oleh || ', ' || tanggal || ')' as alasan,
        source_file,
        source_row
    from (select * exclude (id, keluarga), keluarga as id from intermediate.int_resolusi where keluarga is not null)
    where len(string_split(id, '|')) >= 4
),

resolusi_iku as (
    select r.*
    from resolusi r
    join iku i on i.kode_wilayah = r.kode_wilayah and i.kunci_indikator = r.kunci_indikator
    where r.tahun is not null and r.nilai is not null and coalesce(r.periode, 'tahunan') = 'tahunan'
),

-- A resolved value no source states (the analyst decided a figure of their own) becomes a vintage of
-- its own, provenance the resolutions file, so the decision is still what the trajectory uses.
dari_resolusi as (
    select
        r.kode_wilayah, r.kunci_indikator, r.tahun,
        'resolusi' as jenis_sumber,
        'keputusan rekonsiliasi' as sumber,
        r.nilai,
        cast(null as varchar) as satuan_sumber,
        r.tahun as tahun_sumber,
        1 as jumlah_rujukan,
        [r.source_file] as source_file,
        [r.source_row] as source_row,
        r.source_file || ' baris ' || r.source_row as provenance
    from resolusi_iku r
    where not exists (select 1 from vintage v
                      where v.kode_wilayah = r.kode_wilayah and v.kunci_indikator = r.kunci_indikator
                        and v.tahun = r.tahun and v.nilai = r.nilai)
),

semua_vintage as (
    select * from vintage
    union all by name
    select * from dari_resolusi
),

berperingkat as (
    select
        v.*,
        case v.jenis_sumber
            when 'resolusi' then 0 when 'tabel_bps' then 1 when 'dihitung' then 1 when 'kutipan_bps' then 2
            when 'klaim_lkjip' then 3 else 4
        end as peringkat_bawaan,
        r.alasan as alasan_resolusi,
        r.kode_wilayah is not null as dipilih_resolusi
    from semua_vintage v
    left join (select kode_wilayah, kunci_indikator, tahun, nilai, min(alasan) as alasan from resolusi_iku group by all) r
        on r.kode_wilayah = v.kode_wilayah and r.kunci_indikator = v.kunci_indikator and r.tahun = v.tahun and r.nilai = v.nilai
),

berurut as (
    select
        *,
        row_number() over (
            partition by kode_wilayah, kunci_indikator, tahun
            order by dipilih_resolusi desc, peringkat_bawaan, tahun_sumber desc nulls last, jumlah_rujukan desc,
                     source_file[1], source_row[1], nilai
        ) as urutan_pilihan,
        count(*) over (partition by kode_wilayah, kunci_indikator, tahun) as jumlah_vintage,
        count(distinct nilai) over (partition by kode_wilayah, kunci_indikator, tahun) as jumlah_nilai_berbeda
    from berperingkat
)

select
    kode_wilayah,
    kunci_indikator,
    tahun,
    jenis_sumber,
    sumber,
    nilai,
    satuan_sumber,
    tahun_sumber,
    jumlah_rujukan,
    peringkat_bawaan,
    urutan_pilihan,
    urutan_pilihan = 1 as terpilih,
    case
        when urutan_pilihan = 1 and dipilih_resolusi then 'resolusi: ' || coalesce(alasan_resolusi, '(tanpa alasan tertulis)')
        when urutan_pilihan = 1 and jumlah_vintage = 1 then 'satu-satunya sumber'
        when urutan_pilihan = 1
            then 'aturan bawaan: tabel BPS / hitung ulang > kutipan BPS > klaim LKjIP > kutipan lain; vintage terbaru'
    end as dasar_pilihan,
    jumlah_vintage,
    jumlah_nilai_berbeda > 1 as nilai_berbeda,
    source_file,
    source_row,
    provenance
from berurut
