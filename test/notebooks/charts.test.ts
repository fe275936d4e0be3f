/**
 * The pure chart functions: given rows, Plot draws the expected number of marks, ticks are in id-ID
 * format, years print without a thousands separator, and text from sources stays text.
 */
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { afterAll, describe, expect, it } from "vitest";
import { paguRealisasi, perubahanApbd, serapanCapaian, fisikKeuangan } from "../../notebooks/charts/anggaran.js";
import { capaianIku } from "../../notebooks/charts/capaian.js";
import { asalSel } from "../../notebooks/charts/common.js";
import { kasusKecamatan, kasusSektor, versiBerdampingan } from "../../notebooks/charts/hi.js";
import { bandingWilayah, seriWilayah } from "../../notebooks/charts/pasar.js";
import { arusPencaker, definisiIku, tingkatPenempatan } from "../../notebooks/charts/pencaker.js";
import { temuanPer } from "../../notebooks/charts/temuan.js";
import { denganCelah, seriKonteks, seriTren, titikSebanding, type SeriTitik } from "../../notebooks/charts/seri.js";
import { angka, gambar, persen, rasio, rupiah } from "../../notebooks/site.js";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
const document = dom.window.document;
afterAll(() => dom.window.close());

/** Renders like the site does and returns the chart's <svg> (Plot wraps it in a <figure> with a legend). */
function svg(options: Plot.PlotOptions): SVGSVGElement {
  const out = Plot.plot({ ...options, document }) as unknown as Element;
  const s = out.tagName.toLowerCase() === "svg" ? out : out.querySelector(":scope > svg");
  if (!s) throw new Error("no svg");
  return s as SVGSVGElement;
}

/** Drawn elements of a mark (faceted marks nest one <g> per facet; <title> is the tooltip). */
const marks = (s: Element, kind: string) => s.querySelectorAll(`g[aria-label="${kind}"] :not(g):not(title)`).length;
const ticks = (s: Element, axis: string) => [...s.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? "");

describe("number formatting (id-ID)", () => {
  it("formats exact decimal strings without a float round trip", () => {
    expect(angka("15094099333.000000", 0)).toBe("15.094.099.333");
    expect(angka("1234567890123456.78", 2)).toBe("1.234.567.890.123.456,78");
    expect(persen("17.8571428571")).toBe("17,86%");
    expect(rupiah("-145172002.000000")).toBe("Rp -145.172.002");
    expect(angka(null)).toBe("–");
    expect(rasio("630.000000", "3528.000000")).toBe("17.8571428571");
    expect(rasio("1", "0")).toBeNull();
  });
});

