/**
 * Plans: what the generic load cannot express.
 * - Merged cells: the sources keep a merged Sasaran/Program/Tujuan text only in its first row (as
 *   printed), so continuation rows get forward-filled `<key>_isi` columns; the printed columns stay
 *   as they are, so the transcription can still be compared with the seed.
 * - The PK's "No." is not a row key (sasaran 6 has two indicator rows), so `urutan` numbers its rows.
 * - The IKU manual is the reference later models join on: its Kode and Arah are checked here and a
 *   bad value stops the build, naming the cell.
 */
import { z } from "zod";
import { sqlIdent, sqlString, type Db } from "../../lib/duckdb.js";
import { SourceError, type SourceProblem } from "../../lib/errors.js";
import type { Family } from "../family.js";
import { LAYOUTS } from "./layout.js";

async function tableExists(db: Db, table: string): Promise<boolean> {
  const n = await db.value<string>(`SELECT count(*)::VARCHAR FROM information_schema.tables
    WHERE table_schema = 'raw' AND table_name = ${sqlString(table)}`);
  return n !== "0";
}

/** Adds `<key>_isi`: the column's last non-empty value at or above each row of the same file. */
async function forwardFill(db: Db, table: string, keys: string[]): Promise<void> {
  const t = `raw.${sqlIdent(table)}`;
  for (const key of keys) {
    await db.run(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS ${sqlIdent(`${key}_isi`)} VARCHAR`);
  }
  const fills = keys.map(
    (key) => `last_value(${sqlIdent(key)} IGNORE NULLS) OVER (PARTITION BY source_file, source_sheet ORDER BY source_row
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${sqlIdent(`${key}_isi`)}`,
  );
  await db.run(`UPDATE ${t} SET ${keys.map((k) => `${sqlIdent(`${k}_isi`)} = f.${sqlIdent(`${k}_isi`)}`).join(", ")}
    FROM (SELECT source_file, source_sheet, source_row, ${fills.join(", ")} FROM ${t}) AS f
    WHERE ${t}.source_file = f.source_file AND ${t}.source_sheet IS NOT DISTINCT FROM f.source_sheet
      AND ${t}.source_row = f.source_row`);
}

/** Adds `urutan`: 1, 2, ... in file order, a stable address for rows without a key of their own. */
async function numberRows(db: Db, table: string): Promise<void> {
  const t = `raw.${sqlIdent(table)}`;
  await db.run(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS urutan INTEGER`);
  await db.run(`UPDATE ${t} SET urutan = f.urutan
    FROM (SELECT source_file, source_sheet, source_row,
                 row_number() OVER (PARTITION BY source_file, source_sheet ORDER BY source_row)::INTEGER AS urutan FROM ${t}) AS f
    WHERE ${t}.source_file = f.source_file AND ${t}.source_sheet IS NOT DISTINCT FROM f.source_sheet
      AND ${t}.source_row = f.source_row`);
}

export const ARAH = ["positif", "negatif", "rentang"] as const;

const IkuRow = z.object({
  kode: z
    .string({ error: "kode IKU kosong" })
    .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, "kode IKU harus snake_case (huruf kecil, angka dan garis bawah)"),
  arah: z.enum(ARAH, { error: `arah harus salah satu dari: ${ARAH.join(", ")}` }),
});

async function validateManualIku(db: Db, table: string): Promise<void> {
  const rows = await db.all<{ source_file: string; source_sheet: string | null; source_row: number; kode_wilayah: string | null; kode: string | null; arah: string | null }>(
    `SELECT source_file, source_sheet, source_row, kode_wilayah, kode, arah FROM raw.${sqlIdent(table)} ORDER BY source_file, source_row`,
  );
  const labels = await db.all<{ source_file: string; kolom: string; source_column: string }>(
    `SELECT source_file, kolom, source_column FROM raw.source_columns WHERE raw_table = ${sqlString(table)}`,
  );
  const label = (file: string, key: string) => labels.find((l) => l.source_file === file && l.kolom === key)?.source_column ?? key;

  const problems: SourceProblem[] = [];
  const firstUse = new Map<string, { file: string; row: number }>();
  for (const r of rows) {
    const where = { file: r.source_file, sheet: r.source_sheet, row: Number(r.source_row) };
    const parsed = IkuRow.safeParse({ kode: r.kode ?? undefined, arah: r.arah ?? undefined });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const key = String(issue.path[0]) as "kode" | "arah";
      problems.push({ ...where, column: label(r.source_file, key), reason: issue.message, text: r[key] });
    }
    if (r.kode == null) continue;
    // The Kode is the join key of every IKU fact: within a region's manuals it must name one indicator
    // (each office keeps its own manual, so two regions may declare the same codes).
    const key = `${r.kode_wilayah ?? ""}|${r.kode}`;
    const first = firstUse.get(key);
    if (first) {
      const at = first.file === where.file ? `baris ${first.row}` : `${first.file} baris ${first.row}`;
      problems.push({ ...where, column: label(r.source_file, "kode"), reason: `kode IKU ganda (sudah dipakai di ${at})`, text: r.kode });
    } else {
      firstUse.set(key, { file: where.file, row: where.row });
    }
  }
  if (problems.length) throw new SourceError(problems);
}

const FORWARD_FILL: Record<string, string[]> = {
  plans_perjanjian_kinerja: ["no", "sasaran"],
  plans_tujuan_sasaran_dinas: ["no", "tujuan", "indikator_tujuan"],
  plans_keselarasan_program: ["sasaran", "indikator", "program"],
};

async function normalise(db: Db): Promise<void> {
  const loaded = new Set<string>();
  for (const l of LAYOUTS) if (await tableExists(db, l.table)) loaded.add(l.table);

  if (loaded.has("plans_manual_iku")) await validateManualIku(db, "plans_manual_iku");
  for (const [table, keys] of Object.entries(FORWARD_FILL)) {
    if (loaded.has(table)) await forwardFill(db, table, keys);
  }
  if (loaded.has("plans_perjanjian_kinerja")) await numberRows(db, "plans_perjanjian_kinerja");
}

export const plans: Family = { name: "plans", layouts: LAYOUTS, normalise };
