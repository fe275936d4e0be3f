/** The page views without a browser: states made whole against the data, inputs that filter, Arrow column types. */
import { JSDOM } from "jsdom";
import { afterAll, describe, expect, it } from "vitest";
import { TAMPILAN_ANGGARAN } from "../../notebooks/anggaran-view.js";
import { TAMPILAN_PASAR } from "../../notebooks/pasar-view.js";
import { TAMPILAN_RINGKASAN } from "../../notebooks/ringkasan-view.js";
import { arrowDari } from "../../notebooks/site.js";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
const document = dom.window.document;
afterAll(() => dom.window.close());
const nama = { nama: { "64": "Provinsi Kalimantan Timur", "6403": "Kabupaten Kutai Kartanegara", "6471": "Kota Balikpapan" } };

describe("arrowDari", () => {
  it("types whole numbers as Int32, booleans as Bool, decimals and text as text", () => {
    const a = arrowDari([{ tahun: 2024, nilai: "4.05", utama: true, catatan: null }, { tahun: 2023, nilai: "4.9", utama: false, catatan: "x" }]);
    expect(a.kolom).toEqual({ tahun: "bulat", nilai: "teks", utama: "logika", catatan: "teks" });
  });
});

describe("Pasar kerja view", () => {
  const tpt = (kode: string, tahun: number, nilai: string, jenis = "kutipan") => ({ kode_wilayah: kode, tahun, nilai, jenis_sumber: jenis, sumber: "x", periode: null, url_sumber: null, source_file: "bps/x.csv", source_row: 2 });
  const data = { tpt: [tpt("64", 2023, "5.31"), tpt("6403", 2023, "4.05"), tpt("6471", 2023, "6.09"), tpt("6403", 2024, "4.05", "tabel_bps")], tkk: [], seri: [] };
  it("falls back from a stale region to the report's, and compares in the year most regions have", () => {
    expect(TAMPILAN_PASAR.rapikan(data, { wilayah: "9999" }, { ...nama, utama: "6403" })).toEqual({ wilayah: "6403", indikator: "tpt", sumber: "semua", tahun: 2023 });
  });
  it("a source kind keeps only its figures and years", () => {
    const k = TAMPILAN_PASAR.rapikan(data, { wilayah: "6403", sumber: "tabel_bps", tahun: "2023" }, { ...nama, utama: "6403" });
    expect(k.tahun).toBe(2024);
    const root = document.createElement("div");
    TAMPILAN_PASAR.render(document, root, data, k, { ...nama, utama: "6403" });
    expect(root.querySelectorAll('g[aria-label="dot"] path, g[aria-label="dot"] circle').length).toBeGreaterThan(0);
    expect([...root.querySelectorAll("table")].at(-1)!.querySelectorAll("tbody tr")).toHaveLength(1);
  });
});

describe("Ringkasan view", () => {
  const iku = (tahun: number, kode: string, realisasi: string, selisih: string | null) => ({
    kode_wilayah: "6403", tahun, kunci_indikator: kode, indikator: `IKU ${kode}`, satuan: "%", target: "90", target_teks: null, realisasi, realisasi_lalu: null,
    selisih, selisih_persen: selisih === null ? null : "12.5", sumber_realisasi: "x", capaian: "95", kriteria: "Sangat Tinggi", warna_kriteria: "#1b5e20",
    target_source_file: null, realisasi_klaim_source_file: null,
  });
  const data = { iku: [iku(2023, "a", "80", null), iku(2024, "a", "90", "10"), iku(2024, "b", "50", null)], pkLain: [], skala: [] };
  it("shows the chosen year's IKU with the change from the year before, or one IKU over every year", () => {
    const konfig = { ...nama, utama: "6403" };
    const root = document.createElement("div");
    TAMPILAN_RINGKASAN.render(document, root, data, TAMPILAN_RINGKASAN.rapikan(data, {}, konfig), konfig);
    const baris = [...root.querySelectorAll("tbody tr")].map((tr) => tr.textContent);
    expect(baris).toHaveLength(2);
    expect(baris[0]).toContain("+10");
    TAMPILAN_RINGKASAN.render(document, root, data, TAMPILAN_RINGKASAN.rapikan(data, { indikator: "a" }, konfig), konfig);
    expect([...root.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual(["2023", "2024"]);
  });
});

describe("Anggaran view", () => {
  const baris = (tahun: number, kode: string | null, jenis: string, pagu: string) => ({ kode_wilayah: "6403", tahun, urutan: 1, jenis_baris: jenis, kode_program: kode, program: kode ? `Program ${kode}` : "Jumlah", pagu, realisasi: pagu, sisa: "0", persentase_realisasi: "100", sumber: "x", source_file: "budget/x.csv" });
  const data = {
    realisasi: [baris(2023, "1.01", "program", "100"), baris(2024, "1.01", "program", "120"), baris(2024, "1.02", "program", "50"), baris(2024, null, "total", "170")],
    tahunan: [{ ...baris(2024, "1.01", "program", "120"), selisih_pagu: "20", selisih_pagu_persen: "20" }, { ...baris(2024, "1.02", "program", "50"), selisih_pagu: null, selisih_pagu_persen: null }],
    perubahan: [], efisiensi: [], lampiranC: [],
  };
  it("a program keeps only its rows, in the year-over-year table and over the years", () => {
    const konfig = { ...nama, utama: "6403" };
    const k = TAMPILAN_ANGGARAN.rapikan(data, { program: "1.01" }, konfig);
    expect(k).toEqual({ wilayah: "6403", tahun: 2024, program: "1.01" });
    const root = document.createElement("div");
    TAMPILAN_ANGGARAN.render(document, root, data, k, konfig);
    const tabel = root.querySelectorAll("table");
    expect(tabel[0]!.querySelectorAll("tbody tr")).toHaveLength(1);
    expect(tabel[0]!.textContent).toContain("Rp 20 (20%)");
    expect([...tabel[1]!.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual(["2023", "2024"]);
  });
});
