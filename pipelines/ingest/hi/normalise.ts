/**
 * HI: the data sheet prints each section's name once, on a title row (Butir empty), and its
 * butir rows say only "Jumlah Kasus" or "Perselisihan Secara Perjanjian Bersama". The title is
 * carried onto every row of its section as bagian_judul, so "7.c" reads on its own as a
 * Pemutusan Hubungan Kerja figure. Values are not touched.
 */
import type { Db } from "../../lib/duckdb.js";
import type { Family } from "../family.js";
import { dataSheet, keterangan, perKecamatan, perSektor } from "./layout.js";

async function tableExists(db: Db, table: string): Promise<boolean> {
  const n = await db.value<string>(
    `SELECT count(*)::VARCHAR FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = '${table}'`,
  );
  return n !== "0";
}

async function normalise(db: Db): Promise<void> {
  // A test may load only some of the family's files.
  if (!(await tableExists(db, dataSheet.table))) return;
  await db.run(`ALTER TABLE raw.${dataSheet.table} ADD COLUMN bagian_judul VARCHAR`);
  // Forward fill in file order (not a join on Bagian), as a reader of the sheet would: a butir row
  // belongs to the last title printed above it. The title row gets its own Uraian.
  await db.run(`UPDATE raw.${dataSheet.table} AS t SET bagian_judul = f.judul
    FROM (
      SELECT source_file, source_row,
             last_value(CASE WHEN butir IS NULL THEN uraian END IGNORE NULLS)
               OVER (PARTITION BY source_file, source_sheet ORDER BY source_row) AS judul
      FROM raw.${dataSheet.table}
    ) AS f
    WHERE t.source_file = f.source_file AND t.source_row = f.source_row`);
}

export const hi: Family = { name: "hi", layouts: [dataSheet, perSektor, keterangan, perKecamatan], normalise };
