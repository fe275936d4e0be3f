-- Region codes under two code systems: BPS codes (the warehouse's key) and Kemendagri codes differ for
-- several regions (the same four digits name one region in one system and another region in the other),
-- so a code is read only through the crosswalk in models/config/kode_wilayah_silang.csv, never joined
-- by its digits alone. Two kinds of item:
--   * a source row keyed by a region code and naming its region: the code must be the BPS code of the
--     region the row names. A code the crosswalk does not know, or one that is the BPS code of another
--     region (typically the named region's Kemendagri code), is a finding: the row's figures would join
--     the wrong region;
--   * a figure that states a region's code in a named system (config.ukuran_kode_wilayah): the stated
--     code must be that region's code in that system.
-- Error for official sources, warning for an outlet's quote. Inputs: staging.stg_bps_published_figures,
-- staging.stg_bps_published_wages, staging.stg_bps_wilayah, raw.source_files, config.kode_wilayah_silang,
-- config.ukuran_kode_wilayah, config.hierarki_sumber.
with silang as (
    select kode_bps, kode_kemendagri, replace(kode_kemendagri, '.', '') as kemendagri_angka, nama_wilayah,
        list_concat([kunci_wilayah(nama_wilayah)], list_transform(string_split(coalesce(alias, ''), '|'), x -> kunci_wilayah(x))) as kunci_nama
    from config.kode_wilayah_silang
),

-- The BPS region master (the office's list of BPS codes and names) knows the codes the crosswalk does not
-- cover (another province); the crosswalk comes first where both name a region.
master as (
    select kode_wilayah as kode_bps,
        list_concat([kunci_wilayah(nama_wilayah)], list_transform(string_split(coalesce(alias, ''), '|'), x -> kunci_wilayah(x))) as kunci_nama
    from staging.stg_bps_wilayah
    where kode_wilayah is not null
),

nama_kunci as (
    select kunci, kode_bps from (
        select kode_bps, unnest(kunci_nama) as kunci, 1 as urutan from silang
        union all
        select kode_bps, unnest(kunci_nama), 2 from master
    )
    where kunci <> ''
    qualify urutan = min(urutan) over (partition by kunci)
),

kode_bps_dikenal as (
    select kode_bps, nama_wilayah from silang
    union all
    select kode_wilayah, nama_wilayah from staging.stg_bps_wilayah
    where kode_wilayah is not null and kode_wilayah not in (select kode_bps from silang)
),

peringkat as (
    select f.source_file, (
        select h.peringkat::integer from config.hierarki_sumber h
        where starts_with(f.layout, h.layout_awalan) order by length(h.layout_awalan) desc limit 1
    ) as peringkat
    from raw.source_files f
),

baris as (
    select kode_wilayah, nama_wilayah, source_file, source_sheet, source_row from staging.stg_bps_published_figures
    union all
    select kode_wilayah, nama_wilayah, source_file, source_sheet, source_row from staging.stg_bps_published_wages
    union all
    select kode_wilayah, nama_wilayah, source_file, source_sheet, source_row from staging.stg_bps_wilayah
),

-- one item per file x printed code x printed name: a wrong code repeats on every row of its region
pasangan as (
    select b.source_file, b.kode_wilayah, b.nama_wilayah,
        min(b.source_row) as source_row, any_value(b.source_sheet) as source_sheet, count(*) as jumlah_baris,
        (select min(n.kode_bps) from nama_kunci n where n.kunci = kunci_wilayah(b.nama_wilayah)) as kode_menurut_nama
    from baris b
    where b.kode_wilayah is not null and b.nama_wilayah is not null
    group by all
),

kunci_dinilai as (
    select p.*, s.kode_bps as kode_dikenal, s.nama_wilayah as nama_menurut_kode, m.nama_wilayah as nama_kemendagri,
        k.nama_wilayah as nama_benar, x.kode_kemendagri as kemendagri_benar
    from pasangan p
    left join kode_bps_dikenal s on s.kode_bps = p.kode_wilayah
    left join silang m on m.kemendagri_angka = p.kode_wilayah
    left join kode_bps_dikenal k on k.kode_bps = p.kode_menurut_nama
    left join silang x on x.kode_bps = p.kode_menurut_nama
),

cek_kunci as (
    select d.kode_wilayah, null::integer as tahun, 'Kode wilayah: kunci baris' as tabel,
        'kode_wilayah:kunci:' || d.source_file || ':' || d.kode_wilayah || ':' || d.nama_wilayah as kunci,
        d.kode_menurut_nama as nilai_diharapkan_teks, d.kode_wilayah as nilai_aktual_teks,
        d.kode_dikenal is null or (d.kode_menurut_nama is not null and d.kode_menurut_nama <> d.kode_wilayah) as gagal,
        d.source_file, d.source_sheet, d.source_row, 'kode_bps' as kolom, 'nama_wilayah' as kolom_nama, d.nama_wilayah,
        case
            when d.kode_dikenal is null and d.nama_kemendagri is not null then
                'Baris "' || d.nama_wilayah || '" berkunci kode ' || d.kode_wilayah || ', yang bukan kode BPS; dalam sistem Kemendagri kode itu adalah ' ||
                d.nama_kemendagri || '. Menurut crosswalk, kode BPS ' || coalesce(d.nama_benar, d.nama_wilayah) || ' adalah ' || coalesce(d.kode_menurut_nama, '(tidak dikenal)') || '.'
            when d.kode_dikenal is null then
                'Baris "' || d.nama_wilayah || '" berkunci kode ' || d.kode_wilayah || ', yang tidak dikenal crosswalk kode wilayah (BPS maupun Kemendagri) maupun daftar kode wilayah BPS; angkanya tidak dapat digabungkan ke wilayah mana pun.'
            else
                'Baris "' || d.nama_wilayah || '" berkunci kode ' || d.kode_wilayah || ', yaitu kode BPS ' || d.nama_menurut_kode ||
                coalesce('; kode itu adalah kode Kemendagri ' || d.nama_kemendagri, '') || '. Kode BPS ' || d.nama_benar || ' adalah ' || d.kode_menurut_nama ||
                coalesce(' (Kemendagri ' || d.kemendagri_benar || ')', '') || ': angka baris ini akan tergabung ke wilayah yang salah.'
        end as penjelasan,
        d.jumlah_baris
    from kunci_dinilai d
),

-- a figure stating a region's code in a named system
kode_dinyatakan as (
    select f.kode_wilayah, f.tahun, f.ukuran, u.sistem, f.nama_wilayah, f.nilai, f.source_file, f.source_sheet, f.source_row,
        cast(cast(f.nilai as bigint) as varchar) as kode_teks
    from staging.stg_bps_published_figures f
    join config.ukuran_kode_wilayah u on u.ukuran = f.ukuran
    where f.nilai is not null
),

cek_kode as (
    select k.kode_wilayah, k.tahun, 'Kode wilayah: ' || k.sistem as tabel,
        'kode_wilayah:nilai:' || k.source_file || ':' || k.source_row as kunci,
        case k.sistem when 'bps' then s.kode_bps else s.kemendagri_angka end as nilai_diharapkan_teks, k.kode_teks as nilai_aktual_teks,
        s.kode_bps is null or k.kode_teks is distinct from case k.sistem when 'bps' then s.kode_bps else s.kemendagri_angka end as gagal,
        k.source_file, k.source_sheet, k.source_row, 'nilai' as kolom, null as kolom_nama, k.nama_wilayah,
        'Sumber menyatakan kode ' || case k.sistem when 'bps' then 'BPS' else 'Kemendagri' end || ' ' || k.kode_teks || ' untuk ' ||
            coalesce(s.nama_wilayah, k.nama_wilayah) || '; menurut crosswalk kode ' || case k.sistem when 'bps' then 'BPS' else 'Kemendagri' end ||
            ' wilayah itu adalah ' || coalesce(case k.sistem when 'bps' then s.kode_bps else s.kode_kemendagri end, '(tidak dikenal)') ||
            coalesce(' (' || case k.sistem when 'bps' then 'Kemendagri' else 'BPS' end || ' ' || x.nama_wilayah || ' memakai kode ' || k.kode_teks || ')', '') || '.' as penjelasan,
        1 as jumlah_baris
    from kode_dinyatakan k
    left join silang s on s.kode_bps = k.kode_wilayah
    left join silang x on (case k.sistem when 'bps' then x.kemendagri_angka else x.kode_bps end) = k.kode_teks
        and x.kode_bps is distinct from k.kode_wilayah
),

semua as (
    select * from cek_kunci
    union all
    select * from cek_kode
)

select
    s.kode_wilayah, s.tahun, s.tabel, s.kunci, null as kunci_indikator, null as keluarga,
    cast(s.nilai_diharapkan_teks as decimal(28,6)) as nilai_diharapkan, cast(s.nilai_aktual_teks as decimal(28,6)) as nilai_aktual,
    s.gagal,
    case when coalesce(p.peringkat, 0) >= 5 then 'warning' else 'error' end as keparahan,
    s.penjelasan || case when s.jumlah_baris > 1 then ' (' || s.jumlah_baris || ' baris berkas ini.)' else '' end as penjelasan,
    list_filter([
        anggota_sel('kode', cast(s.nilai_aktual_teks as decimal(28,6)), s.nilai_aktual_teks, s.source_file, s.source_sheet, s.source_row, s.kolom),
        case when s.kolom_nama is not null then anggota_sel('nama_wilayah', null, s.nama_wilayah, s.source_file, s.source_sheet, s.source_row, s.kolom_nama) end
    ], x -> x is not null) as anggota,
    case when s.nilai_diharapkan_teks is not null
         then [kandidat_sel(s.source_file, s.source_sheet, s.source_row, s.kolom, cast(s.nilai_aktual_teks as decimal(28,6)), cast(s.nilai_diharapkan_teks as decimal(28,6)))]
         else tanpa_kandidat() end as kandidat,
    'tertinggal_salah_label' as sebab
from semua s
left join peringkat p using (source_file)
