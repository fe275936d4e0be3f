-- Coverage of checks/pohon_anggaran.sql: every printed program and kegiatan figure it compared, and
-- every child cell summed into it, one row per cell (the check lists members only for failing nodes).
with pohon as (
    select * from intermediate.int_anggaran_pohon where tingkat in ('program', 'kegiatan')
),

ukuran as (
    select p.*, u.kolom,
        case u.kolom when 'pagu' then pagu when 'realisasi' then realisasi when 'sisa' then sisa when 'bobot' then bobot
                     when 'tertimbang_fisik' then tertimbang_fisik else tertimbang_keu end as tercetak,
        case u.kolom when 'pagu' then anak_pagu when 'realisasi' then anak_realisasi when 'sisa' then anak_sisa when 'bobot' then anak_bobot
                     when 'tertimbang_fisik' then anak_tertimbang_fisik else anak_tertimbang_keu end as jumlah_bagian
    from pohon p
    cross join (values ('pagu'), ('realisasi'), ('sisa'), ('bobot'), ('tertimbang_fisik'), ('tertimbang_keu')) u(kolom)
),

diperiksa as (
    select * from ukuran where tercetak is not null or jumlah_bagian is not null
)

select source_file, source_row, kolom, tercetak as nilai from diperiksa
union all
select l.source_file, l.source_row, u.kolom,
    case u.kolom when 'pagu' then l.pagu when 'realisasi' then l.realisasi when 'sisa' then l.sisa
                 when 'bobot' then l.bobot when 'tertimbang_fisik' then l.tertimbang_fisik else l.tertimbang_keu end as nilai
from (select source_file, kolom, unnest(anak_source_rows) as anak_source_row from diperiksa) u
join staging.stg_budget_lampiran_c l on l.source_file = u.source_file and l.source_row = u.anak_source_row
