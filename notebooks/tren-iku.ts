/**
 * Tren IKU: one page per indicator (tren-<kode_iku>.html) plus an index (tren.html). The Renstra path
 * (target and every realised value per year, the value the trajectory uses marked terpilih) comes
 * from marts.renstra_indikator; the projection to the Renstra's last year and its status from
 * marts.renstra_lintasan. Both are built by another step: when they are absent the page says so and
 * still shows realisasi against target from marts.capaian_indikator.
 */
import { MIN_TITIK_STATUS, type SeriTitik } from "./charts/seri.js";
import { rapikan, SEMUA, TAMPILAN_SERI, type StatusRenstra } from "./seri-view.js";
import { TAMPILAN_TREN } from "./tren-view.js";
import {
  angka,
  belumTersedia,
  definePage,
  el,
  paragraf,
  persen,
  pilihWilayah,
  tabel,
  teks,
  trenFile,
  untukWilayah,
  widgetTampilan,
  type PageSpec,
  type Row,
} from "./site.js";

/** The status rule is in marts.renstra_lintasan; these are its words in Bahasa Indonesia. */
const STATUS: Record<string, string> = {
  "on track": "Sesuai jalur",
  "at risk": "Berisiko",
  "off track": "Tidak sesuai jalur",
  "no data": "Tidak ada data",
};
const WARNA_STATUS: Record<string, string> = { "on track": "#1b5e20", "at risk": "#8a4b08", "off track": "#b71c1c", "no data": "#52606d" };

const KOLOM_SERI = {
  kode_wilayah: "teks", nama_wilayah: "teks", tingkat_wilayah: "teks", indikator: "teks", nama_indikator: "teks", satuan: "teks",
  tahun: "bulat", nilai: "teks", kelas: "teks", seri: "teks", definisi: "teks", sumber: "teks", utama: "logika",
  selisih: "teks", selisih_persen: "teks", source_file: "teks", provenance: "teks",
} as const;

/** Source classes as marts.indikator_seri groups them (config.kelas_sumber). */
const kelasDari = (jenis: unknown) => (jenis === "kutipan_lain" ? "kutipan" : String(jenis));

/**
 * The Renstra verdict, only where it rests on at least MIN_TITIK_STATUS points of one source class
 * (the trajectory's own points): a line through figures of different definitions or sources, or
 * through two points, is no evidence of a trend.
 */
export function statusJujur(lin: Row | undefined, jalur: Row[]): { status: StatusRenstra | null; alasan: string | null } {
  if (!lin || typeof lin.status !== "string") return { status: null, alasan: "tidak ada lintasan Renstra untuk indikator ini" };
  const tahun = Array.isArray(lin.tahun_titik) ? (lin.tahun_titik as unknown[]).map(Number) : [];
  const kelas = new Set(jalur.filter((r) => r.terpilih && r.realisasi !== null && tahun.includes(Number(r.tahun))).map((r) => kelasDari(r.jenis_sumber)));
  if (tahun.length < MIN_TITIK_STATUS)
    return { status: null, alasan: `status tidak diberikan: jalur hanya punya ${tahun.length} titik realisasi; perlu paling sedikit ${MIN_TITIK_STATUS} titik sebanding` };
  if (kelas.size > 1)
    return { status: null, alasan: `status tidak diberikan: titik jalur (${tahun.join(", ")}) berasal dari ${kelas.size} kelas sumber berbeda, jadi tidak sebanding` };
  return { status: { teks: STATUS[lin.status] ?? lin.status, catatan: teks(lin.catatan_status) }, alasan: null };
}


