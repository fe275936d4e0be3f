/**
 * Test helpers for the reconciliation checks: a fresh in-memory DuckDB with the indicator functions and
 * the shared macros (models/macros/*.sql), small synthetic input tables, and a runner that evaluates one
 * check exactly as pipelines/reconcile/run.ts does (INSERT into the evaluated-item shape), so a test sees
 * the same types and values the real build sees, without loading any source file.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { loadConfig, runMacros } from "../../pipelines/models/run.js";
import { registerIndicatorFunctions } from "../../models/indicators/register.js";
import { Db, sqlString } from "../../pipelines/lib/duckdb.js";
import { EVALUATED_COLUMNS, EVALUATED_NAMES } from "../../pipelines/reconcile/evaluated.js";
import { shiftedTotalsSql, statedTotalsSql } from "../../pipelines/reconcile/stated-totals.js";

export const MODELS = resolve(import.meta.dirname, "../../models");
export const CHECKS = join(MODELS, "checks");

export interface Anggota {
  peran: string;
  nilai: string | null;
  teks: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  kolom: string | null;
}

export interface Kandidat {
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  kolom: string | null;
  nilai_sekarang: string | null;
  nilai_pemulih: string | null;
}

/** One evaluated item, as recon.evaluasi stores it (DECIMAL as exact strings). */
export interface Evaluated {
  [key: string]: unknown;
  kode_wilayah: string | null;
  tahun: number | null;
  tabel: string | null;
  kunci: string;
  kunci_indikator: string | null;
  keluarga: string | null;
  nilai_diharapkan: string | null;
  nilai_aktual: string | null;
  gagal: boolean;
  keparahan: string;
  penjelasan: string | null;
  anggota: Anggota[];
  kandidat: Kandidat[];
}

/** An in-memory database ready to run checks: indicator functions and every shared macro. */
export async function checkDb(): Promise<Db> {
  const db = await Db.open(":memory:");
  registerIndicatorFunctions(db);
  // The project configuration (labels, scales) and macros, exactly as the build provides them.
  await loadConfig(db, join(MODELS, "config"));
  await runMacros(db, join(MODELS, "macros"));
  // Every loaded warehouse has the column register (printed headers); checks name columns from it.
  await db.run(`CREATE SCHEMA IF NOT EXISTS raw`);
  await db.run(`CREATE TABLE raw.source_columns (source_file VARCHAR, source_sheet VARCHAR, raw_table VARCHAR, kolom VARCHAR, jenis VARCHAR,
                source_column VARCHAR, posisi INTEGER, huruf_kolom VARCHAR)`);
  return db;
}

type Cell = string | number | boolean | null | Cell[];

function literal(v: Cell): string {
  if (v === null) return "NULL";
  if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
  if (typeof v === "string") return sqlString(v);
  return String(v);
}

/**
 * Creates `name` (schema created when missing) with the given typed columns and rows. Numbers may be
 * given as strings ("12014647880.00"): DuckDB casts them into the declared DECIMAL exactly, so no test
 * value passes through a JS float.
 */
export async function table(db: Db, name: string, columns: Record<string, string>, rows: Cell[][]): Promise<void> {
  const schema = name.includes(".") ? name.split(".")[0]! : null;
  if (schema) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const cols = Object.entries(columns);
  await db.run(`CREATE OR REPLACE TABLE ${name} (${cols.map(([c, t]) => `"${c}" ${t}`).join(", ")})`);
  for (const r of rows) {
    if (r.length !== cols.length) throw new Error(`${name}: ${r.length} values for ${cols.length} columns`);
    await db.run(`INSERT INTO ${name} VALUES (${r.map(literal).join(", ")})`);
  }
}

/** Evaluates SQL in the shape of a check through the same INSERT the runner uses. */
export async function evaluate(db: Db, sql: string): Promise<Evaluated[]> {
  await db.run(`CREATE OR REPLACE TEMP TABLE evaluasi_uji (${EVALUATED_COLUMNS})`);
  await db.run(`INSERT INTO evaluasi_uji SELECT ${EVALUATED_NAMES.join(", ")} FROM (${sql})`);
  return db.all<Evaluated>(`SELECT * FROM evaluasi_uji ORDER BY kunci`);
}

/** Runs models/checks/<name>.sql (read from the repository, as the build does). */
export async function runCheck(db: Db, name: string): Promise<Evaluated[]> {
  const sql = (await readFile(join(CHECKS, `${name}.sql`), "utf8")).trim().replace(/;\s*$/, "");
  return evaluate(db, sql);
}

/** Runs the generated printed-total check (catalogue id total_tercetak) over raw.stated_totals. */
export async function runShiftedTotals(db: Db): Promise<Evaluated[]> {
  const sql = await shiftedTotalsSql(db);
  if (!sql) return [];
  return evaluate(db, sql);
}

export async function runStatedTotals(db: Db): Promise<Evaluated[]> {
  const sql = await statedTotalsSql(db);
  if (!sql) return [];
  return evaluate(db, sql);
}

/** "file:row:kolom" of a conflict member or fix candidate, to assert which cell a check names. */
export const cellOf = (m: { source_file: string | null; source_row: number | null; kolom: string | null }) =>
  `${m.source_file}:${m.source_row}:${m.kolom}`;

export const failing = (rows: Evaluated[]) => rows.filter((r) => r.gagal);

/** The single evaluated item whose key contains `part` (fails loudly when none or several). */
export function item(rows: Evaluated[], part: string): Evaluated {
  const hits = rows.filter((r) => r.kunci.includes(part));
  if (hits.length !== 1) throw new Error(`expected one item with key containing "${part}", got ${hits.length}: ${rows.map((r) => r.kunci).join(", ")}`);
  return hits[0]!;
}

/** Column types of raw.stated_totals, as the loader creates it (pipelines/ingest). */
export const STATED_TOTALS_COLUMNS = {
  source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER", source_sha256: "VARCHAR",
  kode_wilayah: "VARCHAR", tahun: "INTEGER", layout: "VARCHAR", raw_table: "VARCHAR", label: "VARCHAR",
  source_column: "VARCHAR", kolom: "VARCHAR", nilai: "DECIMAL(28,6)", teks: "VARCHAR", lingkup: "VARCHAR",
  kolom_bagian: "VARCHAR[]", baris_bagian: "VARCHAR",
};

/** One raw.stated_totals row (a printed total), with the columns a test cares about. */
export function statedTotal(t: {
  file: string; row: number; rawTable: string; layout?: string; label?: string | null; kolom: string; column?: string;
  nilai: string | null; teks: string; lingkup: "kolom" | "baris" | "rasio"; bagian: string[]; barisBagian?: string | null;
}): Cell[] {
  return [
    t.file, null, t.row, "sha", "6403", 2024, t.layout ?? "uji.layout", t.rawTable, t.label ?? null,
    t.column ?? t.kolom, t.kolom, t.nilai, t.teks, t.lingkup, t.bagian, t.barisBagian ?? null,
  ];
}
