-- Grain: one row per region x indicator x year x stated value (every source and vintage the
-- warehouse keeps): the series the notebooks chart and compare across Kaltim regions.
-- A series is one source class (`kelas`: Tabel BPS, dihitung, kutipan, klaim LKjIP) and one
-- definition (`definisi`: Sakernas Februari, Agustus or the annual figure): values of different
-- series are never joined into one line. `utama` marks the one value per (region, indicator, class, year) a
-- line passes through (the trajectory's choice first, then by source name). The year-over-year change
-- is against the same series' value of the previous calendar year only: after a missing year there is
-- no change. Units: the value's own unit where the source states one, else the IKU manual's.
-- Inputs: marts.renstra_indikator (the office's IKU, every vintage), marts.pasar_kerja and
-- marts.pasar_kerja_tkk (TPT, TKK and PDRB per kapita of every Kaltim region and the province),
-- marts.manual_iku, marts.wilayah, config.kelas_sumber, config.satuan_tampil.
with renstra as (
    select * from marts.renstra_indikator where realisasi is not null
),

pasar as (
    select * from marts.pasar_kerja where ukuran in ('tpt', 'pdrb_per_kapita')
),

tkk as (
    select * from marts.pasar_kerja_tkk
),

manual as (
    select kode_iku, any_value(indikator order by kode_wilayah) as nama, any_value(satuan order by kode_wilayah) as satuan,
           any_value(arah order by kode_wilayah) as arah
    from marts.manual_iku group by kode_iku
),

dari_renstra as (
    select kode_wilayah, kunci_indikator as indikator, tahun, realisasi::decimal(28, 10) as nilai,
           coalesce(satuan_realisasi, satuan) as satuan_asal, jenis_sumber, 'tahunan' as definisi, sumber, terpilih,
           array_to_string(list_sort(list_distinct(source_file)), '; ') as source_file, provenance
    from renstra
),

-- The office's own indicators come from the Renstra path; other regions from the labour-market marts.
dilacak as (
    select distinct kode_wilayah, indikator from dari_renstra
),

dari_pasar as (
    select p.kode_wilayah, p.ukuran as indikator, p.tahun, p.nilai::decimal(28, 10) as nilai, p.satuan as satuan_asal,
           p.jenis_sumber, case regexp_extract(coalesce(p.periode, ''), '\d{4}-(\d{2})', 1)
                               when '02' then 'Februari' when '08' then 'Agustus' else 'tahunan' end as definisi, p.sumber || coalesce(' (' || p.periode || ')', '') as sumber, false as terpilih,
           p.source_file, p.source_file || ' baris ' || p.source_row || ' kolom ' || p.source_column as provenance
    from pasar p
    anti join dilacak d on d.kode_wilayah = p.kode_wilayah and d.indikator = p.ukuran
),

dari_tkk as (
    select t.kode_wilayah, 'tkk' as indikator, t.tahun,
           (t.bekerja::decimal(38, 10) * 100 / nullif(t.angkatan_kerja, 0))::decimal(28, 10) as nilai, 'persen' as satuan_asal,
           t.jenis_sumber, case regexp_extract(coalesce(t.periode, ''), '\d{4}-(\d{2})', 1)
                               when '02' then 'Februari' when '08' then 'Agustus' else 'tahunan' end as definisi, t.sumber || coalesce(' (' || t.periode || ')', '') as sumber, false as terpilih,
           t.source_file, t.source_file || ' baris ' || t.source_row || ' (angkatan kerja); '
               || t.source_file_bekerja || ' baris ' || t.source_row_bekerja || ' (bekerja)' as provenance
    from tkk t
    anti join dilacak d on d.kode_wilayah = t.kode_wilayah and d.indikator = 'tkk'
),

semua as (
    select * from dari_renstra
    union all by name select * from dari_pasar
    union all by name select * from dari_tkk
),

berkelas as (
    select
        s.*,
        coalesce(k.kelas, s.jenis_sumber) as kelas,
        coalesce(k.label, s.jenis_sumber) as kelas_label,
        coalesce(k.urutan::integer, 9) as kelas_urutan,
        row_number() over (
            partition by s.kode_wilayah, s.indikator, coalesce(k.kelas, s.jenis_sumber), s.definisi, s.tahun
            order by s.terpilih desc, s.sumber, s.provenance
        ) = 1 as utama
    from semua s
    left join config.kelas_sumber k on k.jenis_sumber = s.jenis_sumber
),

berurut as (
    select
        b.*,
        lag(b.tahun) over w as tahun_lalu,
        lag(b.nilai) over w as nilai_lalu_baris
    from berkelas b
    window w as (partition by b.kode_wilayah, b.indikator, b.kelas, b.definisi, b.utama order by b.tahun)
)

select
    r.kode_wilayah,
    coalesce(w.nama_wilayah, 'Wilayah ' || r.kode_wilayah) as nama_wilayah,
    coalesce(w.tingkat, 'kabupaten/kota') as tingkat_wilayah,
    r.indikator,
    coalesce(m.nama, r.indikator) as nama_indikator,
    coalesce(sti.satuan_tampil, st.satuan_tampil, smi.satuan_tampil, sm.satuan_tampil, r.satuan_asal, m.satuan) as satuan,
    m.arah,
    r.tahun,
    r.nilai,
    r.kelas,
    r.kelas_label,
    r.kelas_urutan,
    r.definisi,
    r.kelas_label || case when r.definisi = 'tahunan' then '' else ' · ' || r.definisi end as seri,
    r.sumber,
    r.utama,
    case when r.utama and r.tahun_lalu = r.tahun - 1 then r.nilai_lalu_baris end as nilai_tahun_lalu,
    case when r.utama and r.tahun_lalu = r.tahun - 1 then r.nilai - r.nilai_lalu_baris end as selisih,
    case when r.utama and r.tahun_lalu = r.tahun - 1 and r.nilai_lalu_baris <> 0
         then ((r.nilai - r.nilai_lalu_baris) * 100 / r.nilai_lalu_baris)::decimal(28, 10) end as selisih_persen,
    r.source_file,
    r.provenance
from berurut r
left join marts.wilayah w on w.kode_wilayah = r.kode_wilayah
left join manual m on m.kode_iku = r.indikator
left join config.satuan_tampil sti on sti.indikator = r.indikator and sti.satuan = r.satuan_asal
left join config.satuan_tampil st on st.indikator is null and st.satuan = r.satuan_asal
left join config.satuan_tampil smi on smi.indikator = r.indikator and smi.satuan = m.satuan and r.satuan_asal is null
left join config.satuan_tampil sm on sm.indikator is null and sm.satuan = m.satuan
