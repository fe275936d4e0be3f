/**
 * intermediate.int_lkjip_klaim lists each lkjip table's claim columns by name (one select per staging
 * model): every non-empty claim cell of every raw lkjip table must come out as one claim row, so a
 * new layout or column that the model does not list fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, sqlIdent, sqlString } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

let db: Db;
beforeAll(async () => {
  db = await openSharedWarehouse();
});
afterAll(() => db?.close());

describe("int_lkjip_klaim", () => {
  it("has one row per non-empty claim cell of every raw lkjip table", async () => {
    const cols = await db.all<{ source_file: string; raw_table: string; kolom: string }>(`
      SELECT DISTINCT source_file, raw_table, kolom FROM raw.source_columns
      WHERE jenis = 'teks_angka' AND raw_table LIKE 'lkjip\\_%' ESCAPE '\\' ORDER BY ALL`);
    expect(cols.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const c of cols) {
      const inRaw = await db.value<string>(
        `SELECT count(*)::VARCHAR FROM raw.${sqlIdent(c.raw_table)} WHERE source_file = ${sqlString(c.source_file)} AND ${sqlIdent(c.kolom)} IS NOT NULL`,
      );
      const inKlaim = await db.value<string>(
        `SELECT count(*)::VARCHAR FROM intermediate.int_lkjip_klaim WHERE source_file = ${sqlString(c.source_file)} AND kolom = ${sqlString(c.kolom)}`,
      );
      if (inRaw !== inKlaim) missing.push(`${c.source_file} ${c.kolom}: ${inRaw} sel, ${inKlaim} klaim`);
    }
    expect(missing).toEqual([]);
  });
});
