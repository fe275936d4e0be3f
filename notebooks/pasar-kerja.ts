/**
 * Pasar kerja (BPS): TPT and TKK of any region the warehouse holds over the years against the
 * province and the other kab/kota, from every source in the warehouse (notebooks/pasar-view.ts).
 */
import { TAMPILAN_PASAR } from "./pasar-view.js";
import { arrowDari, belumTersedia, definePage, paragraf, pilihWilayah, widgetTampilan } from "./site.js";
import { namaKonfig } from "./tampilan-site.js";

export default definePage({
  menu: "Pasar kerja (BPS)",
  queries: {
    tpt: {
      sql: `select kode_wilayah, tahun, nilai, jenis_sumber, sumber, periode, url_sumber, source_file, source_row
            from marts.pasar_kerja where ukuran = 'tpt'
            order by kode_wilayah, tahun, jenis_sumber desc, sumber, periode`,
    },
    // TKK pairs come from one source and one period each (marts.pasar_kerja_tkk).
    tkk: {
      sql: `select kode_wilayah, tahun, jenis_sumber, sumber, periode, url_sumber, bekerja, angkatan_kerja, source_file, source_file_bekerja
            from marts.pasar_kerja_tkk order by all`,
    },
    // The year-over-year change per series, computed once in marts.indikator_seri (as on the Tren pages).
    seri: {
      sql: `select kode_wilayah, indikator, tahun, nilai::varchar as nilai, kelas, seri, sumber, utama,
                   selisih::varchar as selisih, selisih_persen::varchar as selisih_persen, source_file, provenance
            from marts.indikator_seri where indikator in ('tpt', 'tkk') and utama
            order by kode_wilayah, indikator, tahun, kelas_urutan, seri`,
      requires: ["marts.indikator_seri"],
    },
  },

  berkas(data) {
    return { pasar_tpt: arrowDari(data.tpt ?? []), pasar_tkk: arrowDari(data.tkk ?? []), pasar_seri: arrowDari(data.seri ?? []) };
  },

  pages(data, site) {
    const semua = [...(data.tpt ?? []), ...(data.tkk ?? [])];
    // The report's region when it has labour-market figures; else the region with the most.
    const fokus = semua.some((r) => r.kode_wilayah === site.wilayahUtama) ? site.wilayahUtama : pilihWilayah(semua, site).utama;
    const konfig = { ...namaKonfig(semua, site), utama: fokus };
    return [
      {
        file: "pasar-kerja.html",
        title: "Pasar kerja: TPT dan TKK",
        build(doc, main) {
          main.appendChild(
            paragraf(
              doc,
              "Tingkat Pengangguran Terbuka (TPT) dan Tingkat Kesempatan Kerja (TKK) setiap wilayah di gudang data, dibanding provinsi dan kabupaten/kota lain, dari semua sumber. ",
              "Pilih wilayah, indikator, jenis sumber dan tahun pembanding; arahkan kursor ke titik untuk melihat sumbernya.",
            ),
          );
          if (!semua.length) {
            main.appendChild(belumTersedia(doc, "pasar kerja"));
            return;
          }
          main.appendChild(widgetTampilan(doc, "pasar", TAMPILAN_PASAR, { tpt: data.tpt ?? [], tkk: data.tkk ?? [], seri: data.seri ?? [] }, { tpt: "data/pasar_tpt.arrow", tkk: "data/pasar_tkk.arrow", seri: "data/pasar_seri.arrow" }, konfig));
        },
      },
    ];
  },
});
