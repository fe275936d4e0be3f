-- Grain: one row per figure family (measure x region x year x period x subject): how many places state
-- it, the distinct values, and the value that stands: the analyst's resolution when one is recorded,
-- otherwise the value most official statements give (marked as not yet decided); and the variants of the
-- measure (a proposal, a sectoral figure, one flagged "as stated"), each with its note, never a member.
-- Inputs: intermediate.int_keluarga_angka, intermediate.int_resolusi, intermediate.int_varian_ukuran.
with anggota as (
    select * from intermediate.int_keluarga_angka
),

-- id: the family key the resolution decides (it may have been recorded as a masalah or finding id)
resolusi as (
    select * exclude (id, keluarga), keluarga as id from intermediate.int_resolusi where keluarga is not null
),

per_nilai as (
    select keluarga, nilai, count(*) as n, count(*) filter (where jenis_sumber <> 'kutipan') as n_resmi
    from anggota where nilai is not null group by all
),

bawaan as (
    select distinct on (keluarga) keluarga, nilai as nilai_bawaan
    from per_nilai order by keluarga, n_resmi desc, n desc, nilai
),

varian as (
    select keluarga, list(struct_pack(varian := varian, label := label, nilai := nilai, catatan := catatan, sumber := sumber,
                                      source_file := source_file, source_row := source_row) order by source_file, source_row) as varian
    from intermediate.int_varian_ukuran group by keluarga
),

ringkas as (
    select keluarga, min(ukuran) as ukuran, min(kode_wilayah) as kode_wilayah, min(tahun) as tahun, min(periode) as periode,
           min(subjek) as subjek, count(*) as jumlah_pernyataan, count(distinct coalesce(nilai::varchar, lower(teks))) as jumlah_nilai_berbeda,
           list(distinct sumber order by sumber) as sumber
    from anggota group by keluarga
)

select
    r.*,
    coalesce(x.nilai_berlaku, b.nilai_bawaan) as nilai_berlaku,
    case when x.id is not null then 'resolusi' when r.jumlah_nilai_berbeda > 1 then 'bawaan (belum diputuskan)' else 'sepakat' end as dasar_nilai,
    x.alasan as resolusi_alasan, x.oleh as resolusi_oleh, x.tanggal as resolusi_tanggal,
    v.varian
from ringkas r
left join bawaan b using (keluarga)
left join resolusi x on x.id = r.keluarga
left join varian v on v.keluarga = r.keluarga
