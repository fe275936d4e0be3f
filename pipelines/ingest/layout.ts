/**
 * Layout schema: how one shape of source file is read. Each family declares its layouts in
 * its own layout.ts; the catalogue names the layout of every file.
 */
import { z } from "zod";

export const ColumnSpec = z.object({
  /** Column name in the raw table (English/Indonesian identifier from the glossary). */
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Accepted header labels; matched with normaliseLabel (multi-row headers joined by " / "). */
  headers: z.array(z.string()).min(1),
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
  /** This column is a printed row total of these columns (recorded as a stated total). */
  rowTotalOf: z.array(z.string()).optional(),
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
});
export type Layout = z.input<typeof Layout>;
export type ParsedLayout = z.output<typeof Layout>;

export function defineLayout(layout: Layout): ParsedLayout {
  return Layout.parse(layout);
}
