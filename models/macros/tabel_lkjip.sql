-- Number of the LKjIP table a source file transcribes, from its file name (the catalogue names
-- files after the report's tables): tabel_3_2.csv -> 3.2, iku_rpjmd.csv -> IKU RPJMD, other
-- files (narasi.csv) by their own name.
create or replace macro tabel_lkjip(berkas) as case
    when regexp_matches(berkas, '(^|/)tabel_[0-9]+_[0-9]+\.[a-z]+$')
        then replace(regexp_extract(berkas, 'tabel_([0-9]+_[0-9]+)\.[a-z]+$', 1), '_', '.')
    when regexp_matches(berkas, '(^|/)iku_rpjmd\.[a-z]+$') then 'IKU RPJMD'
    else regexp_extract(berkas, '([^/]+)\.[a-z]+$', 1)
end
