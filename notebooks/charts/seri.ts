/**
 * An indicator over the years for one region, honestly: one line per series (same source class and
 * definition), broken where a year is missing; other series and other regions as dots, never joined;
 * the axis in the unit the value is stated in. Pure: rows in, Plot options out (server and browser).
 */
import * as Plot from "@observablehq/plot";
import { angka, tickAngka, tickTahun } from "../angka.js";
import { pendek } from "./common.js";

/** One row of marts.indikator_seri as the notebooks ship it (numbers as exact decimal text). */
export interface SeriTitik {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat_wilayah: string;
  indikator: string;
  nama_indikator: string;
  satuan: string | null;
  tahun: number;
  nilai: string;
  kelas: string;
  seri: string;
  definisi: string;
  sumber: string;
  utama: boolean;
  selisih: string | null;
  selisih_persen: string | null;
  source_file: string | null;
  provenance: string | null;
}

const WARNA = ["#0b5394", "#b45f06", "#38761d", "#741b47", "#134f5c", "#7f6000"];

/** Rows of one series in year order, with a break (NaN) wherever a year is missing. */
export function denganCelah(rows: SeriTitik[]): { tahun: number; y: number; seri: string }[] {
  const out: { tahun: number; y: number; seri: string }[] = [];
  const urut = [...rows].sort((a, b) => a.tahun - b.tahun);
  urut.forEach((r, i) => {
    if (i > 0 && r.tahun - urut[i - 1]!.tahun > 1) out.push({ tahun: r.tahun - 0.5, y: NaN, seri: r.seri });
    out.push({ tahun: r.tahun, y: Number(r.nilai), seri: r.seri });
  });
  return out;
}

export function labelSumbu(rows: SeriTitik[]): string {
  const r = rows[0];
  if (!r) return "Nilai";
  return r.satuan ? `${r.nama_indikator} (${r.satuan})` : r.nama_indikator;
}

const tip = {
  Nilai: (d: SeriTitik) => `${angka(d.nilai, 2)}${d.satuan ? ` ${d.satuan}` : ""}`,
  Sumber: (d: SeriTitik) => d.sumber,
  Asal: (d: SeriTitik) => d.provenance ?? d.source_file ?? "–",
};

/** Trend of `rows` (one region, one indicator); `banding` = the same indicator in other regions. */
export function seriTren(rows: SeriTitik[], opts: { tahunFokus?: number | null; banding?: SeriTitik[] } = {}): Plot.PlotOptions {
  const banding = opts.banding ?? [];
  const semua = [...rows, ...banding];
  const tahun = semua.map((r) => r.tahun);
  const lo = Math.min(...tahun);
  const hi = Math.max(...tahun);
  const seri = [...new Set(rows.map((r) => r.seri))];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: "transparent" })];
  if (banding.length)
    marks.push(
      Plot.dot(banding, {
        x: "tahun",
        y: (d: SeriTitik) => Number(d.nilai),
        r: 3,
        fill: "#9aa5b1",
        fillOpacity: 0.7,
        tip: true,
        channels: { Wilayah: "nama_wilayah", Seri: "seri", ...tip },
      }),
    );
  for (const s of seri) {
    const garis = denganCelah(rows.filter((r) => r.seri === s && r.utama));
    // A line needs two consecutive years; a lone year is a dot only.
    if (garis.filter((g) => Number.isFinite(g.y)).length > 1) marks.push(Plot.line(garis, { x: "tahun", y: "y", stroke: "seri", strokeWidth: 2.2 }));
  }
  if (opts.tahunFokus != null) marks.push(Plot.ruleX([opts.tahunFokus], { stroke: "#52606d", strokeDasharray: "3,3" }));
  // Hollow: another figure of the same series for that year (not on the line).
  for (const utama of [false, true])
    marks.push(
      Plot.dot(
        rows.filter((r) => r.utama === utama),
        {
          x: "tahun",
          y: (d: SeriTitik) => Number(d.nilai),
          stroke: "seri",
          ...(utama ? { fill: "seri" } : { fill: "white" }),
          r: 4.5,
          strokeWidth: 1.6,
          tip: true,
          channels: { Wilayah: "nama_wilayah", Seri: "seri", ...tip },
        },
      ),
    );
  const years = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return {
    width: 900,
    height: 380,
    marginLeft: 64,
    marginRight: 24,
    x: { domain: [lo - 0.4, hi + 0.4], ticks: years, tickFormat: tickTahun, label: "Tahun" },
    y: { label: labelSumbu(rows), tickFormat: tickAngka, grid: true, zero: false, nice: true, inset: 12 },
    color: { legend: true, domain: seri, range: seri.map((_, i) => WARNA[i % WARNA.length]!) },
    marks,
  };
}

