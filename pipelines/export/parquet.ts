/**
 * Raw and marts as Hive-partitioned Parquet (`parquet/<schema>/<table>/kode_wilayah=K/tahun=T/*.parquet`),
 * for engines that read Parquet without the warehouse file (Spark, Trino: README "Beyond one
 * machine"). Optional: `npm run pipeline -- --only parquet`. A table without both key columns is
 * written as one file (`parquet/<schema>/<table>.parquet`), and so is an empty one.
 *
 * Reading back, declare the key types (hive_types={'kode_wilayah': VARCHAR, 'tahun': INTEGER}):
 * inferred, '6403' would become a number.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Db, sqlIdent, sqlString } from "../lib/duckdb.js";

export const PARQUET_DIR = "parquet";
export const PARQUET_SCHEMAS = ["raw", "marts"] as const;

export interface ParquetTable {
  table: string;
  /** Output path relative to the build folder: a folder (ends in "/") when partitioned. */
  path: string;
  partitioned: boolean;
}

export async function writeParquet(db: Db, outDir: string): Promise<ParquetTable[]> {
  const tables = await db.all<{ s: string; t: string; keys: string }>(`
    SELECT table_schema AS s, table_name AS t,
           count(*) FILTER (WHERE column_name IN ('kode_wilayah', 'tahun'))::VARCHAR AS keys
    FROM information_schema.columns
    WHERE table_schema IN (${PARQUET_SCHEMAS.map((s) => sqlString(s)).join(", ")})
    GROUP BY ALL ORDER BY 1, 2`);
  const out: ParquetTable[] = [];
  for (const { s, t, keys } of tables) {
    const name = `${s}.${t}`;
    // An empty table has no partition to write: one (empty) file keeps its columns readable.
    const rows = Number(await db.value<string>(`SELECT count(*)::VARCHAR FROM ${sqlIdent(s)}.${sqlIdent(t)}`));
    const partitioned = Number(keys) === 2 && rows > 0;
    await mkdir(join(outDir, PARQUET_DIR, s), { recursive: true });
    const rel = partitioned ? `${PARQUET_DIR}/${s}/${t}/` : `${PARQUET_DIR}/${s}/${t}.parquet`;
    // Sorted, so the same warehouse gives the same files.
    const select = `SELECT * FROM ${sqlIdent(s)}.${sqlIdent(t)} ORDER BY ALL`;
    const options = partitioned ? "FORMAT parquet, PARTITION_BY (kode_wilayah, tahun), FILENAME_PATTERN 'bagian_{i}'" : "FORMAT parquet";
    await db.run(`COPY (${select}) TO ${sqlString(join(outDir, rel))} (${options})`);
    out.push({ table: name, path: rel, partitioned });
  }
  return out;
}
