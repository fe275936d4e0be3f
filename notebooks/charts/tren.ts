/** Tren IKU: realisasi against target over the years, the Renstra path and the projection. */
import * as Plot from "@observablehq/plot";
import { tickAngka, tickTahun } from "./common.js";

export interface TrenRow {
  tahun: number;
  nilai: number;
  /** Series label (Bahasa Indonesia), one of SERI_TREN. */
  seri: string;
  /** Tooltip text (value in id-ID, source). */
  label: string;
  /** False for a point that only anchors a line (the start of the fitted projection). */
  titik?: boolean;
}

export const SERI_TREN = ["Realisasi", "Realisasi sumber lain", "Target (Renstra/PK)", "Proyeksi (tren OLS)"] as const;
const WARNA_SERI = ["#0b5394", "#6fa8dc", "#e69138", "#a64d79"];
const GARIS: Record<string, { dash?: string; width: number } | undefined> = {
  Realisasi: { width: 2.5 },
  "Target (Renstra/PK)": { dash: "6,3", width: 1.8 },
  "Proyeksi (tren OLS)": { dash: "2,3", width: 1.8 },
  // "Realisasi sumber lain": dots only; joining figures of different sources would draw a trend nobody measured.
};

export function trenIku(rows: TrenRow[], opts: { satuan?: string | null; tahunAwal?: number; tahunAkhir?: number } = {}): Plot.PlotOptions {
  const all = rows.map((r) => r.tahun);
  const lo = Math.min(...all, opts.tahunAwal ?? Infinity);
  const hi = Math.max(...all, opts.tahunAkhir ?? -Infinity);
  const years = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const seri = SERI_TREN.filter((s) => rows.some((r) => r.seri === s));
  const marks: Plot.Markish[] = [];
  // Drawn back to front: the projection under the target under the realisation it is fitted to.
  for (const s of [...seri].reverse()) {
    const g = GARIS[s];
    if (!g) continue;
    const d = rows.filter((r) => r.seri === s).sort((a, b) => a.tahun - b.tahun);
    marks.push(Plot.line(d, { x: "tahun", y: "nilai", stroke: "seri", strokeWidth: g.width, strokeDasharray: g.dash }));
  }
  const titik = rows.filter((r) => r.titik !== false);
  marks.push(
    Plot.dot(
      titik.filter((r) => r.seri !== "Realisasi sumber lain"),
      { x: "tahun", y: "nilai", fill: "seri", r: 4, title: (d: TrenRow) => `${d.seri} ${d.tahun}: ${d.label}` },
    ),
    Plot.dot(
      titik.filter((r) => r.seri === "Realisasi sumber lain"),
      { x: "tahun", y: "nilai", stroke: "seri", fill: "white", r: 5, strokeWidth: 1.6, title: (d: TrenRow) => `${d.seri} ${d.tahun}: ${d.label}` },
    ),
  );
  return {
    width: 900,
    height: 380,
    marginLeft: 60,
    marginRight: 30,
    x: { domain: [lo - 0.3, hi + 0.3], ticks: years, tickFormat: tickTahun, label: "Tahun" },
    y: { label: opts.satuan ? `Nilai (${opts.satuan})` : "Nilai", tickFormat: tickAngka, grid: true, zero: false, nice: true, inset: 12 },
    color: { legend: true, domain: [...seri], range: seri.map((s) => WARNA_SERI[SERI_TREN.indexOf(s)]!) },
    marks,
  };
}
