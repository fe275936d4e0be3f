/**
 * Pasar kerja (BPS): TPT and TKK of the report's region over the years against the province and the
 * other kab/kota, from every source in the warehouse. Several sources for the same year stay apart
 * (symbol by kind of source, tooltip and table with the source); none is averaged away.
 */
import { bandingWilayah, JENIS_SUMBER, seriWilayah, type BandingRow, type PasarRow } from "./charts/pasar.js";
import {
  angka,
  bagian,
  belumTersedia,
  definePage,
  gambar,
  nilai,
  paragraf,
  persen,
  pilihWilayah,
  rasio,
  sumber,
  tabel,
  tautanLuar,
  teks,
  type Row,
  type SiteInfo,
} from "./site.js";

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
  },

  pages(data, site) {
    const semua = [...(data.tpt ?? []), ...(data.tkk ?? [])];
    // The report's region when it has labour-market figures; else the region with the most.
    const fokus = semua.some((r) => r.kode_wilayah === site.wilayahUtama) ? site.wilayahUtama : pilihWilayah(semua, site).utama;
    const provinsi = [...new Set(semua.map((r) => String(r.kode_wilayah)).filter((k) => k.length === 2))];
    const nama = site.namaWilayah(fokus);
    const tkk = (data.tkk ?? []).map((r) => ({ ...r, nilai: rasio(r.bekerja, r.angkatan_kerja) }));

    return [
      {
        file: "pasar-kerja.html",
        title: `Pasar kerja: TPT dan TKK · ${nama}`,
        build(doc, main) {
          main.appendChild(
            paragraf(
              doc,
              `Tingkat Pengangguran Terbuka (TPT) dan Tingkat Kesempatan Kerja (TKK) ${nama} dibanding ${provinsi.map((k) => site.namaWilayah(k)).join(", ") || "provinsi"} dan kabupaten/kota lain, dari semua sumber di gudang data. `,
              "Sumber yang berbeda untuk tahun yang sama digambar berdampingan: kotak = tabel BPS, lingkaran = angka yang dikutip terbitan (berita, rilis). Arahkan kursor ke titik untuk melihat sumbernya.",
            ),
          );
          if (!semua.length) {
            main.appendChild(belumTersedia(doc, "pasar kerja"));
            return;
          }
          const tptRows = data.tpt ?? [];
          main.appendChild(
            bagian(
              doc,
              "TPT dari tahun ke tahun",
              ...seri(doc, site, tptRows, [fokus, ...provinsi], "TPT (%)", `TPT ${nama} dan provinsi per tahun, per sumber`),
              ...banding(doc, site, tptRows, fokus, "TPT (%)", "TPT"),
            ),
          );
          main.appendChild(
            bagian(
              doc,
              "TKK (bekerja / angkatan kerja × 100)",
              paragraf(doc, "TKK dihitung hanya dari pasangan angka bekerja dan angkatan kerja yang dinyatakan oleh sumber yang sama untuk periode yang sama."),
              ...seri(doc, site, tkk, [fokus, ...provinsi], "TKK (%)", `TKK ${nama} dan provinsi per tahun, per sumber`),
            ),
          );
          main.appendChild(
            bagian(
              doc,
              "Semua angka TPT dan sumbernya",
              tabel(
                doc,
                [
                  { judul: "Wilayah", isi: (r: Row) => site.namaWilayah(r.kode_wilayah as string) },
                  { judul: "Tahun", isi: (r: Row) => String(r.tahun) },
                  { judul: "TPT", isi: (r: Row) => persen(r.nilai), angka: true },
                  { judul: "Jenis sumber", isi: (r: Row) => JENIS_SUMBER[String(r.jenis_sumber)] ?? teks(r.jenis_sumber) },
                  { judul: "Sumber", isi: (r: Row) => (r.url_sumber ? tautanLuar(doc, r.url_sumber, teks(r.sumber)) : teks(r.sumber)) },
                  { judul: "Periode", isi: (r: Row) => teks(r.periode) },
                  { judul: "Berkas:baris", isi: (r: Row) => `${teks(r.source_file)}:${teks(r.source_row)}` },
                ],
                tptRows,
              ),
            ),
          );
        },
      },
    ];
  },
});

function keterangan(site: SiteInfo, r: Row, label: string): string {
  return [
    `${site.namaWilayah(r.kode_wilayah as string)} ${r.tahun}: ${label} ${persen(r.nilai)}`,
    `Sumber: ${teks(r.sumber)}${r.periode ? ` (${teks(r.periode)})` : ""}`,
    r.url_sumber ? teks(r.url_sumber) : `Berkas: ${teks(r.source_file)}`,
  ].join("\n");
}

function seri(doc: Document, site: SiteInfo, rows: Row[], wilayah: (string | null)[], label: string, judul: string): Node[] {
  const kode = wilayah.filter((k): k is string => !!k);
  const pilih = rows.filter((r) => kode.includes(String(r.kode_wilayah)) && nilai(r.nilai) !== null);
  if (!pilih.length) return [belumTersedia(doc, `${label} untuk ${kode.map((k) => site.namaWilayah(k)).join(", ")}`)];
  const data: PasarRow[] = pilih.map((r) => ({
    tahun: Number(r.tahun),
    nilai: nilai(r.nilai)!,
    wilayah: site.namaWilayah(r.kode_wilayah as string),
    jenis: JENIS_SUMBER[String(r.jenis_sumber)] ?? String(r.jenis_sumber),
    keterangan: keterangan(site, r, label.replace(" (%)", "")),
  }));
  const names = kode.map((k) => site.namaWilayah(k)).filter((n) => data.some((d) => d.wilayah === n));
  return [
    gambar(
      doc,
      seriWilayah(data, names, { label }),
      judul,
      `${sumber(["marts.pasar_kerja"], pilih.flatMap((r) => [r.source_file, r.source_file_bekerja]))}. Setiap titik satu sumber; sumber berbeda pada tahun yang sama digeser sedikit ke samping.`,
    ),
  ];
}

/** Every region with a figure in the year that has the most regions. */
function banding(doc: Document, site: SiteInfo, rows: Row[], fokus: string | null, label: string, ukuran: string): Node[] {
  const perTahun = new Map<number, Set<string>>();
  for (const r of rows) {
    const t = Number(r.tahun);
    perTahun.set(t, (perTahun.get(t) ?? new Set()).add(String(r.kode_wilayah)));
  }
  const best = [...perTahun.entries()].sort((a, b) => b[1].size - a[1].size || b[0] - a[0])[0];
  if (!best || best[1].size < 2) return [];
  const [tahun] = best;
  const pilih = rows.filter((r) => Number(r.tahun) === tahun && nilai(r.nilai) !== null);
  const data: BandingRow[] = pilih.map((r) => ({
    wilayah: site.namaWilayah(r.kode_wilayah as string),
    nilai: nilai(r.nilai)!,
    jenis: JENIS_SUMBER[String(r.jenis_sumber)] ?? String(r.jenis_sumber),
    fokus: r.kode_wilayah === fokus,
    keterangan: keterangan(site, r, ukuran),
  }));
  return [
    gambar(
      doc,
      bandingWilayah(data, { label }),
      `${ukuran} ${tahun}: semua kabupaten/kota dan provinsi yang punya angka`,
      `${sumber(["marts.pasar_kerja"], pilih.map((r) => r.source_file))}. Tahun ${tahun} dipilih karena paling banyak wilayah yang punya angka (${angka(best[1].size, 0)} wilayah).`,
    ),
  ];
}
