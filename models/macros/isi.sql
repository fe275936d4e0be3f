-- Forward fill of a merged cell: the sources keep a vertically merged label (Sasaran, No, Program)
-- only in its first row, as printed; `isi` gives every row the last non-empty value at or above
-- it in the same file and sheet (and, with `blok`, the same block: an indikator never leaks into
-- the next sasaran). The one place this rule lives; staging models call it as
--   isi(sasaran, source_file, source_sheet, source_row) as sasaran
create or replace macro isi(kolom, berkas, sheet, baris, blok := null) as
    last_value(kolom ignore nulls) over (
        partition by berkas, sheet, blok order by baris rows between unbounded preceding and current row
    )
