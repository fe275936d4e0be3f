/**
 * Layout schema: how one shape of source file is read. Each family declares its layouts in
 * its own layout.ts; the catalogue names the layout of every file.
 */
import { z } from "zod";

/**
 * Plausible values of a number column. A cell outside it is loaded as empty and recorded in
 * raw.cell_flags as `di_luar_domain` (an error finding), or fails the load when `onViolation` is
 * "fail". Scale suffixes (7,3T) are refused in every number column unless `scale` allows them.
 */
export const Domain = z.object({
  /** Inclusive bounds, as exact decimal text. */
  min: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
  max: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
  /** Whole numbers only (counts); `1,003` in such a column is flagged as ambiguous. */
  integer: z.boolean().optional(),
  scale: z.boolean().optional(),
  /** Default "flag". */
  onViolation: z.enum(["flag", "fail"]).optional(),
});
export type Domain = z.input<typeof Domain>;

/** A count of people, cases, companies: a whole number, never negative. */
export const COUNT: Domain = { min: "0", integer: true };
/** A rate in percent of a whole (TPT, share of a total). */
export const PERCENT: Domain = { min: "0", max: "100" };
/** Money in rupiah: no scale words in a ledger column. */
export const AMOUNT: Domain = {};

/**
 * The engine maps fixed column keys, so a layout whose year columns differ from document to document
 * (the years a BPS table prints, a Renstra's period) declares every year of this range as an optional
 * column; the models read the years a file prints from raw.source_columns, by key pattern. Widen the
 * range when documents reach beyond it (a year outside it would not be mapped).
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2050;
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

export const ColumnSpec = z.object({
  /** Column name in the raw table (English/Indonesian identifier from the glossary). */
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Accepted header labels; matched with normaliseLabel (multi-row headers joined by " / "). */
  headers: z.array(z.string()).min(1),
  /**
   * Header labels that carry a year of the document ("Sampai Tahun 2024"): regular expressions,
   * case-insensitive, tested against the normalised label (normaliseLabel: lower case, " / "
   * between header rows). A year in a header is the document's, never the layout's; the printed
   * label stays in raw.source_columns, where models read the year from it.
   */
  headerPatterns: z.array(z.string()).optional(),
  /**
   * text: verbatim. angka: a number; an unreadable cell fails the load. kuantitas: number + unit
   * ("3 Dokumen"). kode_rekening: budget code, parsed and flagged when malformed.
   * teks_angka: a published claim kept verbatim ("111%", "7,3T", "Zona Hijau") plus its number and
   * printed decimals when it reads as one; never fails (claims are checked, not rejected).
   */
  type: z.enum(["text", "angka", "kuantitas", "kode_rekening", "teks_angka"]),
  /**
   * What "-" means in this column: "zero" (nil, as in counts: BPS convention) or "missing"
   * (not stated, as in the "after change" column of an allocation table). Either way the cell is
   * recorded in raw.cell_flags.
   */
  dash: z.enum(["zero", "missing"]).default("missing"),
  /** A header that may be absent (older sheets); its column is then NULL. */
  optional: z.boolean().default(false),
  /**
   * Optional columns sharing this name form a group of which at least one must be printed (the
   * years a table covers): a file with none of them would otherwise load with no figures at all.
   */
  group: z.string().optional(),
  /** This column is a printed row total of these columns (recorded as a stated total). */
  rowTotalOf: z.array(z.string()).optional(),
  /** The values this (angka/kuantitas) column can plausibly hold; see Domain. */
  domain: z.lazy(() => Domain).optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const Layout = z.object({
  name: z.string().regex(/^[a-z0-9]+\.[a-z0-9_]+$/),
  /** Raw table (schema raw). Files of the same layout append to it. */
  table: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /**
   * "sheet": small hand-made sheets read by csv-parse / exceljs.
   * "bulk": exports that can be large, read by DuckDB's read_csv.
   */
  reader: z.enum(["sheet", "bulk"]),
  /** Rows forming the header (parents first); merged parent cells are filled rightwards. */
  headerRows: z.number().int().min(1).max(5),
  /** Rows right under the header that are not data (e.g. the column-number row "1, 2, 3, ..."). */
  skipAfterHeader: z.number().int().min(0).default(0),
  thousands: z.enum([".", ","]).default("."),
  /** "machine" for CSVs written by programs ("4.05" = four point zero five). */
  numberStyle: z.enum(["id", "machine"]).default("id"),
  columns: z.array(ColumnSpec).min(1),
  /**
   * SQL predicate (over the raw column keys, in braces) marking printed total rows. Their
   * figures become stated totals (claims to check), never data rows.
   */
  totalWhen: z.string().optional(),
  /** Which columns a total row sums; default: each angka column sums itself over the data rows. */
  totalSums: z.record(z.string(), z.array(z.string())).optional(),
  /**
   * SQL predicate over the raw table's columns selecting the rows a printed total sums
   * (e.g. only program rows of a tree); default: all data rows of the file.
   */
  totalRowsFilter: z.string().optional(),
  /** SQL predicate marking note rows (footnotes, legends) under the data. */
  noteWhen: z.string().optional(),
  /** A file of this layout may hold no data rows (e.g. no resolution recorded yet). */
  mayBeEmpty: z.boolean().default(false),
  /**
   * Identity cues printed in the title lines above the header. `tahun`: a regex (case-insensitive)
   * whose first group is the period's year; `wilayah`: the title names the region (matched against
   * the names in the catalogued bps.wilayah list). A cue that contradicts the catalogue fails the load.
   */
  cues: z.object({ tahun: z.string().optional(), wilayah: z.boolean().default(false) }).optional(),
});
export type Layout = z.input<typeof Layout>;
export type ParsedLayout = z.output<typeof Layout>;

export function defineLayout(layout: Layout): ParsedLayout {
  return Layout.parse(layout);
}
