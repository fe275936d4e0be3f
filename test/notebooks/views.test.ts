/**
 * The notebook views without a browser: the Renstra verdict's honesty rule, the worklist filters and
 * paging, the indicator notebook's and the Tren IKU index's state and year-over-year figures, and the
 * Arrow files round-tripping.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { JSDOM } from "jsdom";
import { afterAll, describe, expect, it } from "vitest";
import type { SeriTitik } from "../../notebooks/charts/seri.js";
import { renderMasalah, saring, PER_HALAMAN, type MasalahBaris } from "../../notebooks/masalah-view.js";
import { rapikan, renderSeri } from "../../notebooks/seri-view.js";
import { statusJujur } from "../../notebooks/tren-iku.js";
import { TAMPILAN_TREN } from "../../notebooks/tren-view.js";
import { writeArrow } from "../../pipelines/notebooks/assets.js";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
const document = dom.window.document;
afterAll(() => dom.window.close());

const titik = (kode: string, tahun: number, nilai: string, seri = "Kutipan angka BPS", selisih: string | null = null): SeriTitik => ({
  kode_wilayah: kode, nama_wilayah: `Wilayah ${kode}`, tingkat_wilayah: kode.length === 2 ? "provinsi" : "kabupaten/kota", indikator: "tpt",
  nama_indikator: "Tingkat Pengangguran Terbuka", satuan: "%", tahun, nilai, kelas: "kutipan", seri, definisi: "tahunan", sumber: "presisi.co",
  utama: true, selisih, selisih_persen: selisih === null ? null : "8.6419753086", source_file: "bps/x.csv", provenance: "bps/x.csv baris 9 kolom value",
});

describe("statusJujur", () => {
  const lin = { status: "on track", tahun_titik: [2022, 2023, 2024], catatan_status: "proyeksi" };
  const jalur = (jenis: string[]) => jenis.map((j, i) => ({ tahun: 2022 + i, terpilih: true, realisasi: "4", jenis_sumber: j }));
  it("gives the verdict from three points of one source class", () => {
    expect(statusJujur(lin, jalur(["kutipan_lain", "kutipan_lain", "kutipan_lain"])).status?.teks).toBe("Sesuai jalur");
  });
  it("withholds it, saying why, from two points or from mixed source classes", () => {
    expect(statusJujur({ ...lin, tahun_titik: [2023, 2024] }, jalur(["klaim_lkjip", "klaim_lkjip"])).alasan).toMatch(/hanya punya 2 titik realisasi/);
    expect(statusJujur(lin, jalur(["kutipan_lain", "tabel_bps", "kutipan_lain"])).alasan).toMatch(/2 kelas sumber berbeda/);
  });
});

describe("indicator notebook", () => {
  const rows = [titik("6403", 2024, "4.05"), titik("6403", 2025, "4.4", undefined, "0.35"), titik("64", 2025, "5.18")];
  it("repairs a stale URL state: unknown region falls back, the year defaults to the latest", () => {
    expect(rapikan(rows, { wilayah: "9999", indikator: "tpt" }, { wilayah: "6403", indikator: "tpt", sumber: "semua", tahun: null })).toEqual({ wilayah: "6403", indikator: "tpt", sumber: "semua", tahun: 2025 });
  });
  it("states the change from the previous year in percentage points and percent, and no verdict from two points", () => {
    const root = document.createElement("div");
    renderSeri(document, root, rows, { wilayah: "6403", indikator: "tpt", sumber: "semua", tahun: 2025 });
    expect(root.querySelector('[data-bagian="nilai-tahun"]')?.textContent).toContain("Perubahan dari 2024: +0,35 poin persen (+8,64%)");
    expect(root.querySelector('[data-bagian="status"]')?.textContent).toMatch(/tidak diberikan: paling banyak 2 titik sebanding/);
    expect(root.querySelectorAll("select")).toHaveLength(4);
  });
  it("shows a region with one year as a value in context, not a trend", () => {
    const root = document.createElement("div");
    renderSeri(document, root, rows, { wilayah: "64", indikator: "tpt", sumber: "semua", tahun: 2025 });
    expect(root.textContent).toContain("ditampilkan sebagai nilai dengan konteksnya");
    expect(root.querySelectorAll('g[aria-label="line"]')).toHaveLength(0);
    expect(root.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
  });
});

describe("Tren IKU index", () => {
  const rows = [titik("6403", 2022, "4.1"), titik("6403", 2024, "4.05"), titik("6403", 2025, "4.4", undefined, "0.35"), titik("6403", 2024, "4.2", "Tabel BPS"), titik("64", 2025, "5.18")] as unknown as Record<string, unknown>[];
  const konfig = { utama: "6403", status: {} };
  it("opens on the office's region and its latest year; a new region starts from all its series and keeps a year it has", () => {
    expect(TAMPILAN_TREN.rapikan({ seri: rows }, {}, konfig)).toEqual({ wilayah: "6403", tahun: 2025, indikator: "semua", sumber: "semua" });
    expect(TAMPILAN_TREN.rapikan({ seri: rows }, { wilayah: "6403", tahun: "2025", indikator: "semua", sumber: "Tabel BPS" }, konfig)).toEqual({ wilayah: "6403", tahun: 2024, indikator: "semua", sumber: "Tabel BPS" });
    expect(TAMPILAN_TREN.rapikan({ seri: rows }, { wilayah: "64", tahun: "2025", indikator: "tpt", sumber: "Tabel BPS" }, konfig, "wilayah")).toEqual({ wilayah: "64", tahun: 2025, indikator: "tpt", sumber: "semua" });
  });
  it("marks each year a series has, leaves a missing year empty, and links each figure of the year to its notebook in the same view", () => {
    const root = document.createElement("div");
    TAMPILAN_TREN.render(document, root, { seri: rows }, { wilayah: "6403", tahun: 2025, indikator: "semua", sumber: "semua" }, konfig);
    expect([...root.querySelectorAll("select")].map((s) => s.name)).toEqual(["wilayah", "tahun", "indikator", "sumber"]);
    // Four figures, no line: the indicators do not share a unit, and 2023 has no figure.
    expect(root.querySelectorAll('figure g[aria-label="dot"] circle')).toHaveLength(4);
    expect(root.querySelectorAll('figure g[aria-label="line"]')).toHaveLength(0);
    const baris = [...root.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(baris).toEqual([["Tingkat Pengangguran Terbuka", "4,4", "%", "+0,35", "+8,64%", "Kutipan angka BPS", "ya", "tidak diberikan", "presisi.co", "bps/x.csv baris 9 kolom value"]]);
    expect(root.querySelector("tbody a")?.getAttribute("href")).toBe("tren-tpt.html?wilayah=6403&tahun=2025");
  });
});

describe("worklist", () => {
  const m = (i: number, keparahan: string, status: string, keluarga: string): MasalahBaris => ({
    peringkat: i, masalah_id: `M-${i}`, keparahan, keparahan_label: keparahan, status, lingkup: "kerja", sebab_label: "salah ketik", judul: `judul ${i}`,
    tindakan: "betulkan sel", alasan_peringkat: "dampak", tabel: `Tabel 3.${i % 3}`, keluarga_sumber: keluarga, kode_wilayah: "6403", tahun: 2024,
    resolusi_alasan: null, akibat: JSON.stringify([{ rujukan: "LKjIP 2024, Tabel 3.16", label_baris: "Ditempatkan", teks_tercetak: "1.963", source_file: "lkjip/2024/tabel_3_16.csv", source_row: 4 }]),
    sel: JSON.stringify([{ peran: "diharapkan", nilai: "1", source_file: "hi/a.csv", source_row: 3, source_column: "jumlah" }]),
  });
  const rows = Array.from({ length: 60 }, (_, i) => m(60 - i, i % 2 ? "error" : "warning", i % 5 ? "terbuka" : "diselesaikan", i % 3 ? "hi" : "budget, hi"));
  const awal = { keparahan: "semua", status: "semua", tabel: "semua", keluarga: "semua", cari: "", n: PER_HALAMAN };
  it("filters by severity, status and source family, in rank order", () => {
    const r = saring(rows, { ...awal, keparahan: "error", keluarga: "budget" });
    expect(r.map((x) => x.peringkat)).toEqual([...r.map((x) => x.peringkat)].sort((a, b) => a - b));
    expect(r.every((x) => x.keparahan === "error" && x.keluarga_sumber.includes("budget"))).toBe(true);
    expect(r).toHaveLength(10);
  });
  it("lists a page at a time, each finding expanding to its cells", () => {
    const root = document.createElement("div");
    renderMasalah(document, root, rows, awal);
    expect(root.querySelectorAll(".daftar-kerja > li")).toHaveLength(25);
    expect(root.querySelector("[data-lagi]")?.textContent).toBe("Tampilkan 25 lagi");
    expect(root.querySelectorAll("details")[0]!.textContent).toContain("Yang harus dilakukan: betulkan sel");
    expect(root.querySelectorAll("details table")[0]?.textContent).toContain("LKjIP 2024, Tabel 3.16");
    expect(root.querySelectorAll("details table")[1]?.textContent).toContain("hi/a.csv");
    expect(root.querySelector('[data-bagian="jumlah"]')?.textContent).toContain("Menampilkan 25 dari 60");
  });
  it("filters by a table named in the document's terms, whose reference holds a comma", () => {
    const dua = [m(1, "error", "terbuka", "budget"), { ...m(2, "error", "terbuka", "budget"), tabel: "LKjIP 2024, Lampiran C; LKjIP 2024, Tabel 3.2" }];
    expect(saring(dua, { ...awal, tabel: "LKjIP 2024, Tabel 3.2" }).map((r) => r.masalah_id)).toEqual(["M-2"]);
    const root = document.createElement("div");
    renderMasalah(document, root, dua, awal);
    expect([...root.querySelectorAll('[data-input="tabel"] option')].map((o) => o.textContent)).toEqual(["Semua", "LKjIP 2024, Lampiran C", "LKjIP 2024, Tabel 3.2", "Tabel 3.1"]);
  });
});

describe("writeArrow", () => {
  it("writes typed columns the browser reads back exactly", async () => {
    const dir = await mkdtemp(join(tmpdir(), "arrow-"));
    try {
      await writeArrow(join(dir, "x.arrow"), { rows: [{ t: 2024, v: "1234567890123456.78", b: true }, { t: null, v: null, b: false }], kolom: { t: "bulat", v: "teks", b: "logika" } });
      const tab = tableFromIPC(await readFile(join(dir, "x.arrow")));
      expect(tab.toArray().map((r) => r.toJSON())).toEqual([{ t: 2024, v: "1234567890123456.78", b: true }, { t: null, v: null, b: false }]);
      expect(String(tab.schema.fields.map((f) => f.type))).toBe("Int32,Utf8,Bool");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
