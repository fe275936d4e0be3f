/** Hubungan industrial: disputes by type, sector, kecamatan and channel, every document's version side by side (notebooks/hubungan-industrial-view.ts). */
import { TAMPILAN_HI } from "./hubungan-industrial-view.js";
import { arrowDari, definePage, paragraf, pilihWilayah, widgetTampilan } from "./site.js";
import { namaKonfig } from "./tampilan-site.js";

const DATA = ["dataSheet", "keterangan", "sektor", "kecamatan"] as const;

export default definePage({
  menu: "Hubungan industrial",
  queries: {
    dataSheet: {
      sql: `select kode_wilayah, tahun, bagian, butir, bagian_judul, uraian, nilai, satuan, source_file, source_row
            from marts.hi_data_sheet order by kode_wilayah, tahun, source_row`,
    },
    keterangan: {
      sql: `select kode_wilayah, tahun, kode_isian, keterangan, jumlah, source_file, source_row
            from marts.hi_keterangan order by kode_wilayah, tahun, source_row`,
    },
    sektor: {
      sql: `select * from marts.hi_per_sektor order by kode_wilayah, tahun, source_row`,
    },
    kecamatan: {
      sql: `select kode_wilayah, tahun, no, kecamatan, kasus, karyawan, karyawan_l, karyawan_p, source_file, source_row
            from marts.hi_per_kecamatan order by kode_wilayah, tahun, source_row`,
    },
  },

  berkas(data) {
    return Object.fromEntries(DATA.map((d) => [`hi_${d}`, arrowDari(data[d] ?? [])]));
  },

  pages(data, site) {
    const semua = DATA.flatMap((d) => data[d] ?? []);
    const { utama } = pilihWilayah([...(data.dataSheet ?? []), ...(data.sektor ?? []), ...(data.kecamatan ?? [])], site);
    const konfig = { ...namaKonfig(semua, site), utama };
    return [
      {
        file: "hubungan-industrial.html",
        title: `Hubungan industrial · ${site.namaWilayah(utama)}`,
        build(doc, main) {
          main.append(
            paragraf(doc, "Perselisihan hubungan industrial menurut jenis, sektor usaha dan kecamatan, serta jalur penyelesaiannya. Angka yang sama dinyatakan berbeda oleh dokumen yang berbeda: semua versi ditampilkan berdampingan, atau pilih satu versi dokumen."),
          );
          main.append(
            widgetTampilan(
              doc,
              "hi",
              TAMPILAN_HI,
              Object.fromEntries(DATA.map((d) => [d, data[d] ?? []])),
              Object.fromEntries(DATA.map((d) => [d, `data/hi_${d}.arrow`])),
              konfig,
            ),
          );
        },
      },
    ];
  },
});
