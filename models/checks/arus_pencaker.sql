-- AK-I stock-flow identity, per education row and sex, and on the printed Jumlah row:
-- sisa tahun lalu + terdaftar - penempatan - penghapusan = sisa akhir.
with baris as (
    select kode_wilayah, tahun, source_file, null::varchar as source_sheet, source_row, jenis_kelamin, pendidikan as label,
           sisa_lalu, terdaftar, penempatan, penghapusan, sisa_akhir, 'data' as asal
    from intermediate.int_ak1_arus_pencaker
),

jumlah_tercetak as (
    -- The printed Jumlah row (one total per sex column), as loaded into raw.stated_totals.
    select kode_wilayah, tahun, source_file, source_sheet, source_row, upper(right(kolom, 1)) as jenis_kelamin, label,
        max(nilai) filter (where kolom like 'sisa_lalu_%') as sisa_lalu,
        max(nilai) filter (where kolom like 'terdaftar_%') as terdaftar,
        max(nilai) filter (where kolom like 'penempatan_%') as penempatan,
        max(nilai) filter (where kolom like 'penghapusan_%') as penghapusan,
        max(nilai) filter (where kolom like 'sisa_akhir_%') as sisa_akhir,
        'total' as asal
    from raw.stated_totals
    where layout = 'ak1.rekap' and lingkup = 'kolom' and len(kolom_bagian) = 1
    group by all
),

semua as (
    select *, sisa_lalu + terdaftar - penempatan - penghapusan as dihitung from baris
    union all
    select *, sisa_lalu + terdaftar - penempatan - penghapusan from jumlah_tercetak
)

select
    kode_wilayah, tahun, source_file as tabel,
    'arus:' || source_file || ':' || source_row || ':' || jenis_kelamin as kunci,
    null as kunci_indikator, null as keluarga,
    dihitung as nilai_diharapkan, sisa_akhir as nilai_aktual,
    sisa_akhir is distinct from dihitung as gagal,
    'error' as keparahan,
    'Baris "' || label || '" (' || jenis_kelamin || '): sisa akhir tercetak ' || angka_id(sisa_akhir::varchar) ||
        ', padahal sisa tahun lalu ' || angka_id(sisa_lalu::varchar) || ' + terdaftar ' || angka_id(terdaftar::varchar) ||
        ' - penempatan ' || angka_id(penempatan::varchar) || ' - penghapusan ' || angka_id(penghapusan::varchar) ||
        ' = ' || angka_id(dihitung::varchar) || '.' as penjelasan,
    [
        anggota_sel('sisa_lalu', sisa_lalu, null, source_file, source_sheet, source_row, 'sisa_lalu_' || lower(jenis_kelamin)),
        anggota_sel('terdaftar', terdaftar, null, source_file, source_sheet, source_row, 'terdaftar_' || lower(jenis_kelamin)),
        anggota_sel('penempatan', penempatan, null, source_file, source_sheet, source_row, 'penempatan_' || lower(jenis_kelamin)),
        anggota_sel('penghapusan', penghapusan, null, source_file, source_sheet, source_row, 'penghapusan_' || lower(jenis_kelamin)),
        anggota_sel('sisa_akhir', sisa_akhir, null, source_file, source_sheet, source_row, 'sisa_akhir_' || lower(jenis_kelamin))
    ] as anggota,
    [
        kandidat_sel(source_file, source_sheet, source_row, 'sisa_akhir_' || lower(jenis_kelamin), sisa_akhir, dihitung),
        kandidat_sel(source_file, source_sheet, source_row, 'sisa_lalu_' || lower(jenis_kelamin), sisa_lalu, sisa_lalu + (sisa_akhir - dihitung)),
        kandidat_sel(source_file, source_sheet, source_row, 'terdaftar_' || lower(jenis_kelamin), terdaftar, terdaftar + (sisa_akhir - dihitung)),
        kandidat_sel(source_file, source_sheet, source_row, 'penempatan_' || lower(jenis_kelamin), penempatan, penempatan - (sisa_akhir - dihitung)),
        kandidat_sel(source_file, source_sheet, source_row, 'penghapusan_' || lower(jenis_kelamin), penghapusan, penghapusan - (sisa_akhir - dihitung))
    ] as kandidat
from semua
