-- Grain: one row per Renstra target-matrix row (indicator) x year column the matrix prints, with that
-- year's target and the row's final target (Target Akhir Renstra); a file that prints no year column keeps
-- its rows with tahun NULL.
-- Inputs: raw.plans_renstra_target (one column per year, target_<yyyy>), raw.source_columns (the year
-- columns a file prints: its Renstra period).
-- Year columns are matched by the key pattern target_<yyyy>, so a Renstra of another period needs no change
-- here; an empty year column is still a year of the plan (include nulls).
with source as (
    select * from raw.plans_renstra_target
),

teks as (
    select source_file, source_sheet, source_row, kolom, target_teks
    from (select source_file, source_sheet, source_row, columns('^target_[0-9]{4}$') from source)
    unpivot include nulls (target_teks for kolom in (columns('^target_[0-9]{4}$')))
),

nilai as (
    select source_file, source_sheet, source_row, replace(kolom, '_nilai', '') as kolom, target
    from (select source_file, source_sheet, source_row, columns('^target_[0-9]{4}_nilai$') from source)
    unpivot include nulls (target for kolom in (columns('^target_[0-9]{4}_nilai$')))
),

tahun_tercetak as (
    select source_file, source_sheet, kolom, source_column, posisi
    from raw.source_columns
    where raw_table = 'plans_renstra_target' and regexp_full_match(kolom, 'target_[0-9]{4}')
),

sel as (
    select t.source_file, t.source_sheet, t.source_row, t.kolom, c.source_column, c.posisi, t.target_teks, n.target
    from teks t
    join tahun_tercetak c
        on c.source_file = t.source_file and c.source_sheet is not distinct from t.source_sheet and c.kolom = t.kolom
    join nilai n
        on n.source_file = t.source_file and n.source_sheet is not distinct from t.source_sheet
       and n.source_row = t.source_row and n.kolom = t.kolom
)

select
    s.kode_wilayah,
    s.tahun as tahun_dokumen,
    s.indikator,
    s.satuan,
    cast(right(c.kolom, 4) as integer) as tahun,
    c.target,
    c.target_teks,
    c.kolom,
    c.source_column,
    s.target_akhir_nilai as target_akhir_renstra,
    s.target_akhir as target_akhir_renstra_teks,
    s.sumber,
    s.source_file, s.source_sheet, s.source_row, s.source_sha256
from source s
left join sel c
    on c.source_file = s.source_file and c.source_sheet is not distinct from s.source_sheet and c.source_row = s.source_row
order by s.source_file, s.source_row, c.posisi