export default definePage({
  menu: "Tren IKU",
  queries: {
    iku: {
      sql: `select kode_wilayah, kode_iku, indikator, satuan, arah, perumusan, source_file, source_row
            from marts.manual_iku order by kode_wilayah, source_row`,
    },
    // Fallback path when the Renstra marts are absent.
    capaian: {
      sql: `select kode_wilayah, tahun, kunci_indikator, indikator, satuan, target, target_teks, sumber_target,
                   realisasi, sumber_realisasi, capaian, kriteria, target_source_file, realisasi_klaim_source_file
            from marts.capaian_indikator
            where kunci_indikator in (select kode_iku from marts.manual_iku)
            order by kode_wilayah, kunci_indikator, tahun`,
    },
    jalur: {
      sql: `select kode_wilayah, tahun, kunci_indikator, indikator, satuan, arah, tahun_awal_renstra, tahun_akhir_renstra,
                   dalam_periode_renstra, target, sumber_target, catatan_target, realisasi, jenis_sumber, sumber, terpilih,
                   capaian, kriteria, catatan, target_source_file, source_file
            from marts.renstra_indikator
            order by kode_wilayah, kunci_indikator, tahun, terpilih desc, sumber`,
      requires: ["marts.renstra_indikator"],
    },
    lintasan: {
      sql: `select * exclude (jalur) from marts.renstra_lintasan order by kode_wilayah, kunci_indikator`,
      requires: ["marts.renstra_lintasan"],
    },
    // Every region's and every source's figures: the interactive notebook's data.
    seri: {
      sql: `select kode_wilayah, nama_wilayah, tingkat_wilayah, indikator, nama_indikator, satuan, tahun, nilai::varchar as nilai,
                   kelas, seri, definisi, sumber, utama, selisih::varchar as selisih, selisih_persen::varchar as selisih_persen,
                   source_file, provenance
            from marts.indikator_seri
            order by indikator, tingkat_wilayah desc, kode_wilayah, tahun, kelas_urutan, definisi, utama desc, sumber`,
      requires: ["marts.indikator_seri"],
    },
  },

  berkas(data) {
    return { indikator_seri: { rows: data.seri ?? [], kolom: KOLOM_SERI } };
  },

  pages(data, site) {
    const { utama, lain } = pilihWilayah(data.capaian, site);
    const nama = site.namaWilayah(utama);
    const iku = untukWilayah(data.iku, utama);
    const capaian = untukWilayah(data.capaian, utama);
    const jalur = data.jalur === null ? null : untukWilayah(data.jalur, utama);
    const lintasan = data.lintasan === null ? null : untukWilayah(data.lintasan, utama);

    const kodes = [...new Set([...iku.map((r) => String(r.kode_iku)), ...(lintasan ?? []).map((r) => String(r.kunci_indikator))])];
    const judul = (kode: string) =>
      teks(iku.find((r) => r.kode_iku === kode)?.indikator ?? lintasan?.find((r) => r.kunci_indikator === kode)?.indikator ?? capaian.find((r) => r.kunci_indikator === kode)?.indikator ?? kode);
    const lintasanOf = (kode: string) => lintasan?.find((r) => r.kunci_indikator === kode);
    const jujur = (kode: string) => statusJujur(lintasanOf(kode), (jalur ?? []).filter((r) => r.kunci_indikator === kode));
    const seriRows = (data.seri ?? []) as unknown as SeriTitik[];
    const statusPeta: Record<string, StatusRenstra> = {};
    for (const k of kodes) {
      const j = jujur(k);
      if (j.status && utama) statusPeta[`${utama}|${k}`] = j.status;
    }

    const indeks: PageSpec = {
      file: "tren.html",
      title: `Tren IKU · ${nama}`,
      build(doc, main) {
        main.appendChild(paragraf(doc, "Pilih wilayah, tahun, indikator dan sumber untuk melihat angka yang dimuat gudang data; buka satu indikator untuk tren, jalur Renstra sampai tahun akhirnya, proyeksi dan statusnya."));
        if (data.seri === null) main.appendChild(belumTersedia(doc, "seri indikator (marts.indikator_seri)"));
        else main.appendChild(widgetTampilan(doc, "tren", TAMPILAN_TREN, { seri: data.seri }, { seri: "data/indikator_seri.arrow" }, { utama, status: statusPeta }));
        main.appendChild(el(doc, "h2", null, `IKU ${nama}: jalur Renstra`));
        if (lain.length) main.appendChild(el(doc, "p", { class: "catatan" }, `Wilayah lain dalam capaian IKU: ${lain.map((k) => site.namaWilayah(k)).join(", ")}.`));
        if (lintasan === null) main.appendChild(belumTersedia(doc, "lintasan Renstra (marts.renstra_lintasan)"));
        main.appendChild(
          tabel(
            doc,
            [
              { judul: "Indikator", isi: (k: string) => el(doc, "a", { href: trenFile(k) }, judul(k)) },
              { judul: "Kode", isi: (k: string) => k },
              {
                judul: "Realisasi terakhir",
                isi: (k: string) => (lintasanOf(k) ? `${angka(lintasanOf(k)!.realisasi_terakhir)} (${teks(lintasanOf(k)!.tahun_realisasi_terakhir)})` : "–"),
                nilai: (k: string) => (lintasanOf(k)?.realisasi_terakhir as string | undefined) ?? null,
                angka: true,
              },
              { judul: "Proyeksi akhir Renstra", isi: (k: string) => (jujur(k).status ? angka(lintasanOf(k)?.proyeksi_akhir) : "–"), nilai: (k: string) => (jujur(k).status ? (lintasanOf(k)?.proyeksi_akhir as string) : null), angka: true },
              {
                judul: "Status Renstra",
                isi: (k: string) => (lintasan === null ? "belum tersedia" : !lintasanOf(k) ? "tidak dilacak Renstra" : (jujur(k).status?.teks ?? "tidak diberikan (titik sebanding kurang)")),
                hias: (td, k) => {
                  const c = jujur(k).status ? WARNA_STATUS[String(lintasanOf(k)?.status)] : undefined;
                  if (c) td.style.color = c;
                },
              },
            ],
            kodes,
            `IKU ${nama}: realisasi terakhir, proyeksi dan status Renstra`,
            `iku-renstra-${utama ?? ""}`,
          ),
        );
      },
    };

    const perIku: PageSpec[] = kodes.map((kode) => ({
      file: trenFile(kode),
      title: `Tren IKU: ${judul(kode)}`,
      build(doc, main) {
        const manual = iku.find((r) => r.kode_iku === kode);
        const lin = lintasanOf(kode);
        const baris = capaian.filter((r) => r.kunci_indikator === kode);
        const tahunan = (jalur ?? []).filter((r) => r.kunci_indikator === kode);
        const satuan = (manual?.satuan ?? lin?.satuan ?? baris[0]?.satuan ?? null) as string | null;
        main.appendChild(el(doc, "p", null, el(doc, "a", { href: "tren.html" }, "← semua IKU")));
        main.appendChild(paragraf(doc, `Wilayah: ${nama}. Kode: ${kode}. Satuan: ${teks(satuan)}. Arah: ${teks(manual?.arah ?? lin?.arah)}.`));
        if (manual?.perumusan) main.appendChild(el(doc, "p", { class: "catatan" }, `Formulasi: ${teks(manual.perumusan)}`));

        // The notebook: every region and source of this indicator, redrawn in place by the client.
        const j = jujur(kode);
        if (j.alasan && lin) main.appendChild(el(doc, "p", { class: "catatan" }, `Status Renstra ${nama}: ${j.alasan}.`));
        if (lintasan === null) main.appendChild(belumTersedia(doc, "lintasan Renstra dan proyeksi (marts.renstra_lintasan)"));
        if (data.seri === null) main.appendChild(belumTersedia(doc, "seri indikator (marts.indikator_seri)"));
        else {
          const bawaan = rapikan(seriRows, { wilayah: utama ?? undefined, indikator: kode, sumber: SEMUA }, { wilayah: utama ?? "", indikator: kode, sumber: SEMUA, tahun: null });
          main.appendChild(widgetTampilan(doc, "seri", TAMPILAN_SERI, { seri: data.seri }, { seri: "data/indikator_seri.arrow" }, { bawaan, status: statusPeta }));
        }
        main.appendChild(el(doc, "h2", null, "Jalur Renstra: target dan realisasi dari setiap sumber"));
        if (!tahunan.length && !baris.length) {
          main.appendChild(belumTersedia(doc, "realisasi dan target indikator ini"));
          return;
        }
        if (tahunan.length) {
          main.appendChild(
            tabel(
              doc,
              [
                { judul: "Tahun", isi: (r: Row) => teks(r.tahun) },
                { judul: "Target", isi: (r: Row) => angka(r.target), angka: true },
                { judul: "Dasar target", isi: (r: Row) => teks(r.sumber_target ?? r.catatan_target) },
                { judul: "Realisasi", isi: (r: Row) => angka(r.realisasi), angka: true },
                { judul: "Sumber realisasi", isi: (r: Row) => teks(r.sumber) },
                { judul: "Dipakai jalur", isi: (r: Row) => (r.terpilih && r.realisasi !== null ? "ya" : "") },
                { judul: "Capaian", isi: (r: Row) => persen(r.capaian), angka: true },
                { judul: "Kriteria", isi: (r: Row) => teks(r.kriteria) },
                { judul: "Catatan", isi: (r: Row) => teks(r.catatan) },
              ],
              tahunan,
              "Per tahun dan per sumber (marts.renstra_indikator)",
            ),
          );
        } else {
          main.appendChild(
            tabel(
              doc,
              [
                { judul: "Tahun", isi: (r: Row) => teks(r.tahun) },
                { judul: "Target", isi: (r: Row) => (r.target === null ? teks(r.target_teks) : angka(r.target)), angka: true },
                { judul: "Dasar target", isi: (r: Row) => teks(r.sumber_target) },
                { judul: "Realisasi", isi: (r: Row) => angka(r.realisasi), angka: true },
                { judul: "Dasar realisasi", isi: (r: Row) => teks(r.sumber_realisasi) },
                { judul: "Capaian", isi: (r: Row) => persen(r.capaian), angka: true },
                { judul: "Kriteria", isi: (r: Row) => teks(r.kriteria) },
              ],
              baris,
              "Per tahun (marts.capaian_indikator)",
            ),
          );
        }
      },
    }));

    return [indeks, ...perIku];
  },
});
