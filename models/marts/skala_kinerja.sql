-- Grain: one row per Permendagri 86/2017 performance criterion: lower bound of capaian and its colour.
-- Inputs: config.skala_kinerja.
with skala as (
    select * from config.skala_kinerja
)

select kriteria, batas_bawah, kode_warna, warna from skala