/** One year across regions: a value in its context when a region has a single point. */
export function seriKonteks(rows: SeriTitik[], fokus: string): Plot.PlotOptions {
  const urut = [...rows].sort((a, b) => Number(b.nilai) - Number(a.nilai));
  return {
    width: 700,
    height: 40 + 26 * urut.length,
    marginLeft: 220,
    marginRight: 60,
    x: { label: labelSumbu(rows), tickFormat: tickAngka, grid: true },
    y: { label: null, domain: urut.map((r) => `${r.nama_wilayah} · ${r.seri}`) },
    marks: [
      Plot.barX(urut, {
        y: (d: SeriTitik) => `${d.nama_wilayah} · ${d.seri}`,
        x: (d: SeriTitik) => Number(d.nilai),
        fill: (d: SeriTitik) => (d.kode_wilayah === fokus ? "#0b5394" : "#9aa5b1"),
        tip: true,
        channels: { Wilayah: "nama_wilayah", Seri: "seri", ...tip },
      }),
      Plot.text(urut, { y: (d: SeriTitik) => `${d.nama_wilayah} · ${d.seri}`, x: (d: SeriTitik) => Number(d.nilai), text: (d: SeriTitik) => angka(d.nilai, 2), dx: 4, textAnchor: "start" }),
    ],
  };
}

/** The most years any one series of `rows` has: the comparable points a trend could rest on. */
export function titikSebanding(rows: SeriTitik[]): { n: number; seri: string | null } {
  const per = new Map<string, Set<number>>();
  for (const r of rows) if (r.utama) (per.get(r.seri) ?? per.set(r.seri, new Set()).get(r.seri)!).add(r.tahun);
  let best: { n: number; seri: string | null } = { n: 0, seri: null };
  for (const [s, ys] of per) if (ys.size > best.n) best = { n: ys.size, seri: s };
  return best;
}

/** Fewer comparable points than this give no on-track/off-track verdict. */
export const MIN_TITIK_STATUS = 3;

/**
 * Which figures a region holds: one row per indicator and series, a dot per year with a figure
 * (hollow: another figure of that series for the year), the chosen year marked. Positions only, no
 * values on a shared axis: the indicators have different units.
 */
export function seriKetersediaan(rows: SeriTitik[], tahunFokus: number | null): Plot.PlotOptions {
  const baris = (d: SeriTitik) => `${d.nama_indikator} · ${d.seri}`;
  const domain = [...new Set([...rows].sort((a, b) => a.nama_indikator.localeCompare(b.nama_indikator, "id") || a.seri.localeCompare(b.seri, "id")).map(baris))];
  const tahun = rows.map((r) => r.tahun);
  const lo = Math.min(...tahun, tahunFokus ?? Infinity);
  const hi = Math.max(...tahun, tahunFokus ?? -Infinity);
  const years = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const seri = [...new Set(rows.map((r) => r.seri))];
  return {
    width: 900,
    height: 60 + 26 * domain.length,
    marginLeft: 320,
    marginRight: 24,
    x: { domain: [lo - 0.5, hi + 0.5], ticks: years, tickFormat: tickTahun, label: "Tahun" },
    y: { domain, label: null, tickFormat: (d: string) => `${pendek(d.slice(0, d.lastIndexOf(" · ")), 34)}${d.slice(d.lastIndexOf(" · "))}` },
    color: { legend: true, domain: seri, range: seri.map((_, i) => WARNA[i % WARNA.length]!) },
    marks: [
      ...(tahunFokus == null ? [] : [Plot.ruleX([tahunFokus], { stroke: "#52606d", strokeDasharray: "3,3" })]),
      ...[false, true].map((utama) =>
        Plot.dot(
          rows.filter((r) => r.utama === utama),
          { x: "tahun", y: baris, stroke: "seri", ...(utama ? { fill: "seri" } : { fill: "white" }), r: 5, strokeWidth: 1.6, tip: true, channels: { Indikator: "nama_indikator", Tahun: "tahun", Seri: "seri", ...tip } },
        ),
      ),
    ],
  };
}
