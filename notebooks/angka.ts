/**
 * Numbers on the pages, in the server render and in the browser alike (no DOM, no Node APIs here).
 * Values from the warehouse are exact decimal strings, formatted by the project's one formatter
 * (pipelines/lib/format.ts) with no float round trip.
 */
import { Decimal } from "decimal.js";
import { formatDesimal } from "../pipelines/lib/format.js";

export const KOSONG = "–";

function numeric(v: unknown): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim()) ? v.trim() : null;
  return null;
}

/** Exact a / b x 100 as decimal text (10 decimals), null when b is 0 or missing. */
export function rasio(a: unknown, b: unknown): string | null {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null || new Decimal(y).isZero()) return null;
  return new Decimal(x).times(100).div(y).toFixed(10);
}

/** Exact sum of decimal texts. */
export function jumlah(values: unknown[]): string | null {
  const xs = values.map(numeric).filter((v): v is string | number => v !== null);
  return xs.length ? xs.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0)).toFixed() : null;
}

/** id-ID number: "15.094.099.333", "79,78". `maxDigits` decimals at most, `minDigits` at least. */
export function angka(v: unknown, maxDigits = 2, minDigits = 0): string {
  const n = numeric(v);
  if (n === null) return KOSONG;
  return formatDesimal(typeof n === "number" ? String(n) : n, maxDigits, minDigits);
}

export function persen(v: unknown, digits = 2): string {
  const s = angka(v, digits);
  return s === KOSONG ? s : `${s}%`;
}

export function rupiah(v: unknown): string {
  const s = angka(v, 0);
  return s === KOSONG ? s : `Rp ${s}`;
}

/** A figure for a chart (floats are fine for drawing; tables use the exact text). */
export function nilai(v: unknown): number | null {
  const n = numeric(v);
  return n === null ? null : Number(n);
}

/** Tick formatter for Plot axes: id-ID separators. */
export function tickAngka(d: number): string {
  return angka(d, 2);
}

/** Years print as written ("2024"), never with a thousands separator. */
export function tickTahun(d: number | string): string {
  return String(d);
}

/** Rupiah in billions for axes ("12,5 M"). */
export function tickMiliar(d: number): string {
  return `${angka(d / 1e9, 1)} M`;
}

export function teks(v: unknown): string {
  if (v === null || v === undefined) return KOSONG;
  return String(v);
}

