/** Ringkasan (index.html): the IKU of a region and year, coloured by band, and the open findings (notebooks/ringkasan-view.ts). */
import { TAMPILAN_RINGKASAN } from "./ringkasan-view.js";
import { arrowDari, definePage, paragraf, pilihWilayah, widgetTampilan } from "./site.js";
import { namaKonfig } from "./tampilan-site.js";

export default definePage({
  menu: "Ringkasan",
  queries: {
    // The IKU (codes of the IKU manual) in every year of marts.capaian_indikator, with the same
    // indicator's realisasi of the year before (no row that year: no change).
    iku: {
      sql: `
        with manual as (select distinct kode_wilayah, kode_iku from marts.manual_iku)
        select c.kode_wilayah, c.tahun, c.kunci_indikator, c.urutan_pk, c.indikator, c.satuan, c.arah,
               c.target, c.target_teks, c.realisasi, c.sumber_realisasi, c.capaian, c.capaian_tampil,
               c.kriteria, c.warna_kriteria, c.target_source_file, c.target_source_row, c.realisasi_klaim_source_file, c.realisasi_klaim_source_row,
               p.realisasi as realisasi_lalu,
               c.realisasi - p.realisasi as selisih,
               case when p.realisasi <> 0 then ((c.realisasi - p.realisasi) * 100 / p.realisasi)::decimal(28, 10) end as selisih_persen
        from marts.capaian_indikator c
        join manual m on m.kode_wilayah = c.kode_wilayah and m.kode_iku = c.kunci_indikator
        left join marts.capaian_indikator p
          on p.kode_wilayah = c.kode_wilayah and p.kunci_indikator = c.kunci_indikator and p.tahun = c.tahun - 1
        order by c.kode_wilayah, c.tahun, c.urutan_pk nulls last, c.kunci_indikator`,
    },
    // Other Perjanjian Kinerja rows of each year, counted by band (context for the IKU).
    pkLain: {
      sql: `
        with manual as (select distinct kode_wilayah, kode_iku from marts.manual_iku)
        select c.kode_wilayah, c.tahun, coalesce(c.kriteria, 'tidak dapat dinilai') as kriteria, count(*)::integer as n
        from marts.capaian_indikator c
        where c.kunci_indikator not in (select kode_iku from manual m where m.kode_wilayah = c.kode_wilayah)
        group by all order by all`,
    },
    skala: { sql: `select kriteria, batas_bawah, warna from marts.skala_kinerja` },
    // The reconciliation's counts, computed once by the check step (recon.ringkasan); absent until it has run.
    temuan: {
      sql: `select kode_wilayah, keparahan, jumlah_masalah::integer as n, jumlah_temuan::integer as jumlah_temuan
            from recon.ringkasan where lingkup = 'kerja' and status = 'terbuka' and keparahan <> 'semua' order by all`,
      // error_warning is the headline row (error and warning together): read, never summed here.
      requires: ["recon.ringkasan"],
    },
  },

  berkas(data) {
    return {
      ringkasan_iku: arrowDari(data.iku ?? []),
      ringkasan_pk: arrowDari(data.pkLain ?? []),
      ringkasan_skala: arrowDari(data.skala ?? []),
      ...(data.temuan ? { ringkasan_temuan: arrowDari(data.temuan) } : {}),
    };
  },

  pages(data, site) {
    const { utama } = pilihWilayah(data.iku, site);
    const konfig = { ...namaKonfig(data.iku ?? [], site), utama };
    const tampil = { iku: data.iku ?? [], pkLain: data.pkLain ?? [], skala: data.skala ?? [], ...(data.temuan ? { temuan: data.temuan } : {}) };
    const files: Record<string, string> = { iku: "data/ringkasan_iku.arrow", pkLain: "data/ringkasan_pk.arrow", skala: "data/ringkasan_skala.arrow" };
    if (data.temuan) files.temuan = "data/ringkasan_temuan.arrow";
    return [
      {
        file: "index.html",
        title: `Ringkasan kinerja · ${site.namaWilayah(utama)}`,
        build(doc, main) {
          main.appendChild(
            paragraf(
              doc,
              "Indikator Kinerja Utama (IKU): target, realisasi yang dihitung ulang dari sumber, perubahan dari tahun sebelumnya, ",
              "capaian dan kriteria Permendagri 86/2017. Pilih wilayah, tahun, atau satu IKU untuk melihatnya dari tahun ke tahun.",
            ),
          );
          main.appendChild(widgetTampilan(doc, "ringkasan", TAMPILAN_RINGKASAN, tampil, files, konfig));
        },
      },
    ];
  },
});
