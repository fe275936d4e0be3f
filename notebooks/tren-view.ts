/**
 * The Tren IKU index as a view: for a chosen region (every kab/kota and the province in
 * marts.indikator_seri), year, indicator and source series, which figures the warehouse holds year by
 * year, and the figures of the chosen year with their change from the previous year, each linking to
 * the indicator's own notebook in the same view. Rendered at build time and in the browser.
 */
import { angka, teks } from "./angka.js";
import { seriKetersediaan, type SeriTitik } from "./charts/seri.js";
import { el, gambar, tabel, type Kolom } from "./dom.js";
import type { StatusRenstra } from "./seri-view.js";
import { kontrol, opsiSumber, pilihan, salahSatu, SEMUA, trenFile, urutWilayah, type DataTampilan, type Tampilan } from "./tampilan.js";

export type TrenKeadaan = { wilayah: string; tahun: number | null; indikator: string; sumber: string };

export interface TrenKonfig {
  /** The region the office reports on (the first view). */
  utama: string | null;
  /** Verdicts given under the honesty rule, by "wilayah|indikator" (tren-iku.ts statusJujur). */
  status: Record<string, StatusRenstra>;
}

const seriDari = (data: DataTampilan) => (data.seri ?? []) as unknown as SeriTitik[];
const tanda = (v: string | null) => (v !== null && Number(v) > 0 ? "+" : "");

/** The rows the state selects, before the year: one region, the indicator and series chosen. */
function pilih(rows: SeriTitik[], k: Pick<TrenKeadaan, "wilayah" | "indikator" | "sumber">): SeriTitik[] {
  return rows.filter((r) => r.kode_wilayah === k.wilayah && (k.indikator === SEMUA || r.indikator === k.indikator) && (k.sumber === SEMUA || r.seri === k.sumber));
}

