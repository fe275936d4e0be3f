/** Hubungan industrial: disputes by kecamatan and sector, and conflicting versions of the same counts. */
import * as Plot from "@observablehq/plot";
import { asalTip, PALET, pendek, tickAngka } from "./common.js";

export interface VersiRow {
  kategori: string;
  versi: string;
  jumlah: number | null;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/**
 * The same count as each document states it, side by side (e.g. PB 47 in the data sheet vs 40 in
 * KETERANGAN). A version that does not state the count gets no bar and the label "tidak ada".
 */
export function versiBerdampingan(rows: VersiRow[], kategori: string[], versi: string[]): Plot.PlotOptions {
  const drawn = rows.filter((r) => r.jumlah !== null) as (VersiRow & { jumlah: number })[];
  const label = (d: VersiRow) => (d.jumlah === null ? "tidak ada" : tickAngka(d.jumlah));
  return {
    width: 960,
    height: 340,
    marginBottom: 40,
    fx: { domain: kategori, label: null, padding: 0.12 },
    x: { domain: versi, axis: null, padding: 0.1 },
    y: { label: "Kasus", tickFormat: tickAngka, grid: true },
    color: { legend: true, domain: versi, range: PALET.slice(0, versi.length) },
    marks: [
      Plot.barY(drawn, { fx: "kategori", x: "versi", y: "jumlah", fill: "versi", title: (d: VersiRow) => `${d.kategori} · ${d.versi}: ${label(d)}${asalTip(d)}` }),
      Plot.text(rows, { fx: "kategori", x: "versi", y: (d: VersiRow) => d.jumlah ?? 0, text: label, dy: -7, fill: "#1f2933" }),
      Plot.ruleY([0]),
    ],
  };
}

export interface KecamatanRow {
  kecamatan: string;
  kasus: number;
  karyawan: number | null;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Disputes by kecamatan, largest first. */
export function kasusKecamatan(rows: KecamatanRow[]): Plot.PlotOptions {
  const data = [...rows].sort((a, b) => b.kasus - a.kasus || a.kecamatan.localeCompare(b.kecamatan));
  return {
    width: 900,
    height: 40 + data.length * 24,
    marginLeft: 220,
    marginRight: 40,
    x: { label: "Kasus", tickFormat: tickAngka, grid: true },
    y: { domain: data.map((d) => d.kecamatan), label: null, tickFormat: (d: string) => pendek(d, 36) },
    marks: [
      Plot.barX(data, {
        y: "kecamatan",
        x: "kasus",
        fill: "#4269d0",
        title: (d: KecamatanRow) => `${d.kecamatan}: ${tickAngka(d.kasus)} kasus, ${d.karyawan === null ? "–" : tickAngka(d.karyawan)} pekerja${asalTip(d)}`,
      }),
      Plot.text(data, { y: "kecamatan", x: "kasus", text: (d: KecamatanRow) => tickAngka(d.kasus), textAnchor: "start", dx: 4 }),
      Plot.ruleX([0]),
    ],
  };
}

export interface SektorRow {
  sektor: string;
  jenis: string;
  kasus: number;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

export const JENIS_PERSELISIHAN = ["Hak", "PHK", "Kepentingan", "Antar SP/SB"];

/** Disputes by business sector, stacked by dispute type. */
export function kasusSektor(rows: SektorRow[], sektor: string[]): Plot.PlotOptions {
  return {
    width: 960,
    height: 50 + sektor.length * 28,
    marginLeft: 340,
    marginRight: 30,
    x: { label: "Kasus", tickFormat: tickAngka, grid: true },
    y: { domain: sektor, label: null, tickFormat: (d: string) => pendek(d, 55) },
    color: { legend: true, domain: JENIS_PERSELISIHAN, range: PALET.slice(0, 4) },
    marks: [
      Plot.barX(rows, { y: "sektor", x: "kasus", fill: "jenis", title: (d: SektorRow) => `${d.sektor} · ${d.jenis}: ${tickAngka(d.kasus)} kasus${asalTip(d)}` }),
      Plot.ruleX([0]),
    ],
  };
}
