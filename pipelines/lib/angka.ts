/**
 * Parser for numbers as Indonesian office sheets print them ("angka").
 *
 * One function is the single definition of what a cell means; it is used directly in TS and,
 * registered as DuckDB scalar functions (see duckdb.ts), inside SQL on the bulk path.
 * Values come back as decimal.js Decimals: never through a JS float.
 */
import { Decimal } from "decimal.js";

export type ThousandsSeparator = "." | ",";

export interface AngkaOptions {
  /** Thousands separator the sheet uses. Most sheets: "." (id-ID); a few exports use ",". */
  thousands?: ThousandsSeparator;
  /** "machine": plain "1234.56" as in CSVs written by programs (published-figures). */
  style?: "id" | "machine";
}

/** Scale words printed as suffixes: 7,3T = 7,3 triliun. */
const SCALES: Record<string, string> = { T: "1e12", M: "1e9", JT: "1e6", RB: "1e3" };

export type Angka =
  | { kind: "number"; value: Decimal; decimals: number; percent: boolean; scale: string | null }
  /** Empty cell. */
  | { kind: "empty" }
  /** A dash ("-", "Rp. -"): nil in a count column, "not stated" in others; the layout decides. */
  | { kind: "dash" }
  /** Spreadsheet overflow ("###"): the value existed but was not printed. */
  | { kind: "broken" }
  | { kind: "invalid"; reason: string };

/** Digits DECIMAL(28,6) holds before and after the point. */
export const MAX_WHOLE_DIGITS = 22;
export const MAX_DECIMALS = 6;

const DASHES = new Set(["-", "–", "—", "--"]);

export function parseAngka(input: string | null | undefined, options: AngkaOptions = {}): Angka {
  const thousands = options.thousands ?? ".";
  let s = (input ?? "").replace(/\u00a0/g, " ").trim();
  if (s === "") return { kind: "empty" };
  if (/^#+$/.test(s)) return { kind: "broken" };

  let negative = false;
  // Accounting negatives: "(Rp. 989.390.100)" and "Rp. (145.172.002)".
  const paren = /^(rp\.?\s*)?\((.*)\)$/i.exec(s);
  if (paren) {
    negative = true;
    s = `${paren[1] ?? ""}${paren[2]}`.trim();
  }
  s = s.replace(/^rp\.?\s*/i, "").trim();
  s = s.replace(/,-$/, "").replace(/\s*sen$/i, "").trim();
  if (DASHES.has(s)) return negative ? { kind: "invalid", reason: "tanda kurung tanpa angka" } : { kind: "dash" };
  if (s === "") return { kind: "invalid", reason: "tidak ada angka (hanya 'Rp')" };
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = !negative;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  }

  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let scale: string | null = null;
  const scaleMatch = /^(.*?)\s*(T|M|Jt|Rb)$/i.exec(s);
  if (scaleMatch && /\d$/.test(scaleMatch[1] ?? "")) {
    scale = scaleMatch[2]!.toUpperCase();
    s = scaleMatch[1]!.trim();
  }
  if (!/^[0-9.,]+$/.test(s)) return { kind: "invalid", reason: `karakter tidak dikenal dalam angka` };
  if (!/^[0-9]/.test(s) || !/[0-9]$/.test(s)) return { kind: "invalid", reason: "pemisah di awal atau akhir angka" };

  const digits = options.style === "machine" ? machineDigits(s) : indonesianDigits(s, thousands);
  if (typeof digits !== "string") return digits;

  // The warehouse holds DECIMAL(28,6): a longer figure cannot be kept exactly, so it is refused
  // here (naming the cell) instead of failing inside DuckDB or being rounded silently.
  const [whole = "", frac = ""] = digits.split(".");
  if (whole.replace(/^0+(?=\d)/, "").length + (scale ? Number(SCALES[scale]!.slice(2)) : 0) > MAX_WHOLE_DIGITS) {
    return { kind: "invalid", reason: `angka terlalu panjang (lebih dari ${MAX_WHOLE_DIGITS} digit sebelum koma)` };
  }
  if (frac.length > MAX_DECIMALS) return { kind: "invalid", reason: `lebih dari ${MAX_DECIMALS} angka di belakang koma` };

  let value = new Decimal(digits);
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  if (scale) value = value.times(SCALES[scale]!);
  if (negative) value = value.negated();
  return { kind: "number", value, decimals, percent, scale };
}

function machineDigits(s: string): string | Angka {
  if (s.includes(",") || (s.match(/\./g) ?? []).length > 1) {
    return { kind: "invalid", reason: "format mesin hanya boleh satu titik desimal tanpa pemisah ribuan" };
  }
  return s;
}

/** Returns a plain "1234.56" string, or an invalid result explaining why. */
function indonesianDigits(s: string, thousands: ThousandsSeparator): string | Angka {
  const decimalSep = thousands === "." ? "," : ".";
  let intPart = s;
  let fracPart = "";
  if (thousands === ",") {
    // Comma-thousands sheets print sen after a final comma group of 1-2 digits: 3,766,379,19.
    const groups = s.split(",");
    if (s.includes(".")) return { kind: "invalid", reason: "titik pada lembar yang memakai koma sebagai pemisah ribuan" };
    const last = groups[groups.length - 1]!;
    if (groups.length > 2 && last.length <= 2) {
      fracPart = last;
      intPart = groups.slice(0, -1).join(",");
    }
  } else {
    const parts = s.split(decimalSep);
    if (parts.length > 2) return { kind: "invalid", reason: `lebih dari satu tanda desimal '${decimalSep}'` };
    intPart = parts[0]!;
    fracPart = parts[1] ?? "";
    if (parts.length === 2 && fracPart === "") return { kind: "invalid", reason: "tanda desimal tanpa angka di belakangnya" };
  }
  if (fracPart.includes(thousands)) return { kind: "invalid", reason: "pemisah ribuan di belakang tanda desimal" };
  const groups = intPart.split(thousands);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!/^\d{1,3}$/.test(first!) || rest.some((g) => !/^\d{3}$/.test(g))) {
      return { kind: "invalid", reason: `pengelompokan ribuan tidak teratur ('${thousands}' harus memisahkan tiga digit)` };
    }
  }
  const digits = groups.join("");
  return fracPart ? `${digits}.${fracPart}` : digits;
}

/** Canonical plain decimal text ("-989390100", "99.18"), for DuckDB's exact VARCHAR -> DECIMAL cast. */
export function angkaToPlain(a: Angka): string | null {
  return a.kind === "number" ? a.value.toFixed() : null;
}

/** A quantity with its unit, as Lampiran C prints targets: "3 Dokumen", "### Orang", "69 Orang/Bulan". */
export interface Kuantitas {
  angka: Angka;
  satuan: string | null;
}

export function parseKuantitas(input: string | null | undefined, options: AngkaOptions = {}): Kuantitas {
  const s = (input ?? "").trim();
  const m = /^([#0-9.,()%-]+)\s*(.*)$/.exec(s);
  if (!m) return { angka: parseAngka(s === "" ? "" : s, options), satuan: null };
  return { angka: parseAngka(m[1], options), satuan: m[2] ? m[2].trim() : null };
}
