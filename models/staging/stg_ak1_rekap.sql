-- Grain: one row per AK-I recap file x education level (data rows only; printed totals are in raw.stated_totals).
-- Inputs: raw.ak1_rekap, raw.source_files (to skip copies such as the XLSX twin of a CSV), config.sinonim_pendidikan.
with source as (
    select r.*
    from raw.ak1_rekap r
    join raw.source_files f using (source_file)
    where f.salinan_dari is null
),

renamed as (
    select
        kode_wilayah,
        tahun,
        coalesce(s.pendidikan, trim(source.pendidikan)) as pendidikan,
        cast(s.urutan as integer) as urutan_pendidikan,
        trim(source.pendidikan) as pendidikan_tercetak,
        sisa_lalu_l, sisa_lalu_w,
        terdaftar_l, terdaftar_w,
        penempatan_l, penempatan_w,
        penghapusan_l, penghapusan_w,
        sisa_akhir_l, sisa_akhir_w,
        source_file, source_sheet, source_row, source_sha256
    from source
    left join config.sinonim_pendidikan s on upper(trim(source.pendidikan)) = upper(s.teks)
)

select * from renamed
