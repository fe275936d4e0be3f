-- A budget program should serve one IKU: a finding wherever the tables of one region and year map the
-- same program (by code) to different IKU/sasaran.
with pemetaan as (
    select * from intermediate.int_kaskade_program where kode_program is not null and kode_iku is not null
),

per_program as (
    select
        kode_wilayah, tahun, kode_program,
        count(distinct kode_iku) as n_iku,
        string_agg(distinct kode_iku || ' (' || tabel || ')', '; ' order by kode_iku || ' (' || tabel || ')') as daftar,
        list(anggota_sel(tabel, null, sasaran_tercetak, source_file, null, source_row, 'sasaran') order by source_file, source_row, tabel, sasaran_tercetak) as anggota
    from pemetaan
    group by all
)

select
    kode_wilayah, tahun, 'Pemetaan program ke sasaran' as tabel,
    'pemetaan:' || kode_wilayah || ':' || tahun || ':' || kode_program as kunci,
    null as kunci_indikator, null as keluarga,
    null::decimal(28,6) as nilai_diharapkan, null::decimal(28,6) as nilai_aktual,
    n_iku > 1 as gagal,
    'warning' as keparahan,
    'Program ' || kode_program || ' dipetakan ke ' || n_iku || ' sasaran/IKU berbeda di tabel yang berbeda: ' || daftar || '.' as penjelasan,
    anggota,
    tanpa_kandidat() as kandidat
from per_program
