/**
 * Plans: the IKU manual is the reference later models join on: its Kode and Arah are checked here and a
 *   bad value stops the build, naming the cell.
 * Merged cells (forward fill, macro isi) and row numbers are the staging models' job.
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

async function normalise(db: Db): Promise<void> {
  if (await tableExists(db, "plans_manual_iku")) await validateManualIku(db, "plans_manual_iku");
}

export const plans: Family = { name: "plans", layouts: LAYOUTS, normalise };
