/** Ringkasan: achievement of each IKU, coloured by its Permendagri 86/2017 band. */
import * as Plot from "@observablehq/plot";
import { asalTip, pendek, tickAngka } from "./common.js";

export interface CapaianRow {
  indikator: string;
  /** Exact capaian as a number for drawing; null when it cannot be computed. */
  capaian: number | null;
  /** id-ID text of the exact capaian, printed at the bar end. */
  label: string;
  kriteria: string | null;
  /** Band colour from marts.capaian_indikator.warna_kriteria. */
  warna: string | null;
  /** Where the realisasi was stated (Dasar realisasi) and its cells. */
  sumber?: string | null;
  asal?: string | null;
}

/**
 * Horizontal bars of capaian. Bars are clipped to [0, batas] so one extreme value (a range target
 * far outside its band gives thousands of percent below zero) does not flatten the others; the
 * label always prints the exact value.
 */
export function capaianIku(rows: CapaianRow[]): Plot.PlotOptions {
  const data = rows.map((r) => ({ ...r, y: pendek(r.indikator, 52), warna: r.warna ?? "#b0bec5" }));
  const maks = Math.max(110, ...data.map((d) => d.capaian ?? 0).filter((v) => v <= 250));
  const batas = Math.min(250, Math.ceil(maks / 10) * 10 + 30);
  const potong = (v: number | null) => (v === null ? 0 : Math.max(0, Math.min(batas, v)));
  return {
    width: 960,
    height: 50 + data.length * 30,
    marginLeft: 330,
    marginRight: 20,
    x: { domain: [0, batas], label: "Capaian (%)", tickFormat: tickAngka, grid: true },
    y: { label: null, domain: data.map((d) => d.y) },
    marks: [
      Plot.barX(data, {
        y: "y",
        x: (d: (typeof data)[number]) => potong(d.capaian),
        fill: "warna",
        title: (d: (typeof data)[number]) => `${d.indikator}\nCapaian: ${d.label}\nKriteria: ${d.kriteria ?? "–"}${d.sumber ? `\nSumber: ${d.sumber}` : ""}${asalTip(d)}`,
      }),
      Plot.ruleX([100], { stroke: "#37474f", strokeDasharray: "4,3" }),
      Plot.text(data, {
        y: "y",
        x: (d: (typeof data)[number]) => potong(d.capaian),
        // A clipped bar says so: its length is not its value.
        text: (d: (typeof data)[number]) => (d.capaian !== null && (d.capaian < 0 || d.capaian > batas) ? `${d.label} (di luar sumbu)` : d.label),
        textAnchor: "start",
        dx: 4,
        fill: "#1f2933",
      }),
    ],
  };
}