export const TAMPILAN_TREN: Tampilan<TrenKeadaan, TrenKonfig> = {
  masukan: ["wilayah", "tahun", "indikator", "sumber"],
  rapikan(data, k, konfig, diubah) {
    const rows = seriDari(data);
    const ada = urutWilayah(rows.map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, ada, ada.includes(konfig.utama ?? "") ? konfig.utama! : (ada[0] ?? ""));
    const milik = rows.filter((r) => r.kode_wilayah === wilayah);
    const indikator = salahSatu(k.indikator, [SEMUA, ...new Set(milik.map((r) => r.indikator))], SEMUA);
    // A new region or indicator starts from all its series.
    const seriAda = [...new Set(milik.filter((r) => indikator === SEMUA || r.indikator === indikator).map((r) => r.seri))];
    const sumber = diubah === "wilayah" || diubah === "indikator" || seriAda.length < 2 ? SEMUA : salahSatu(k.sumber, [SEMUA, ...seriAda], SEMUA);
    const tahunAda = [...new Set(pilih(rows, { wilayah, indikator, sumber }).map((r) => r.tahun))].sort((a, b) => a - b);
    const tahun = salahSatu(Number(k.tahun), tahunAda, tahunAda.at(-1) ?? 0) || null;
    return { wilayah, tahun, indikator, sumber };
  },
  render(doc, root, data, k, konfig) {
    root.replaceChildren();
    const rows = seriDari(data);
    const namaW = new Map<string, string>();
    for (const r of rows) namaW.set(r.kode_wilayah, r.nama_wilayah);
    const milik = rows.filter((r) => r.kode_wilayah === k.wilayah);
    const indikatorOpsi = new Map<string, string>();
    for (const r of [...milik].sort((a, b) => a.nama_indikator.localeCompare(b.nama_indikator, "id"))) indikatorOpsi.set(r.indikator, r.nama_indikator);
    const seriOpsi = [...new Set(milik.filter((r) => k.indikator === SEMUA || r.indikator === k.indikator).map((r) => r.seri))].sort((a, b) => a.localeCompare(b, "id"));
    const terpilih = pilih(rows, k);
    const tahunOpsi = [...new Set(terpilih.map((r) => r.tahun))].sort((a, b) => a - b);
    const nama = namaW.get(k.wilayah) ?? k.wilayah;
    root.appendChild(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", k.wilayah, urutWilayah(rows.map((r) => r.kode_wilayah)).map((w): [string, string] => [w, namaW.get(w) ?? w])),
        pilihan(doc, "tahun", "Tahun", k.tahun, tahunOpsi.map((t): [string, string] => [String(t), String(t)])),
        pilihan(doc, "indikator", "Indikator", k.indikator, [[SEMUA, "Semua indikator"], ...indikatorOpsi]),
        pilihan(doc, "sumber", "Sumber / seri", k.sumber, opsiSumber(seriOpsi)),
      ),
    );
    if (!terpilih.length) {
      root.appendChild(el(doc, "p", { class: "kosong" }, `Gudang data tidak memuat angka indikator untuk ${nama} dengan pilihan ini.`));
      return;
    }
    const tautan = (r: SeriTitik) => `${trenFile(r.indikator)}?${new URLSearchParams({ wilayah: r.kode_wilayah, tahun: String(r.tahun) })}`;
    root.appendChild(
      gambar(
        doc,
        seriKetersediaan(terpilih, k.tahun),
        `Angka indikator ${nama} menurut tahun dan seri`,
        "Sumber: marts.indikator_seri. Satu baris = satu indikator dan satu seri (kelas sumber dan definisi sama); titik = tahun yang punya angka, tahun kosong berarti tidak ada angka. Titik berongga: angka lain dari seri yang sama untuk tahun itu. Garis putus-putus: tahun terpilih.",
        terpilih as unknown as Record<string, unknown>[],
        `angka-${k.wilayah}-${k.indikator}`,
      ),
    );

    const tahunIni = terpilih.filter((r) => r.tahun === k.tahun).sort((a, b) => a.nama_indikator.localeCompare(b.nama_indikator, "id") || Number(b.utama) - Number(a.utama) || a.seri.localeCompare(b.seri, "id"));
    const status = (r: SeriTitik) => konfig.status[`${r.kode_wilayah}|${r.indikator}`];
    const kolom: Kolom<SeriTitik>[] = [
      { judul: "Indikator", isi: (r) => el(doc, "a", { href: tautan(r) }, r.nama_indikator) },
      { judul: "Nilai", isi: (r) => angka(r.nilai, 2), nilai: (r) => r.nilai, angka: true },
      { judul: "Satuan", isi: (r) => teks(r.satuan) },
      { judul: "Perubahan", isi: (r) => (r.selisih === null ? "–" : `${tanda(r.selisih)}${angka(r.selisih, 2)}`), nilai: (r) => r.selisih, angka: true },
      { judul: "Perubahan %", isi: (r) => (r.selisih_persen === null ? "–" : `${tanda(r.selisih_persen)}${angka(r.selisih_persen, 2)}%`), nilai: (r) => r.selisih_persen, angka: true },
      { judul: "Seri", isi: (r) => r.seri },
      { judul: "Garis", isi: (r) => (r.utama ? "ya" : "") },
      { judul: "Status Renstra", isi: (r) => status(r)?.teks ?? "tidak diberikan" },
      { judul: "Sumber", isi: (r) => r.sumber },
      { judul: "Asal (berkas, baris, kolom)", isi: (r) => teks(r.provenance ?? r.source_file) },
    ];
    root.appendChild(el(doc, "h3", null, `Angka ${k.tahun} dan perubahan dari tahun sebelumnya · ${nama}`));
    root.appendChild(
      el(
        doc,
        "p",
        { class: "catatan" },
        "Perubahan: dibanding angka seri yang sama tahun sebelumnya (kosong bila tahun itu tidak ada). Status Renstra hanya diberikan bila jalur bertumpu pada paling sedikit tiga titik sebanding; rinciannya di halaman indikator.",
      ),
    );
    root.appendChild(tabel(doc, kolom, tahunIni, `Indikator ${nama} tahun ${k.tahun}`, `indikator-${k.wilayah}-${k.tahun}`));
  },
};
