-- Source cells that could not be read whole: broken (###) cells, malformed or missing kode rekening,
-- codes printed in another column (warnings), and cells outside their column's declared domain
-- (negative or fractional counts, scale words, out-of-range rates: errors, loaded as empty).
select
    kode_wilayah, tahun, source_file as tabel,
    'sel:' || source_file || ':' || source_row || ':' || kolom || ':' || jenis as kunci,
    null as kunci_indikator, null as keluarga,
    null::decimal(28,6) as nilai_diharapkan, null::decimal(28,6) as nilai_aktual,
    jenis in ('broken', 'kode_tidak_valid', 'kode_di_kolom_no', 'di_luar_domain') as gagal,
    case when jenis = 'di_luar_domain' then 'error' else 'warning' end as keparahan,
    -- the row is named by the reconciliation step (document and row label), never by a line number
    'sel kolom ' || source_column || ' ("' || coalesce(teks, '') || '"): ' || keterangan || '.' as penjelasan,
    [anggota_sel(jenis, null, teks, source_file, source_sheet, source_row, kolom)] as anggota,
    tanpa_kandidat() as kandidat
from raw.cell_flags
where jenis in ('broken', 'kode_tidak_valid', 'kode_di_kolom_no', 'di_luar_domain')
