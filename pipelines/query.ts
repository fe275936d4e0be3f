/**
 * Ad-hoc SQL against the warehouse, exact (DECIMAL as text, never a float):
 *   npm run query -- [--db FILE] [--format table|csv|json] "SELECT ..." ["SELECT ..."]
 * The warehouse is opened read-only. A SQL error is one line on stderr and exit code 2.
 */
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { toCsv } from "./lib/csv.js";
import { Db, type Row } from "./lib/duckdb.js";

const HELP = `Penggunaan: npm run query -- [opsi] "SELECT ..." ["SELECT ..." ...]

  --db FILE        gudang data (bawaan: outputs/warehouse.duckdb), dibuka hanya-baca
  --format FORMAT  table (bawaan), csv atau json; angka desimal selalu eksak
  --help           tampilkan bantuan ini
`;

type Format = "table" | "csv" | "json";

export function formatRows(rows: Row[], format: Format): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  const text = (v: unknown) => (v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  if (format === "csv") return toCsv([columns, ...rows.map((r) => columns.map((c) => text(r[c])))]);
  if (rows.length === 0) return "(0 baris)\n";
  const cells = [columns, ...rows.map((r) => columns.map((c) => text(r[c])))];
  const widths = columns.map((_, j) => Math.max(...cells.map((r) => [...r[j]!].length)));
  const line = (r: string[]) => r.map((v, j) => v.padEnd(widths[j]!)).join(" | ").trimEnd();
  return `${[line(columns), widths.map((w) => "-".repeat(w)).join("-+-"), ...cells.slice(1).map(line)].join("\n")}\n(${rows.length} baris)\n`;
}

async function main(): Promise<number> {
  let values: { db?: string; format?: string; help?: boolean };
  let sqls: string[];
  try {
    const parsed = parseArgs({
      allowPositionals: true,
      options: { db: { type: "string", default: "outputs/warehouse.duckdb" }, format: { type: "string", default: "table" }, help: { type: "boolean" } },
    });
    values = parsed.values;
    sqls = parsed.positionals;
  } catch (err) {
    process.stderr.write(`✘ ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n\n${HELP}`);
    return 2;
  }
  if (values.help || sqls.length === 0) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const format = values.format as Format;
  if (!["table", "csv", "json"].includes(format)) {
    process.stderr.write(`✘ Format tidak dikenal: ${values.format} (pilih table, csv atau json)\n`);
    return 2;
  }
  const path = values.db!;
  try {
    await access(path);
  } catch {
    process.stderr.write(`✘ Gudang data ${path} tidak ada: jalankan dulu 'npm run pipeline'.\n`);
    return 2;
  }
  const db = await Db.open(path, { readOnly: true });
  try {
    for (const sql of sqls) {
      let rows: Row[];
      try {
        rows = await db.all(sql);
      } catch (err) {
        const first = (err instanceof Error ? err.message : String(err)).split("\n").find((l) => l.trim() !== "") ?? "";
        process.stderr.write(`✘ Kueri gagal: ${first.trim()}\n`);
        return 2;
      }
      process.stdout.write(formatRows(rows, format));
    }
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
