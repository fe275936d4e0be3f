-- Allocation per sasaran (Tabel 2.8, after change) against the sum of the programs that the
-- realisation table maps to that sasaran. Sasaran are matched by name similarity: the report words the
-- same sasaran slightly differently in each table.
with alokasi as (
    select * from staging.stg_budget_alokasi_sasaran where sesudah is not null
),

program as (
    select * from intermediate.int_anggaran_sasaran
),

cocok as (
    select a.*, p.pagu as pagu_program, p.jumlah_program, p.sasaran as sasaran_program,
           row_number() over (partition by a.source_file, a.source_row
                              order by jaro_winkler_similarity(lower(a.sasaran), lower(p.sasaran)) desc) as rn,
           jaro_winkler_similarity(lower(a.sasaran), lower(p.sasaran)) as kemiripan
    from alokasi a
    join program p on p.kode_wilayah = a.kode_wilayah and p.tahun = a.tahun
)

select
    kode_wilayah, tahun, source_file as tabel,
    'alokasi_sasaran:' || source_file || ':' || source_row as kunci,
    null as kunci_indikator, null as keluarga,
    pagu_program as nilai_diharapkan, sesudah as nilai_aktual,
    sesudah is distinct from pagu_program as gagal,
    'warning' as keparahan,
    'Sasaran "' || sasaran || '": alokasi sesudah perubahan ' || angka_id(sesudah::varchar) || ', sedangkan ' || jumlah_program ||
        ' program yang dipetakan ke sasaran ini di tabel realisasi program berjumlah ' || angka_id(pagu_program::varchar) ||
        ': program dipetakan ke sasaran yang berbeda di tabel yang berbeda.' as penjelasan,
    [anggota_sel('alokasi_sasaran', sesudah, null, source_file, source_sheet, source_row, 'sesudah'),
     anggota_sel('jumlah_program', pagu_program, null, null, null, null, null)] as anggota,
    tanpa_kandidat() as kandidat
from cocok
where rn = 1 and kemiripan >= 0.85
