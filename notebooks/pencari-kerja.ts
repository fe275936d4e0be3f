/** Pencari kerja (AK-I): stock and flows, placement rates, the IKU's competing definitions (notebooks/pencari-kerja-view.ts). */
import { TAMPILAN_PENCAKER } from "./pencari-kerja-view.js";
import { arrowDari, definePage, paragraf, pilihWilayah, widgetTampilan } from "./site.js";
import { namaKonfig } from "./tampilan-site.js";

const KODE_IKU = "pct_pencaker_ditempatkan";

export default definePage({
  menu: "Pencari kerja",
  queries: {
    arus: {
      sql: `select kode_wilayah, tahun, pendidikan, urutan_pendidikan, jenis_kelamin,
                   sisa_lalu, terdaftar, penempatan, penghapusan, sisa_akhir, sisa_akhir_dihitung, source_file, source_row
            from marts.ak1_arus_pencaker
            order by kode_wilayah, tahun, urutan_pendidikan, jenis_kelamin`,
    },
    definisi: {
      sql: `select kode_wilayah, tahun, urutan, kode_iku, indikator, formulasi, definisi, definisi_label, definisi_utama,
                   pembilang, penyebut, angka_perhitungan, hasil, input_hilang, keterangan
            from marts.tabel_3_16 where kode_iku = '${KODE_IKU}' order by kode_wilayah, tahun, urutan`,
    },
    // The figure the published Tabel 3.16 prints for this IKU (a claim, shown beside the definitions).
    terbit: {
      sql: `select kode_wilayah, tahun, nilai_terbit, nilai_terbit_teks, source_file, source_row
            from marts.published_vs_recomputed
            where tabel = '3.16' and ukuran = 'hasil' and kunci_indikator = '${KODE_IKU}'`,
    },
  },

  berkas(data) {
    return { pencaker_arus: arrowDari(data.arus ?? []), pencaker_definisi: arrowDari(data.definisi ?? []), pencaker_terbit: arrowDari(data.terbit ?? []) };
  },

  pages(data, site) {
    const { utama } = pilihWilayah(data.arus, site);
    const konfig = { ...namaKonfig(data.arus ?? [], site), utama };
    return [
      {
        file: "pencari-kerja.html",
        title: `Pencari kerja (AK-I) · ${site.namaWilayah(utama)}`,
        build(doc, main) {
          main.appendChild(paragraf(doc, "Rekap AK-I: stok dan arus pencari kerja menurut pendidikan dan jenis kelamin, tingkat penempatan, dan definisi-definisi IKU penempatan yang bersaing. Pilih wilayah, tahun dan jenis kelamin."));
          main.appendChild(
            widgetTampilan(
              doc,
              "pencaker",
              TAMPILAN_PENCAKER,
              { arus: data.arus ?? [], definisi: data.definisi ?? [], terbit: data.terbit ?? [] },
              { arus: "data/pencaker_arus.arrow", definisi: "data/pencaker_definisi.arrow", terbit: "data/pencaker_terbit.arrow" },
              konfig,
            ),
          );
        },
      },
    ];
  },
});
