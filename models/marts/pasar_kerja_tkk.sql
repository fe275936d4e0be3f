-- Grain: one row per region x year x source x period where one source states both bekerja and
-- angkatan kerja: TKK = bekerja / angkatan kerja x 100 (IKU manual). Pairs from different sources are
-- never combined: that would make a figure nobody published.
-- Inputs: intermediate.int_pasar_kerja.
with ak as (
    select * from intermediate.int_pasar_kerja where ukuran = 'angkatan_kerja'
),

bk as (
    select * from intermediate.int_pasar_kerja where ukuran = 'bekerja'
)

select distinct
    ak.kode_wilayah, ak.tahun, ak.jenis_sumber, ak.sumber, ak.periode, ak.url_sumber,
    bk.nilai as bekerja, ak.nilai as angkatan_kerja,
    ak.source_file, ak.source_row, bk.source_file as source_file_bekerja, bk.source_row as source_row_bekerja
from ak
join bk
  on bk.kode_wilayah = ak.kode_wilayah and bk.tahun = ak.tahun and bk.jenis_sumber = ak.jenis_sumber
 and coalesce(bk.url_sumber, '') = coalesce(ak.url_sumber, '') and coalesce(bk.periode, '') = coalesce(ak.periode, '')
