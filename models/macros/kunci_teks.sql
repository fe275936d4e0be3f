-- Matching key for printed labels: the report spells the same indicator with different case,
-- spacing and punctuation ("yang di fasilitasi" / "yang difasilitasi"), so labels are compared
-- on letters and digits only.
create or replace macro kunci_teks(s) as lower(regexp_replace(coalesce(s, ''), '[^A-Za-z0-9]', '', 'g'));

-- Matching key for a region's name: "Kabupaten Kutai Kartanegara", "Kab. Kutai Kartanegara" and
-- "Kutai Kartanegara" are one name; the level word is not part of it.
create or replace macro kunci_wilayah(s) as
    kunci_teks(regexp_replace(coalesce(s, ''), '^\s*(kabupaten|kab\.?|kota|provinsi|prov\.?)\s+', '', 'i'))
