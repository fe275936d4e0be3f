-- Lampiran C tree: each printed program and kegiatan figure equals the sum of its direct children.
-- Two-decimal columns (bobot, tertimbang) may differ by half a unit per child: that is rounding.
-- Members, fix candidates and explanations only for failing nodes (a national build has millions of
-- passing ones); the cells every node looked at are coverage in checks/sel/pohon_anggaran.sql.
with pohon as (
    select * from intermediate.int_anggaran_pohon where tingkat in ('program', 'kegiatan')
),

ukuran as (
    select p.*, u.kolom, u.desimal,
        case u.kolom when 'pagu' then pagu when 'realisasi' then realisasi when 'sisa' then sisa when 'bobot' then bobot
                     when 'tertimbang_fisik' then tertimbang_fisik else tertimbang_keu end as tercetak,
        case u.kolom when 'pagu' then anak_pagu when 'realisasi' then anak_realisasi when 'sisa' then anak_sisa when 'bobot' then anak_bobot
                     when 'tertimbang_fisik' then anak_tertimbang_fisik else anak_tertimbang_keu end as jumlah_bagian
    from pohon p
    cross join (values ('pagu', 0), ('realisasi', 0), ('sisa', 0), ('bobot', 2), ('tertimbang_fisik', 2), ('tertimbang_keu', 2)) u(kolom, desimal)
),

anak as (
    select u.source_file, u.source_row, u.kolom,
        list(anggota_sel('anak', case u.kolom when 'pagu' then l.pagu when 'realisasi' then l.realisasi when 'sisa' then l.sisa
                                               when 'bobot' then l.bobot when 'tertimbang_fisik' then l.tertimbang_fisik else l.tertimbang_keu end,
                         null, l.source_file, l.source_sheet, l.source_row, u.kolom) order by l.source_row) as anggota_anak
    -- Unnested so the join is on (file, row) and hashed; list_contains in a join condition is a
    -- nested loop over every row of the file.
    from (select *, unnest(anak_source_rows) as anak_source_row from ukuran where tercetak is distinct from jumlah_bagian) u
    join staging.stg_budget_lampiran_c l on l.source_file = u.source_file and l.source_row = u.anak_source_row
    group by all
),

kolom_tercetak as (
    select source_file, kolom, any_value(source_column) as source_column from raw.source_columns group by all
)

select
    u.kode_wilayah, u.tahun, u.source_file as tabel,
    'pohon:' || u.source_file || ':' || u.source_row || ':' || u.kolom as kunci,
    null as kunci_indikator, null as keluarga,
    u.jumlah_bagian as nilai_diharapkan, u.tercetak as nilai_aktual,
    u.tercetak is distinct from u.jumlah_bagian as gagal,
    case when u.desimal > 0 and abs(u.tercetak - u.jumlah_bagian) <= u.jumlah_anak_n * 0.005 then 'rounding' else 'error' end as keparahan,
    case when u.tercetak is distinct from u.jumlah_bagian then
        case u.tingkat when 'program' then 'Program ' else 'Kegiatan ' end || coalesce(u.kode, '(tanpa kode)') || ' "' || u.uraian || '": ' ||
        -- the column as the sheet prints it
        coalesce(sc.source_column, u.kolom) || ' tercetak ' ||
        angka_id(u.tercetak::varchar) || ', jumlah ' || u.jumlah_anak_n || ' baris di bawahnya ' || angka_id(u.jumlah_bagian::varchar) || '.' end as penjelasan,
    case when u.tercetak is distinct from u.jumlah_bagian then
        list_concat([anggota_sel('induk', u.tercetak, null, u.source_file, null, u.source_row, u.kolom)], coalesce(a.anggota_anak, [])) else [] end as anggota,
    case when u.tercetak is distinct from u.jumlah_bagian then list_concat(
        [kandidat_sel(u.source_file, null, u.source_row, u.kolom, u.tercetak, u.jumlah_bagian)],
        list_transform(coalesce(a.anggota_anak, []), lambda x: kandidat_sel(x.source_file, x.source_sheet, x.source_row, x.kolom, x.nilai, x.nilai + (u.tercetak - u.jumlah_bagian)))
    ) else [] end as kandidat
from (select *, len(anak_source_rows) as jumlah_anak_n from ukuran) u
left join anak a using (source_file, source_row, kolom)
left join kolom_tercetak sc on sc.source_file = u.source_file and sc.kolom = u.kolom
where u.tercetak is not null or u.jumlah_bagian is not null
