/**
 * Checks a loaded family against test/expected/<family>.json: facts read off the seed by hand
 * (row counts, header row, sample cells with the text as printed).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Decimal } from "decimal.js";
import { expect } from "vitest";
import { parseAngka, parseKuantitas, type AngkaOptions } from "../../pipelines/lib/angka.js";
import { FAMILIES } from "../../pipelines/ingest/families.js";
import { normaliseLabel } from "../../pipelines/lib/labels.js";
import { sqlIdent, sqlString, type Db } from "../../pipelines/lib/duckdb.js";

interface ExpectedFile {
  headerRow: number;
  dataRows: number;
  totalRows: number;
  cells: { row: number; column: string; value: string }[];
}

export function readExpected(family: string): Record<string, ExpectedFile> {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, `../expected/${family}.json`), "utf8"));
}

export async function expectMatchesSeed(db: Db, family: string): Promise<void> {
  for (const [file, exp] of Object.entries(readExpected(family))) {
    const [meta] = await db.all<{ header_row: number; data_rows: number; total_rows: number; raw_table: string; layout: string }>(
      `SELECT header_row, data_rows, total_rows, raw_table, layout FROM raw.source_files WHERE source_file = ${sqlString(file)}`,
    );
    const layout = FAMILIES.flatMap((f) => f.layouts).find((l) => l.name === meta?.layout);
    const options: AngkaOptions = layout?.numberStyle === "machine" ? { style: "machine" } : { thousands: layout?.thousands ?? "." };
    expect(meta, `${file} is loaded`).toBeDefined();
    expect({ file, headerRow: meta!.header_row, dataRows: meta!.data_rows, totalRows: meta!.total_rows }).toEqual({
      file,
      headerRow: exp.headerRow,
      dataRows: exp.dataRows,
      totalRows: exp.totalRows,
    });
    const columns = await db.all<{ kolom: string; jenis: string; source_column: string }>(
      `SELECT kolom, jenis, source_column FROM raw.source_columns WHERE source_file = ${sqlString(file)}`,
    );
    for (const cell of exp.cells) {
      const col = columns.find((c) => normaliseLabel(c.source_column) === normaliseLabel(cell.column));
      expect(col, `${file}: column "${cell.column}" is mapped`).toBeDefined();
      const actual = await cellValue(db, meta!.raw_table, file, cell.row, col!.kolom, col!.source_column);
      const wanted = comparable(cell.value, col!.jenis, options);
      const where = { file, row: cell.row, column: cell.column };
      if (wanted === DASH) expect({ ...where, value: ["0", null].includes(actual) }).toEqual({ ...where, value: true });
      else expect({ ...where, value: actual }).toEqual({ ...where, value: wanted });
    }
  }
}

/** A cell's loaded value: from the raw table, or from stated totals when its row is a printed total. */
async function cellValue(db: Db, table: string, file: string, row: number, kolom: string, label: string): Promise<string | null> {
  const [data] = await db.all<{ v: string | null }>(
    `SELECT ${sqlIdent(kolom)}::VARCHAR AS v FROM ${table} WHERE source_file = ${sqlString(file)} AND source_row = ${row}`,
  );
  if (data) return normaliseDecimal(data.v);
  const [total] = await db.all<{ v: string | null }>(
    `SELECT nilai::VARCHAR AS v FROM raw.stated_totals WHERE source_file = ${sqlString(file)} AND source_row = ${row} AND source_column = ${sqlString(label)}`,
  );
  return total ? normaliseDecimal(total.v) : "<row not loaded>";
}

function normaliseDecimal(v: string | null): string | null {
  if (v == null) return null;
  return /^-?\d+\.\d+$/.test(v) ? new Decimal(v).toFixed() : v;
}

const DASH = Symbol("dash: zero or missing, as the column declares");

/** What the expected printed text should load as, given the column's type. */
function comparable(text: string, jenis: string, options: AngkaOptions): string | null | typeof DASH {
  if (jenis === "angka" || jenis === "kuantitas") {
    const a = jenis === "angka" ? parseAngka(text, options) : parseKuantitas(text, options).angka;
    if (a.kind === "number") return a.value.toFixed();
    return a.kind === "dash" ? DASH : null;
  }
  return text.trim() === "" ? null : text.trim();
}
