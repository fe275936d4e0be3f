/** Anggaran: pagu vs realisasi, APBD -> APBD-P changes, absorption vs capaian, physical vs financial progress. */
import * as Plot from "@observablehq/plot";
import { tickMiliar } from "../angka.js";
import { asalTip, PALET, pendek, tickAngka } from "./common.js";

export interface PaguRow {
  program: string;
  tahun: string;
  pagu: number;
  realisasi: number;
  /** id-ID text of % realisasi. */
  label: string;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Per program and year: pagu (light bar) with realisasi (solid bar) over it. */
export function paguRealisasi(rows: PaguRow[], program: string[]): Plot.PlotOptions {
  const tahun = [...new Set(rows.map((r) => r.tahun))].sort();
  return {
    width: 980,
    height: 40 + program.length * tahun.length * 24 + program.length * 10,
    marginLeft: 300,
    marginRight: 70,
    fy: { domain: program, label: null, tickFormat: (d: string) => pendek(d, 45), padding: 0.15 },
    y: { domain: tahun, axis: null, padding: 0.1 },
    x: { label: "Rupiah (miliar)", tickFormat: tickMiliar, grid: true },
    color: { legend: true, domain: tahun, range: PALET.slice(0, tahun.length) },
    marks: [
      Plot.barX(rows, { fy: "program", y: "tahun", x: "pagu", fill: "tahun", fillOpacity: 0.3, title: (d: PaguRow) => `${d.program} ${d.tahun}\nPagu: Rp ${tickAngka(d.pagu)}${asalTip(d)}` }),
      Plot.barX(rows, {
        fy: "program",
        y: "tahun",
        x: "realisasi",
        fill: "tahun",
        title: (d: PaguRow) => `${d.program} ${d.tahun}\nRealisasi: Rp ${tickAngka(d.realisasi)} (${d.label})${asalTip(d)}`,
      }),
      Plot.text(rows, { fy: "program", y: "tahun", x: "pagu", text: (d: PaguRow) => `${d.tahun}: ${d.label}`, textAnchor: "start", dx: 4, fontSize: 9 }),
      Plot.ruleX([0]),
    ],
  };
}

export interface PerubahanRow {
  program: string;
  /** Which document states the change ("Tabel 2.9", "Lampiran C"). */
  versi: string;
  nilai: number | null;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** The APBD -> APBD-P change per program as each document states it; NULL (not stated) gets no bar. */
export function perubahanApbd(rows: PerubahanRow[], program: string[], versi: string[]): Plot.PlotOptions {
  const drawn = rows.filter((r) => r.nilai !== null) as (PerubahanRow & { nilai: number })[];
  const label = (d: PerubahanRow) => (d.nilai === null ? "tidak dinyatakan" : `Rp ${tickAngka(d.nilai)}`);
  return {
    width: 980,
    height: 40 + program.length * versi.length * 22 + program.length * 10,
    marginLeft: 300,
    marginRight: 150,
    fy: { domain: program, label: null, tickFormat: (d: string) => pendek(d, 45), padding: 0.15 },
    y: { domain: versi, axis: null, padding: 0.1 },
    x: { label: "Bertambah/berkurang (Rupiah, miliar)", tickFormat: tickMiliar, grid: true },
    color: { legend: true, domain: versi, range: PALET.slice(0, versi.length) },
    marks: [
      Plot.barX(drawn, { fy: "program", y: "versi", x: "nilai", fill: "versi", title: (d: PerubahanRow) => `${d.program} · ${d.versi}: ${label(d)}${asalTip(d)}` }),
      Plot.text(rows, { fy: "program", y: "versi", x: (d: PerubahanRow) => Math.max(0, d.nilai ?? 0), text: label, textAnchor: "start", dx: 4, fontSize: 9 }),
      Plot.ruleX([0]),
    ],
  };
}

export interface SerapanRow {
  program: string;
  serapan: number;
  capaian: number;
  label: string;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Budget absorption (x) against the IKU achievement (y); above the diagonal: more result than spending. */
export function serapanCapaian(rows: SerapanRow[]): Plot.PlotOptions {
  const maks = Math.max(110, ...rows.map((r) => Math.max(r.serapan, r.capaian))) * 1.1;
  return {
    width: 760,
    height: 460,
    marginLeft: 60,
    marginRight: 30,
    x: { domain: [0, maks], label: "Realisasi anggaran program (%)", tickFormat: tickAngka, grid: true },
    y: { domain: [0, maks], label: "Capaian kinerja IKU (%)", tickFormat: tickAngka, grid: true },
    marks: [
      Plot.line([[0, 0], [maks, maks]], { stroke: "#b0bec5", strokeDasharray: "4,3" }),
      Plot.ruleX([100], { stroke: "#cfd8dc" }),
      Plot.ruleY([100], { stroke: "#cfd8dc" }),
      Plot.dot(rows, { x: "serapan", y: "capaian", r: 6, fill: "#0b5394", title: (d: SerapanRow) => `${d.program}\n${d.label}${asalTip(d)}` }),
      Plot.text(rows, { x: "serapan", y: "capaian", text: (d: SerapanRow) => pendek(d.program, 40), dy: -12, fill: "#1f2933" }),
    ],
  };
}

export interface ProgresRow {
  program: string;
  /** "Fisik" or "Keuangan". */
  jenis: string;
  persen: number;
  label: string;
  /** The cell(s) the figure comes from (tooltip). */
  asal?: string | null;
}

/** Each program's pagu-weighted physical progress next to its financial realisation. */
export function fisikKeuangan(rows: ProgresRow[], program: string[]): Plot.PlotOptions {
  return {
    width: 980,
    height: 40 + program.length * 2 * 22 + program.length * 10,
    marginLeft: 300,
    marginRight: 60,
    fy: { domain: program, label: null, tickFormat: (d: string) => pendek(d, 45), padding: 0.15 },
    y: { domain: ["Fisik", "Keuangan"], axis: null, padding: 0.1 },
    x: { domain: [0, 110], label: "Progres (%)", tickFormat: tickAngka, grid: true },
    color: { legend: true, domain: ["Fisik", "Keuangan"], range: ["#6aa84f", "#0b5394"] },
    marks: [
      Plot.barX(rows, { fy: "program", y: "jenis", x: "persen", fill: "jenis", title: (d: ProgresRow) => `${d.program} · ${d.jenis}: ${d.label}${asalTip(d)}` }),
      Plot.text(rows, { fy: "program", y: "jenis", x: "persen", text: "label", textAnchor: "start", dx: 4, fontSize: 9 }),
      Plot.ruleX([0]),
    ],
  };
}
