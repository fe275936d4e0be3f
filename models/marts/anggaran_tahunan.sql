-- Grain: one row per region x program (or the total row) x year of the budget realisation, with the
-- change from the previous calendar year of the same program: pagu and realisasi, absolute and %.
-- No previous year in the warehouse (or a gap) gives no change, never a change against an older year.
-- Inputs: marts.anggaran_realisasi_program.
with program as (
    select * from marts.anggaran_realisasi_program
),

berurut as (
    select
        p.*,
        coalesce(p.kode_program, p.jenis_baris) as kunci_baris,
        lag(p.tahun) over w as tahun_lalu,
        lag(p.pagu) over w as pagu_lalu,
        lag(p.realisasi) over w as realisasi_lalu
    from program p
    window w as (partition by p.kode_wilayah, coalesce(p.kode_program, p.jenis_baris) order by p.tahun)
)

select
    kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, pagu, realisasi, persentase_realisasi,
    case when tahun_lalu = tahun - 1 then pagu_lalu end as pagu_tahun_lalu,
    case when tahun_lalu = tahun - 1 then pagu - pagu_lalu end as selisih_pagu,
    case when tahun_lalu = tahun - 1 and pagu_lalu <> 0 then ((pagu - pagu_lalu) * 100 / pagu_lalu)::decimal(28, 10) end as selisih_pagu_persen,
    case when tahun_lalu = tahun - 1 then realisasi_lalu end as realisasi_tahun_lalu,
    case when tahun_lalu = tahun - 1 then realisasi - realisasi_lalu end as selisih_realisasi,
    case when tahun_lalu = tahun - 1 and realisasi_lalu <> 0
         then ((realisasi - realisasi_lalu) * 100 / realisasi_lalu)::decimal(28, 10) end as selisih_realisasi_persen,
    sumber, source_file
from berurut
