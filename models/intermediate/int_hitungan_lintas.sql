-- Grain: one row per statement of a count of persons or cases (staff, disputes, workers involved) that a
-- table gives as the sum of its breakdown over one dimension (golongan, eselon, sex, education, sector,
-- dispute type, kecamatan), or as the volume of a budget line counted in persons (a payroll line's
-- "Orang/Bulan", config.volume_orang), with the cells it adds up (`bagian`). Directly printed figures of
-- the same counts are the members of intermediate.int_keluarga_angka; the check identitas_hitungan
-- compares the two across tables.
-- Inputs: staging.stg_plans_pegawai_pendidikan, staging.stg_plans_pegawai_golongan,
-- staging.stg_plans_pegawai_eselon, staging.stg_hi_per_sektor, staging.stg_hi_per_kecamatan,
-- staging.stg_budget_lampiran_c, config.volume_orang.
with pendidikan as (
    select * from staging.stg_plans_pegawai_pendidikan
),

golongan as (
    select * from staging.stg_plans_pegawai_golongan
),

eselon as (
    select * from staging.stg_plans_pegawai_eselon
),

-- One row per cell a statement adds up. A staff table's columns by golongan count civil servants (PNS).
sel as (
    select kode_wilayah, tahun, 'pegawai_pns' as ukuran, '' as subjek, 'golongan x pendidikan' as dimensi,
        source_file, source_sheet, source_row, g.kolom, g.nilai
    from pendidikan, lateral (select * from (values ('pns_iv', pns_iv), ('pns_iii', pns_iii), ('pns_ii', pns_ii), ('pns_i', pns_i)) v(kolom, nilai)) g
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'golongan ' || upper(replace(g.kolom, 'pns_', '')), 'pendidikan',
        source_file, source_sheet, source_row, g.kolom, g.nilai
    from pendidikan, lateral (select * from (values ('pns_iv', pns_iv), ('pns_iii', pns_iii), ('pns_ii', pns_ii), ('pns_i', pns_i)) v(kolom, nilai)) g
    union all
    select kode_wilayah, tahun, 'pegawai_non_pns', '', 'pendidikan', source_file, source_sheet, source_row, 'non_asn', non_asn from pendidikan
    union all
    select kode_wilayah, tahun, 'pegawai_total', '', 'pendidikan', source_file, source_sheet, source_row, 'jumlah', jumlah from pendidikan
    union all
    select kode_wilayah, tahun, 'pegawai_pns', '', 'golongan', source_file, source_sheet, source_row, 'jumlah', jumlah from golongan
    union all
    select kode_wilayah, tahun, 'pegawai_pns', '', 'jenis kelamin', source_file, source_sheet, source_row, k.kolom, k.nilai
    from golongan, lateral (select * from (values ('laki_laki', laki_laki), ('perempuan', perempuan)) v(kolom, nilai)) k
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'golongan ' || upper(trim(golongan)), 'jenis kelamin', source_file, source_sheet, source_row, 'jumlah', jumlah
    from golongan
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'jenis kelamin L', 'golongan', source_file, source_sheet, source_row, 'laki_laki', laki_laki from golongan
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'jenis kelamin P', 'golongan', source_file, source_sheet, source_row, 'perempuan', perempuan from golongan
    union all
    select kode_wilayah, tahun, 'pegawai_pns', '', 'eselon', source_file, source_sheet, source_row, 'jumlah', jumlah from eselon
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'jenis kelamin L', 'eselon', source_file, source_sheet, source_row, 'laki_laki', laki_laki from eselon
    union all
    select kode_wilayah, tahun, 'pegawai_pns', 'jenis kelamin P', 'eselon', source_file, source_sheet, source_row, 'perempuan', perempuan from eselon
    -- The dispute sheets: the same cases and workers, by sector, by dispute type and by kecamatan.
    union all
    select kode_wilayah, tahun, 'kasus_hi_terselesaikan', '', 'sektor', source_file, source_sheet, source_row, 'kasus_sektor', kasus_sektor
    from staging.stg_hi_per_sektor
    union all
    select kode_wilayah, tahun, 'kasus_hi_terselesaikan', '', 'jenis perselisihan', source_file, source_sheet, source_row, k.kolom, k.nilai
    from staging.stg_hi_per_sektor,
        lateral (select * from (values ('hak_kasus', hak_kasus), ('phk_kasus', phk_kasus), ('kepentingan_kasus', kepentingan_kasus), ('antar_sp_kasus', antar_sp_kasus)) v(kolom, nilai)) k
    union all
    select kode_wilayah, tahun, 'tk_hi', '', 'jenis perselisihan', source_file, source_sheet, source_row, k.kolom, k.nilai
    from staging.stg_hi_per_sektor,
        lateral (select * from (values ('hak_tk', hak_tk), ('phk_tk', phk_tk), ('kepentingan_tk', kepentingan_tk), ('antar_sp_tk', antar_sp_tk)) v(kolom, nilai)) k
    union all
    select kode_wilayah, tahun, 'tk_hi', '', 'kecamatan', source_file, source_sheet, source_row, 'karyawan', karyawan
    from staging.stg_hi_per_kecamatan
),

dari_tabel as (
    select kode_wilayah, tahun, ukuran, subjek, dimensi, sum(coalesce(nilai, 0)) as nilai, source_file,
        null::varchar as satuan_tercetak, null::varchar as keterangan,
        list(struct_pack(source_file := source_file, source_sheet := source_sheet, source_row := source_row, kolom := kolom, nilai := nilai)
             ORDER BY source_row, kolom) filter (where nilai is not null) as bagian
    from sel
    group by all
),

-- A budget line counted in persons states how many persons it pays for (config.volume_orang).
dari_volume as (
    select l.kode_wilayah, l.tahun, v.ukuran, '' as subjek, 'volume anggaran' as dimensi, coalesce(l.capaian, l.target) as nilai, l.source_file,
        coalesce(l.capaian_satuan, l.target_satuan) as satuan_tercetak, v.keterangan,
        [struct_pack(source_file := l.source_file, source_sheet := l.source_sheet, source_row := l.source_row,
                     kolom := case when l.capaian is not null then 'capaian' else 'target' end, nilai := coalesce(l.capaian, l.target))] as bagian
    from staging.stg_budget_lampiran_c l
    join config.volume_orang v
        on regexp_matches(lower(l.uraian), v.pola_uraian)
        and regexp_matches(lower(coalesce(l.capaian_satuan, l.target_satuan, '')), v.pola_satuan)
    where coalesce(l.capaian, l.target) is not null
)

select * from dari_tabel where len(bagian) > 0
union all by name
select * from dari_volume
