/** Anggaran: pagu, realisasi and their change per program and year (notebooks/anggaran-view.ts). */
import { TAMPILAN_ANGGARAN } from "./anggaran-view.js";
import { arrowDari, definePage, paragraf, pilihWilayah, widgetTampilan } from "./site.js";
import { namaKonfig } from "./tampilan-site.js";

const DATA = ["realisasi", "perubahan", "efisiensi", "tahunan", "lampiranC"] as const;

export default definePage({
  menu: "Anggaran",
  queries: {
    realisasi: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, pagu, realisasi, sisa,
                   persentase_realisasi, sumber, source_file, source_row
            from marts.anggaran_realisasi_program order by kode_wilayah, tahun, urutan`,
    },
    perubahan: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, sebelum, sesudah, bertambah_berkurang,
                   sebelum_lampiran_c, sesudah_lampiran_c, bertambah_berkurang_lampiran_c, anggaran_lampiran_b,
                   selisih_bertambah_berkurang, persentase_perubahan_lampiran_c, source_file, source_row
            from marts.anggaran_perubahan order by kode_wilayah, tahun, urutan`,
    },
    efisiensi: {
      sql: `select kode_wilayah, tahun, urutan, kode_iku, indikator, kode_program, program, capaian_kinerja_sasaran,
                   pagu, realisasi, persentase_realisasi_anggaran, efisiensi_100_kurang_anggaran,
                   efisiensi_capaian_kurang_anggaran, ket, source_file, source_row
            from marts.tabel_3_20 order by kode_wilayah, tahun, urutan`,
    },
    // Year over year per program and the total: pagu and realisasi against the previous year.
    tahunan: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, pagu, realisasi, pagu_tahun_lalu, selisih_pagu,
                   selisih_pagu_persen, realisasi_tahun_lalu, selisih_realisasi, selisih_realisasi_persen, source_file
            from marts.anggaran_tahunan order by kode_wilayah, tahun desc, urutan`,
      requires: ["marts.anggaran_tahunan"],
    },
    lampiranC: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, uraian, pagu, realisasi, bobot, bobot_eksak,
                   tertimbang_fisik, tertimbang_keu, tertimbang_fisik_eksak, tertimbang_keu_eksak,
                   progres_fisik, progres_keu, tertimbang_fisik_tercetak, tertimbang_keu_tercetak, source_file, source_row
            from marts.lampiran_c_total order by kode_wilayah, tahun, urutan`,
    },
  },

  berkas(data) {
    return Object.fromEntries(DATA.map((d) => [`anggaran_${d}`, arrowDari(data[d] ?? [])]));
  },

  pages(data, site) {
    const { utama } = pilihWilayah(data.realisasi, site);
    const semua = DATA.flatMap((d) => data[d] ?? []);
    const konfig = { ...namaKonfig(semua, site), utama };
    const tampil = Object.fromEntries(DATA.map((d) => [d, data[d] ?? []]));
    const files = Object.fromEntries(DATA.map((d) => [d, `data/anggaran_${d}.arrow`]));
    return [
      {
        file: "anggaran.html",
        title: `Anggaran · ${site.namaWilayah(utama)}`,
        build(doc, main) {
          main.append(
            paragraf(
              doc,
              "Pagu dan realisasi anggaran per program dan perubahannya dari tahun sebelumnya, perubahan APBD ke APBD-P, serapan anggaran dibanding capaian kinerja, serta progres fisik dibanding keuangan. Pilih wilayah, tahun dan program.",
            ),
          );
          main.append(widgetTampilan(doc, "anggaran", TAMPILAN_ANGGARAN, tampil, files, konfig));
        },
      },
    ];
  },
});