describe("chart functions", () => {
  it("capaianIku: one bar per IKU, clipped bars labelled, id-ID labels", () => {
    const s = svg(
      capaianIku([
        { indikator: "A", capaian: 99.19, label: "99,19%", kriteria: "Sangat Tinggi", warna: "#1b5e20" },
        { indikator: "B", capaian: -2657.14, label: "-2.657,14%", kriteria: "Sangat Rendah", warna: "#c62828" },
        { indikator: "C", capaian: null, label: "tidak dapat dihitung", kriteria: null, warna: null },
      ]),
    );
    expect(marks(s, "bar")).toBe(3);
    const labels = [...s.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels).toContain("-2.657,14% (di luar sumbu)");
    // The band colour is used as given (identity), not re-mapped by a colour scale.
    expect(s.querySelector('g[aria-label="bar"] rect[fill="#1b5e20"]')).not.toBeNull();
  });

  it("seriTren: a missing year breaks the line, another series is its own line, the axis names the unit", () => {
    const t = (tahun: number, nilai: string, seri: string, utama = true): SeriTitik => ({
      kode_wilayah: "6403", nama_wilayah: "Kab", tingkat_wilayah: "kabupaten/kota", indikator: "tpt", nama_indikator: "TPT", satuan: "%",
      tahun, nilai, kelas: seri, seri, definisi: "tahunan", sumber: `sumber ${seri}`, utama, selisih: null, selisih_persen: null,
      source_file: "bps/x.csv", provenance: "bps/x.csv baris 2 kolom 2024",
    });
    const rows = [t(2020, "5.7", "Kutipan"), t(2022, "4.14", "Kutipan"), t(2023, "4.05", "Kutipan"), t(2024, "4.05", "Tabel BPS"), t(2024, "4.11", "Kutipan", false)];
    // 2021 is missing: a break (NaN) between 2020 and 2022, never a segment across it.
    expect(denganCelah(rows.filter((r) => r.seri === "Kutipan" && r.utama)).map((g) => g.tahun)).toEqual([2020, 2021.5, 2022, 2023]);
    const s = svg(seriTren(rows, { tahunFokus: 2023 }));
    // One line for Kutipan (the lone Tabel BPS year is a dot only); its path has two pieces (the gap).
    const paths = [...s.querySelectorAll('g[aria-label="line"] path')];
    expect(paths).toHaveLength(1);
    expect((paths[0]!.getAttribute("d")!.match(/M/g) ?? []).length).toBe(2);
    expect(marks(s, "dot")).toBe(5);
    expect(s.querySelector('g[aria-label="y-axis label"]')?.textContent).toContain("TPT (%)");
    expect(titikSebanding(rows)).toEqual({ n: 3, seri: "Kutipan" });
    // A single year across regions is drawn as values in context: one bar per region.
    expect(marks(svg(seriKonteks([t(2024, "4.05", "Tabel BPS"), { ...t(2024, "5.14", "Kutipan"), kode_wilayah: "64" }], "6403")), "bar")).toBe(2);
  });

  it("arusPencaker: bars per stage x education x sex, thousands with a dot", () => {
    const rows = ["Sisa tahun lalu", "Terdaftar"].flatMap((tahap) =>
      ["SD", "SMA"].flatMap((p) => [
        { pendidikan: p, tahap, jenis_kelamin: "Laki-laki", jumlah: 4751 },
        { pendidikan: p, tahap, jenis_kelamin: "Perempuan", jumlah: 1795 },
      ]),
    );
    const s = svg(arusPencaker(rows, ["SD", "SMA"]));
    expect(marks(s, "bar")).toBe(8);
    const y = ticks(s, "y");
    expect(y).toContain("1.000");
    expect(y.some((t) => t.includes(","))).toBe(false);
  });

  it("tingkatPenempatan and definisiIku: one dot / bar per row", () => {
    const s = svg(
      tingkatPenempatan(
        [
          { pendidikan: "SD", kelompok: "Laki-laki", persen: 1.2, label: "1,2%" },
          { pendidikan: "SD", kelompok: "Semua", persen: 1.5, label: "1,5%" },
        ],
        ["SD"],
        1.4,
      ),
    );
    expect(marks(s, "dot")).toBe(2);
    expect(ticks(s, "x").some((t) => /^\d,\d$/.test(t))).toBe(true);
    const d = svg(definisiIku([{ label: "X / Y", persen: 17.86, jenis: "Definisi utama (gudang data)", teks: "17,86%" }, { label: "Terbit", persen: 18.86, jenis: "Angka terbit LKjIP", teks: "18,86%" }]));
    expect(marks(d, "bar")).toBe(2);
  });

  it("versiBerdampingan: a version that states no figure gets no bar but a label", () => {
    const s = svg(
      versiBerdampingan(
        [
          { kategori: "PB", versi: "Lembar data HI", jumlah: 47 },
          { kategori: "PB", versi: "KETERANGAN", jumlah: 40 },
          { kategori: "PB", versi: "Jumlah tabel per sektor", jumlah: null },
        ],
        ["PB"],
        ["Lembar data HI", "KETERANGAN", "Jumlah tabel per sektor"],
      ),
    );
    expect(marks(s, "bar")).toBe(2);
    const labels = [...s.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["47", "40", "tidak ada"]));
  });

  it("kasusKecamatan: text from a source stays text (tick label and tooltip)", () => {
    const evil = "<script>alert(1)</script><b>x</b>";
    const s = svg(kasusKecamatan([{ kecamatan: evil, kasus: 2, karyawan: 16 }, { kecamatan: "KEC. LOA KULU", kasus: 6, karyawan: 57 }]));
    expect(marks(s, "bar")).toBe(2);
    expect(s.querySelector("script")).toBeNull();
    expect(s.querySelector("b")).toBeNull();
    expect(s.outerHTML).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(ticks(s, "y")).toContain(evil);
  });

  it("kasusSektor, budget charts and findings: bar counts", () => {
    expect(marks(svg(kasusSektor([{ sektor: "A", jenis: "Hak", kasus: 5 }, { sektor: "A", jenis: "PHK", kasus: 28 }], ["A"])), "bar")).toBe(2);
    const pagu = svg(
      paguRealisasi(
        [
          { program: "P1", tahun: "2023", pagu: 12_833_400_000, realisasi: 11_954_520_480, label: "93,15%" },
          { program: "P1", tahun: "2024", pagu: 16_052_340_000, realisasi: 11_567_169_818, label: "72,06%" },
        ],
        ["P1"],
      ),
    );
    expect(marks(pagu, "bar")).toBe(4); // pagu + realisasi per year
    expect(ticks(pagu, "x")).toContain("10 M");
    const p = svg(perubahanApbd([{ program: "P", versi: "Tabel 2.9", nilai: null }, { program: "P", versi: "Lampiran C", nilai: 0 }], ["P"], ["Tabel 2.9", "Lampiran C"]));
    expect(marks(p, "bar")).toBe(1);
    expect(marks(svg(serapanCapaian([{ program: "P", serapan: 88.96, capaian: 172.2, label: "x" }])), "dot")).toBe(1);
    expect(marks(svg(fisikKeuangan([{ program: "P", jenis: "Fisik", persen: 99.5, label: "99,5%" }, { program: "P", jenis: "Keuangan", persen: 88.9, label: "88,9%" }], ["P"])), "bar")).toBe(2);
    const t = svg(temuanPer([{ kategori: "Tabel 3.2", keparahan: "rounding", status: "terbuka", n: 8 }, { kategori: "Tabel 3.2", keparahan: "error", status: "terbuka", n: 12 }], { label: "Tabel" }));
    expect(marks(t, "bar")).toBe(2);
  });

  it("seriWilayah: two sources for one year are two distinct dots with the source in the tooltip", () => {
    const rows = [
      { tahun: 2023, nilai: 4.05, wilayah: "Kutai Kartanegara", jenis: "Kutipan terbitan", keterangan: "Sumber: presisi.co" },
      { tahun: 2023, nilai: 4.9, wilayah: "Kutai Kartanegara", jenis: "Kutipan terbitan", keterangan: "Sumber: eksekutor.com" },
      { tahun: 2024, nilai: 4.05, wilayah: "Kutai Kartanegara", jenis: "Tabel BPS", keterangan: "Sumber: Tabel BPS" },
      { tahun: 2021, nilai: 6.83, wilayah: "Kalimantan Timur", jenis: "Kutipan terbitan", keterangan: "Sumber: kaltim.bps.go.id" },
    ];
    const s = svg(seriWilayah(rows, ["Kutai Kartanegara", "Kalimantan Timur"], { label: "TPT (%)" }));
    const dots = [...s.querySelectorAll('g[aria-label="dot"] :not(g):not(title)')];
    expect(dots).toHaveLength(4);
    const pos = dots.map((d) => d.getAttribute("transform"));
    expect(new Set(pos).size).toBe(4);
    expect(dots.map((d) => d.querySelector("title")?.textContent)).toEqual(expect.arrayContaining(["Sumber: presisi.co", "Sumber: eksekutor.com"]));
    // Symbol by kind of source: the BPS table is drawn with another shape than the quotes.
    const shapes = new Set(dots.map((d) => d.getAttribute("d")));
    expect(shapes.size).toBe(2);
    expect(ticks(s, "x")).toEqual(["2021", "2022", "2023", "2024"]);
    const b = svg(bandingWilayah([{ wilayah: "A", nilai: 4.05, jenis: "Tabel BPS", fokus: true, keterangan: "x" }, { wilayah: "B", nilai: 6.1, jenis: "Kutipan terbitan", fokus: false, keterangan: "y" }], { label: "TPT (%)" }));
    expect(marks(b, "dot")).toBe(2);
  });

  it("gambar: a chart with a legend keeps one figure with svg, legend and caption", () => {
    const fig = gambar(document, tingkatPenempatan([{ pendidikan: "SD", kelompok: "Semua", persen: 3, label: "3%" }], ["SD"]), "Judul", "Sumber: x");
    expect(fig.tagName.toLowerCase()).toBe("figure");
    expect(fig.querySelectorAll(":scope > svg")).toHaveLength(1);
    expect(fig.querySelector("figure figure")).toBeNull();
    expect(fig.querySelector("figcaption")?.textContent).toBe("Sumber: x Unduh CSV / XLSX");
    // The download links write the rows the chart draws, shipped beside it.
    expect(JSON.parse(fig.querySelector("script[data-grafik]")!.textContent!)).toEqual([{ pendidikan: "SD", kelompok: "Semua", persen: 3, label: "3%" }]);
  });
});

describe("asalSel", () => {
  it("names a tooltip's cell: file, row and column; a list of files once each, its rows in order and capped", () => {
    expect(asalSel("hi/x.csv", 11, "kasus")).toBe("hi/x.csv baris 11 kolom kasus");
    expect(asalSel('["b/c.csv","b/c.csv","b/a.csv"]', "[9,2,2]", "pagu")).toBe("b/c.csv, b/a.csv baris 2, 9 kolom pagu");
    expect(asalSel("b/c.csv", [8, 7, 6, 5, 4, 3, 2, 1])).toBe("b/c.csv baris 1, 2, 3, 4, 5, 6 … (8 baris)");
    expect(asalSel(null, 3)).toBeNull();
  });
});
