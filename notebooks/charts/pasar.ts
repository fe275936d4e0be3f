/** Pasar kerja: TPT / TKK by region over the years, every source kept apart. */
import * as Plot from "@observablehq/plot";
import { PALET, pendek, tickAngka, tickTahun } from "./common.js";

export const JENIS_SUMBER: Record<string, string> = { tabel_bps: "Tabel BPS", kutipan: "Kutipan terbitan" };

export interface PasarRow {
  tahun: number;
  nilai: number;
  wilayah: string;
  /** Label of jenis_sumber (JENIS_SUMBER). */
  jenis: string;
  /** Tooltip: value, source, period. */
  keterangan: string;
}

/**
 * Dots per (region, year, source). Several sources for the same year sit side by side (a small
 * horizontal offset) and differ in symbol by kind of source, so none hides another.
 */
export function seriWilayah(rows: PasarRow[], wilayah: string[], opts: { label: string }): Plot.PlotOptions {
  const groups = new Map<string, PasarRow[]>();
  for (const r of rows) {
    const k = `${r.wilayah}|${r.tahun}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const data = [...groups.values()].flatMap((g) => g.map((r, i) => ({ ...r, xg: r.tahun + (i - (g.length - 1) / 2) * 0.12 })));
  const lo = Math.min(...rows.map((r) => r.tahun));
  const hi = Math.max(...rows.map((r) => r.tahun));
  const years = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const jenis = Object.values(JENIS_SUMBER);
  return {
    width: 960,
    height: 380,
    marginLeft: 50,
    x: { domain: [lo - 0.5, hi + 0.5], ticks: years, tickFormat: tickTahun, label: "Tahun" },
    y: { label: opts.label, tickFormat: tickAngka, grid: true, nice: true, inset: 12 },
    color: { legend: true, domain: wilayah, range: PALET.slice(0, wilayah.length) },
    symbol: { legend: true, domain: jenis, range: ["square", "circle"] },
    marks: [
      Plot.dot(data, { x: "xg", y: "nilai", stroke: "wilayah", fill: "wilayah", fillOpacity: 0.25, symbol: "jenis", r: 5, strokeWidth: 1.6, title: "keterangan" }),
    ],
  };
}

export interface BandingRow {
  wilayah: string;
  nilai: number;
  jenis: string;
  fokus: boolean;
  keterangan: string;
}

/** One year, every region with a figure, the report's region highlighted. */
export function bandingWilayah(rows: BandingRow[], opts: { label: string }): Plot.PlotOptions {
  const urutan = [...new Map(rows.map((r) => [r.wilayah, r.nilai])).entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return {
    width: 900,
    height: 50 + urutan.length * 28,
    marginLeft: 230,
    x: { label: opts.label, tickFormat: tickAngka, grid: true, nice: true, inset: 12 },
    y: { domain: urutan, label: null, tickFormat: (d: string) => pendek(d, 36) },
    color: { domain: ["Wilayah terpilih", "Wilayah lain"], range: ["#c62828", "#4269d0"], legend: true },
    symbol: { legend: true, domain: Object.values(JENIS_SUMBER), range: ["square", "circle"] },
    marks: [
      Plot.ruleY(urutan, { stroke: "#eceff1" }),
      Plot.dot(rows, {
        y: "wilayah",
        x: "nilai",
        symbol: "jenis",
        stroke: (d: BandingRow) => (d.fokus ? "Wilayah terpilih" : "Wilayah lain"),
        fill: (d: BandingRow) => (d.fokus ? "Wilayah terpilih" : "Wilayah lain"),
        fillOpacity: 0.3,
        r: 5,
        title: "keterangan",
      }),
    ],
  };
}
