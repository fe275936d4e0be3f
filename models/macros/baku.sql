-- Spelling variants read as their standard word: `daftar` is a list of {teks, baku} pairs (the rows of
-- config.sinonim_kata for one konteks, selected by the calling model so its lineage names the config),
-- applied in order to a matching key (kunci_teks). No pair is a fact of this macro.
create or replace macro baku(s, daftar) as
    coalesce(list_reduce(daftar, lambda acc, p: {'teks': replace(acc.teks, p.teks, p.baku), 'baku': acc.baku}, {'teks': s, 'baku': ''}).teks, s)
