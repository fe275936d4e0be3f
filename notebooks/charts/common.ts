/**
 * Shared pieces of the chart functions. Chart functions are pure: rows in, Plot options out; the
 * page renders them (site.ts `gambar`) and the unit tests render them with jsdom.
 */
import { tickAngka, tickTahun } from "../angka.js";

export { tickAngka, tickTahun };

/** Shortens a long label for an axis; the full text stays in the mark's title (tooltip). */
export function pendek(s: string, max = 48): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The tooltip's last line: the cell (or cells) a figure comes from, when the chart's rows carry it. */
export const asalTip = (d: { asal?: string | null }): string => (d.asal ? `\nAsal: ${d.asal}` : "");

/** "hi/x.csv baris 9 kolom kasus" from a mart row's source_file (one file or a JSON list) and source_row. */
export function asalSel(file: unknown, row: unknown, kolom?: string): string | null {
  // A list column reaches the browser as JSON text (Arrow files carry it as text).
  const daftar = (x: unknown): unknown[] => (Array.isArray(x) ? x : typeof x === "string" && x.startsWith("[") ? (JSON.parse(x) as unknown[]) : [x]);
  const f = [...new Set(daftar(file).filter((x): x is string => typeof x === "string" && x !== ""))].join(", ");
  if (!f) return null;
  const rows = [...new Set(daftar(row).filter((x) => x !== null && x !== undefined && x !== "").map(Number))].sort((a, b) => a - b);
  const baris = !rows.length ? "" : rows.length <= 6 ? ` baris ${rows.join(", ")}` : ` baris ${rows.slice(0, 6).join(", ")} … (${rows.length} baris)`;
  return `${f}${baris}${kolom ? ` kolom ${kolom}` : ""}`;
}

/** Distinct values in first-seen order. */
export function urut<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Categorical palette (Plot's observable10), readable on white. */
export const PALET = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];

export const WARNA_KEPARAHAN: Record<string, string> = {
  error: "#c62828",
  warning: "#f9a825",
  rounding: "#90a4ae",
};

/** The same words as the check step's summary line and the exports (kesalahan, peringatan, pembulatan). */
export const LABEL_KEPARAHAN: Record<string, string> = {
  error: "Kesalahan",
  warning: "Peringatan",
  rounding: "Pembulatan",
};
