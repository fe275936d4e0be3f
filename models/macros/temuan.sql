-- Builders for the reconciliation's conflict members and single-cell fix candidates, so every check
-- returns exactly the same types (see pipelines/reconcile/evaluated.ts).
create or replace macro anggota_sel(peran, nilai, teks, f, sh, r, k) as
    struct_pack(peran := peran::varchar, nilai := cast(nilai as decimal(28,6)), teks := teks::varchar,
                source_file := f::varchar, source_sheet := sh::varchar, source_row := r::integer, kolom := k::varchar);
create or replace macro kandidat_sel(f, sh, r, k, sekarang, pemulih) as
    struct_pack(source_file := f::varchar, source_sheet := sh::varchar, source_row := r::integer, kolom := k::varchar,
                nilai_sekarang := cast(sekarang as decimal(28,6)), nilai_pemulih := cast(pemulih as decimal(28,6)));
create or replace macro tanpa_kandidat() as
    []::struct(source_file varchar, source_sheet varchar, source_row integer, kolom varchar, nilai_sekarang decimal(28,6), nilai_pemulih decimal(28,6))[];
