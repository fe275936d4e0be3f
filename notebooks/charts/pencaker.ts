/** Pencari kerja (AK-I): stock and flows, placement rates, competing IKU definitions. */
import * as Plot from "@observablehq/plot";
import { asalTip, pendek, tickAngka } from "./common.js";

export const TAHAP_ARUS = ["Sisa tahun lalu", "Terdaftar", "Ditempatkan", "Dihapus", "Sisa akhir"] as const;
export const JENIS_KELAMIN: Record<string, string> = { L: "Laki-laki", W: "Perempuan" };

export interface ArusRow {
  pendidikan: string;
  tahap: string;
  jenis_kelamin: string;
  jumlah: number;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Five panels in flow order (sisa lalu -> terdaftar -> ditempatkan / dihapus -> sisa akhir), bars by education, stacked by sex. */
export function arusPencaker(rows: ArusRow[], pendidikan: string[]): Plot.PlotOptions {
  const tahap = TAHAP_ARUS.filter((t) => rows.some((r) => r.tahap === t));
  return {
    width: 1000,
    height: 380,
    marginLeft: 55,
    marginBottom: 45,
    fx: { domain: tahap, label: null, padding: 0.08 },
    x: { domain: pendidikan, label: null, tickRotate: -35 },
    y: { label: "Orang", tickFormat: tickAngka, grid: true },
    color: { legend: true, domain: ["Laki-laki", "Perempuan"], range: ["#4269d0", "#ff725c"] },
    marks: [
      Plot.barY(rows, {
        fx: "tahap",
        x: "pendidikan",
        y: "jumlah",
        fill: "jenis_kelamin",
        title: (d: ArusRow) => `${d.tahap} · ${d.pendidikan} · ${d.jenis_kelamin}: ${tickAngka(d.jumlah)} orang${asalTip(d)}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}

export interface PenempatanRow {
  pendidikan: string;
  /** "Laki-laki", "Perempuan" or "Semua". */
  kelompok: string;
  persen: number;
  label: string;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Placement rate (ditempatkan / terdaftar) by education, per sex and overall. */
export function tingkatPenempatan(rows: PenempatanRow[], pendidikan: string[], rataRata?: number): Plot.PlotOptions {
  const marks: Plot.Markish[] = [
    Plot.ruleY(pendidikan, { stroke: "#e4e7eb" }),
    Plot.dot(rows, {
      y: "pendidikan",
      x: "persen",
      fill: "kelompok",
      symbol: "kelompok",
      r: 5,
      title: (d: PenempatanRow) => `${d.pendidikan} · ${d.kelompok}: ${d.label}${asalTip(d)}`,
    }),
  ];
  if (rataRata !== undefined) marks.push(Plot.ruleX([rataRata], { stroke: "#37474f", strokeDasharray: "4,3" }));
  return {
    width: 900,
    height: 60 + pendidikan.length * 34,
    marginLeft: 70,
    x: { label: "Ditempatkan / terdaftar (%)", tickFormat: tickAngka, grid: true, zero: true },
    y: { domain: pendidikan, label: null },
    color: { legend: true, domain: ["Laki-laki", "Perempuan", "Semua"], range: ["#4269d0", "#ff725c", "#1f2933"] },
    symbol: { domain: ["Laki-laki", "Perempuan", "Semua"], range: ["circle", "square", "diamond"] },
    marks,
  };
}

export interface DefinisiRow {
  label: string;
  persen: number;
  /** "Definisi utama (gudang data)", "Definisi lain", "Angka terbit LKjIP". */
  jenis: string;
  teks: string;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

export const JENIS_DEFINISI = ["Definisi utama (gudang data)", "Definisi lain", "Angka terbit LKjIP"];

/** The same IKU under each named definition, side by side, with the published figure. */
export function definisiIku(rows: DefinisiRow[]): Plot.PlotOptions {
  const data = rows.map((r) => ({ ...r, y: pendek(r.label, 60) }));
  const maks = Math.max(10, ...data.map((d) => d.persen));
  return {
    width: 960,
    height: 50 + data.length * 34,
    marginLeft: 380,
    marginRight: 60,
    x: { label: "Hasil (%)", tickFormat: tickAngka, grid: true, domain: [0, maks * 1.15] },
    y: { domain: data.map((d) => d.y), label: null },
    color: { legend: true, domain: JENIS_DEFINISI, range: ["#0b5394", "#9fc5e8", "#e69138"] },
    marks: [
      Plot.barX(data, { y: "y", x: "persen", fill: "jenis", title: (d: (typeof data)[number]) => `${d.label}: ${d.teks}${asalTip(d)}` }),
      Plot.text(data, { y: "y", x: "persen", text: "teks", textAnchor: "start", dx: 4, fill: "#1f2933" }),
    ],
  };
}
