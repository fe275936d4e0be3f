/**
 * Indonesian number formatting, the one formatter of the project (tables, findings, pages): "." groups thousands, "," separates
 * decimals. Every helper takes the exact decimal text DuckDB returns (e.g. "3536506.280000") and
 * never lets the value pass through a JS number, so 1234567890123456.78 prints digit for digit.
 */
import { Decimal } from "decimal.js";

/**
 * Half-up matches the project's display policy `bulat_2` (docs/design.md). The precision is
 * generous because DECIMAL(28,6) values must survive any arithmetic here unrounded.
 */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

/** Plain or exponent decimal text; NaN/Infinity and hex/binary literals that decimal.js accepts are rejected. */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseDecimal(text: string): Dec {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) throw new Error(`bukan angka: "${text}"`);
  return new D(t);
}

const formatters = new Map<number, Intl.NumberFormat>();

/**
 * Formats a plain fixed-point string ("-1234567.5") Indonesian-style with Intl's id-ID grouping.
 * Intl.NumberFormat reads a numeric string as an exact decimal (ES2023, Node 20), so no digit
 * passes through a JS float; the decimals printed are exactly those of the string.
 */
export function indonesian(fixed: string): string {
  const dot = fixed.indexOf(".");
  const digits = dot < 0 ? 0 : fixed.length - dot - 1;
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  // A value that rounds to zero would otherwise print as "-0".
  const text = /[1-9]/.test(fixed) ? fixed : fixed.replace(/^-/, "");
  return (f.format as unknown as (x: string) => string)(text);
}

/**
 * Rupiah to the sen, decimals only when there are sen: "15.094.099.333", "3.536.506,28". The
 * report prints whole rupiah without ",00", and a value with sen always with two digits.
 */
export function formatRupiah(text: string): string {
  return indonesian(rupiahFixed(text));
}

/** Rounded to the sen; no decimals when the sen are zero. Shared with the XLSX writer. */
export function rupiahFixed(text: string): string {
  const v = parseDecimal(text).toDecimalPlaces(2);
  return v.isInteger() ? v.toFixed(0) : v.toFixed(2);
}

/** Percent with exactly two decimals, half-up: 99.1888 -> "99,19", 100 -> "100,00". */
export function formatPersen(text: string): string {
  return indonesian(persenFixed(text));
}

export function persenFixed(text: string): string {
  return parseDecimal(text).toFixed(2);
}

/** The exact value, trailing zeros dropped: "1234.500000" -> "1.234,5", "12.000000" -> "12". */
export function formatAngka(text: string): string {
  return indonesian(angkaFixed(text));
}

export function angkaFixed(text: string): string {
  // toFixed() without digits never switches to exponent notation, unlike toString().
  return parseDecimal(text).toFixed();
}

/**
 * A count: "12.345". A fractional value is an error rather than rounded away, because it means
 * the column is not a count and the config should say `angka`.
 */
export function formatBilangan(text: string): string {
  return indonesian(bilanganFixed(text));
}

export function bilanganFixed(text: string): string {
  const v = parseDecimal(text);
  if (!v.isInteger()) throw new Error(`bukan bilangan bulat: "${text}" (gunakan format angka)`);
  return v.toFixed(0);
}

/** Digits after the decimal point of a fixed-point string: the number format an XLSX cell needs. */
export function decimalsOf(fixed: string): number {
  const dot = fixed.indexOf(".");
  return dot < 0 ? 0 : fixed.length - dot - 1;
}

/**
 * Rounded half-up to at most `maxDigits` decimals, at least `minDigits` kept: the pages' format
 * ("15.094.099.333", "79,78", "4,4").
 */
export function formatDesimal(text: string, maxDigits = 2, minDigits = 0): string {
  const v = parseDecimal(text).toDecimalPlaces(maxDigits);
  const fixed = v.toFixed(Math.max(minDigits, Math.min(maxDigits, v.decimalPlaces())));
  return indonesian(fixed);
}
