-- Grain: one row per region x year: job seekers trained, from the Lampiran C sub-kegiatan achievements
-- of the kegiatan that config.kegiatan_iku names for the certification IKU.
-- Inputs: staging.stg_budget_lampiran_c, config.kegiatan_iku.
with lampiran_c as (
    select * from staging.stg_budget_lampiran_c
),

kegiatan as (
    select * from config.kegiatan_iku where ukuran = 'peserta'
)

select
    l.kode_wilayah,
    l.tahun,
    k.kode_iku,
    sum(l.capaian) as peserta,
    string_agg(l.source_file || ' baris ' || l.source_row, '; ' order by l.source_row) as source_file
from lampiran_c l
join kegiatan k on l.kode_induk = k.kode_kegiatan
where l.tingkat = 'sub_kegiatan' and lower(l.capaian_satuan) = 'orang'
group by all
