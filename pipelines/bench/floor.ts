/**
 * The floor of a benchmark size (run as its own process, so its peak RSS is its own): DuckDB's
 * bare read_csv of every catalogued file into a database file, plus exact decimal casts of the
 * Lampiran C money columns. What the load step could at best approach on the same files.
 *   npx tsx pipelines/bench/floor.ts SOURCES_DIR DB_FILE
 * Prints one JSON line: { rows, readMs, castMs, ms }.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Db, sqlString } from "../lib/duckdb.js";

const [sourcesDir, dbFile] = process.argv.slice(2);
if (!sourcesDir || !dbFile) throw new Error("pemakaian: floor.ts SOURCES_DIR DB_FILE");
const catalogue: { path: string; layout: string }[] = parse(await readFile(join(sourcesDir, "catalogue.csv"), "utf8"), { columns: true });
const list = (paths: string[]) => `[${paths.map((p) => sqlString(join(sourcesDir, p))).join(", ")}]`;
const budget = catalogue.filter((c) => c.layout === "budget.lampiran_c").map((c) => c.path);
const others = catalogue.filter((c) => c.layout !== "budget.lampiran_c").map((c) => c.path);

await rm(dbFile, { force: true });
const db = await Db.open(dbFile);
const cols16 = `{${Array.from({ length: 16 }, (_, j) => `'c${j}': 'VARCHAR'`).join(", ")}}`;
const t0 = performance.now();
// Lampiran C: 7 lines of title and header, then 16 columns.
await db.run(`CREATE TABLE lampiran_c AS SELECT * FROM read_csv(${list(budget)}, header = false, skip = 7, auto_detect = false,
  delim = ',', quote = '"', escape = '"', null_padding = true, columns = ${cols16})`);
// Every other file as text, whatever its width (bare read, no layout).
if (others.length) {
  await db.run(`CREATE TABLE lainnya AS SELECT * FROM read_csv(${list(others)}, header = false, all_varchar = true,
    null_padding = true, union_by_name = true, ignore_errors = true, filename = true)`);
}
const readMs = performance.now() - t0;
// Exact casts of the money and percent columns: id-ID text -> plain decimal text -> DECIMAL(18,6) -> (28,6).
const money = [7, 9, 10, 11, 12, 13, 14];
const cast = (c: string) => `TRY_CAST(TRY_CAST(replace(replace(${c}, '.', ''), ',', '.') AS DECIMAL(18,6)) AS DECIMAL(28,6))`;
const t1 = performance.now();
await db.run(`CREATE TABLE lampiran_c_angka AS SELECT ${money.map((j) => `${cast(`c${j}`)} AS c${j}`).join(", ")} FROM lampiran_c`);
const castMs = performance.now() - t1;
const rows =
  Number(await db.value<string>(`SELECT count(*)::VARCHAR FROM lampiran_c`)) +
  (others.length ? Number(await db.value<string>(`SELECT count(*)::VARCHAR FROM lainnya`)) : 0);
db.close();
await rm(dbFile, { force: true });
await rm(`${dbFile}.wal`, { force: true });
console.log(JSON.stringify({ rows, readMs: Math.round(readMs), castMs: Math.round(castMs), ms: Math.round(readMs + castMs) }));
