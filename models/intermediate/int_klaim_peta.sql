-- Grain: one row per figure the LKjIP states (as intermediate.int_lkjip_klaim), with what it is a claim about:
-- the indicator (kunci_indikator: the IKU code, or 'pkNN' for other Perjanjian Kinerja rows), the measure
-- (target, realisasi, capaian, kriteria, or a table-specific one) and the year it is about.
-- Tabel 2.5 and 3.2 restate the Perjanjian Kinerja row for row (and print one indicator name twice), so
-- they are matched by row order; other tables by indicator name through intermediate.int_alias_indikator; narrative
-- figures by "Indikator Kinerja ke-N" or by the indicator named in the label.
-- Inputs: intermediate.int_lkjip_klaim, intermediate.int_perjanjian_kinerja, intermediate.int_alias_indikator.
with klaim as (
    select * from intermediate.int_lkjip_klaim
),

pk as (
    select * from intermediate.int_perjanjian_kinerja
),

alias as (
    select kunci, kode_iku from intermediate.int_alias_indikator
),

kunci_pk as (
    select kode_wilayah, tahun, urutan, no_pk, coalesce(kode_iku, 'pk' || lpad(urutan::varchar, 2, '0')) as kunci_indikator
    from pk
),

bagian as (
    select
        k.*,
        -- Column keys carry the year they are about as a suffix (target_2023); others are the report's year.
        coalesce(try_cast(regexp_extract(k.kolom, '_(\d{4})$', 1) as integer), k.tahun_laporan) as tahun_klaim,
        regexp_replace(k.kolom, '_\d{4}$', '') as kolom_dasar,
        case when k.tabel = 'narasi' then split_part(k.label_baris, ' | ', 2) end as paragraf,
        case when k.tabel = 'narasi' then split_part(k.label_baris, ' | ', 3) end as ukuran_narasi
    from klaim k
),

ukuran as (
    select
        b.*,
        case
            when b.tabel <> 'narasi' then b.kolom_dasar
            when regexp_matches(lower(b.ukuran_narasi), '^target') then 'target'
            when regexp_matches(lower(b.ukuran_narasi), '^realisasi capaian kinerja') then 'capaian'
            when regexp_matches(lower(b.ukuran_narasi), '^realisasi') then 'realisasi'
            when regexp_matches(lower(b.ukuran_narasi), '^capaian kinerja') then 'capaian'
            when regexp_matches(lower(b.ukuran_narasi), '^kriteria') then 'kriteria'
            else 'lain'
        end as ukuran,
        -- The indicator a narrative label names, once the measure word is removed.
        regexp_replace(
            regexp_replace(lower(coalesce(b.ukuran_narasi, '')), '\s*\(teks:[^)]*\)$', ''),
            '^(target|realisasi capaian kinerja|realisasi capaian|realisasi|capaian kinerja|kriteria capaian kinerja|kriteria penilaian|kriteria|status capaian)\s*(sasaran\s*)?', ''
        ) as indikator_narasi
    from bagian b
),

dipetakan as (
select
    u.kode_wilayah,
    u.tahun_laporan,
    u.tahun_klaim,
    u.tabel,
    u.urutan,
    u.label_baris,
    u.kolom,
    u.judul_kolom,
    u.ukuran,
    coalesce(
        case when u.tabel in ('2.5', '3.2') then kp.kunci_indikator end,
        a.kode_iku,
        kn.kunci_indikator,
        an.kode_iku
    ) as kunci_indikator,
    u.teks,
    u.nilai,
    u.desimal,
    u.persen,
    u.satuan_sel,
    u.source_file, u.source_sheet, u.source_row, u.source_sha256
from ukuran u
left join kunci_pk kp
    on u.tabel in ('2.5', '3.2') and kp.kode_wilayah = u.kode_wilayah and kp.tahun = u.tahun_laporan and kp.urutan = u.urutan
left join alias a
    on u.tabel not in ('2.5', '3.2', 'narasi') and a.kunci = kunci_teks(u.label_baris)
left join (select distinct on (kode_wilayah, tahun, no_pk) * from kunci_pk order by kode_wilayah, tahun, no_pk, urutan) kn
    on u.tabel = 'narasi' and kn.kode_wilayah = u.kode_wilayah and kn.tahun = u.tahun_laporan
   and kn.no_pk = regexp_extract(u.paragraf, 'ke-(\d+)', 1)
left join alias an
    on u.tabel = 'narasi' and an.kunci = kunci_teks(u.indikator_narasi)
)

select
    d.* replace (
        -- "target capaian 100%" for an indicator counted in documents or decrees is the expected
        -- achievement, not the indicator's target value: it is not compared with the PK target.
        case when d.tabel = 'narasi' and d.ukuran = 'target' and d.persen
                  and regexp_matches(lower(split_part(d.label_baris, ' | ', 3)), '^target capaian')
                  and lower(coalesce(p.satuan, '')) not like 'pe%sen%'
             then 'target_capaian' else d.ukuran end as ukuran
    )
from dipetakan d
left join (select distinct on (kode_wilayah, tahun, kunci) * from (
    select kode_wilayah, tahun, coalesce(kode_iku, 'pk' || lpad(urutan::varchar, 2, '0')) as kunci, satuan, urutan from pk
) order by kode_wilayah, tahun, kunci, urutan) p
    on p.kode_wilayah = d.kode_wilayah and p.tahun = d.tahun_laporan and p.kunci = d.kunci_indikator
