-- Matching key for printed labels: the report spells the same indicator with different case,
-- spacing and punctuation ("yang di fasilitasi" / "yang difasilitasi"), so labels are compared
-- on letters and digits only.
create or replace macro kunci_teks(s) as lower(regexp_replace(coalesce(s, ''), '[^A-Za-z0-9]', '', 'g'))
