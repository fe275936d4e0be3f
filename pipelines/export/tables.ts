/**
 * The export step: report tables from the marts as CSV (one per table, Indonesian-formatted text)
 * and XLSX (one workbook per year, one sheet per table, real numbers), ready to paste into next
 * year's LKjIP. Which mart columns are exported, under which printed header and in which format is
 * configuration (models/config/ekspor_tabel.csv), so a new table needs no code.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Db } from "../lib/duckdb.js";
import { sqlIdent, sqlString } from "../lib/duckdb.js";
import { describeProblem, type SourceProblem } from "../lib/errors.js";
import { toCsv } from "../lib/csv.js";
import {
  angkaFixed,
  bilanganFixed,
  decimalsOf,
  formatAngka,
  formatBilangan,
  formatPersen,
  formatRupiah,
  persenFixed,
  rupiahFixed,
} from "../lib/format.js";
import { newWorkbook, sourcesDocumentDate, writeWorkbook } from "../lib/xlsx.js";

export const EXPORT_FORMATS = ["teks", "rupiah", "persen", "angka", "bilangan"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONFIG_HEADER = ["tabel", "model", "kolom", "judul", "format", "urutan"] as const;

/** Columns every exported model has; the first two are printed in front of the configured ones. */
const KEY_COLUMNS = ["kode_wilayah", "tahun", "urutan"] as const;
const KEY_HEADERS = ["Kode Wilayah", "Tahun"] as const;

const IDENT = /^[a-z_][a-z0-9_]*$/;

export const ExportColumnRow = z.object({
  tabel: z
    .string()
    .regex(IDENT, "nama tabel hanya boleh huruf kecil, angka dan '_' (contoh: tabel_3_22)")
    // Excel refuses sheet names longer than 31 characters.
    .max(31, "nama tabel paling panjang 31 karakter (batas nama sheet Excel)"),
  model: z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, "model harus berbentuk skema.tabel (contoh: marts.tabel_3_22)"),
  kolom: z
    .string()
    .regex(IDENT, "nama kolom hanya boleh huruf kecil, angka dan '_'")
    .refine((k) => k !== "kode_wilayah" && k !== "tahun", "kode_wilayah dan tahun selalu diekspor otomatis sebagai dua kolom pertama"),
  judul: z.string().trim().min(1, "judul kolom tidak boleh kosong"),
  format: z.enum(EXPORT_FORMATS, { error: `format harus salah satu dari: ${EXPORT_FORMATS.join(", ")}` }),
  urutan: z
    .string()
    .regex(/^\d+$/, "urutan harus bilangan bulat")
    .transform((v) => Number(v)),
});

export type ExportColumn = z.output<typeof ExportColumnRow> & {
  /** Row in the config file as a person sees it (header is row 1). */
  baris: number;
};

export interface ExportConfig {
  /** How errors name the config file. */
  file: string;
  columns: ExportColumn[];
}

export interface ExportResult {
  /** Tables written, in config order. */
  tables: string[];
  /** Files written, relative to outDir. */
  files: string[];
  /** Tables whose model does not exist (yet). */
  skipped: string[];
}

/** Problems a person fixes in the export config (or the mart it points to). */
export class ExportConfigError extends Error {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  - ${describeProblem(p)}`);
    if (problems.length > 20) shown.push(`  ... dan ${problems.length - 20} masalah lain`);
    super(`Konfigurasi ekspor tabel tidak valid:\n${shown.join("\n")}`);
    this.name = "ExportConfigError";
    this.problems = problems;
  }
}

/**
 * Reads and validates the export config. `displayName` is how errors name the file (the path
 * relative to the project, rather than wherever it was opened from).
 */
export async function readExportConfig(path: string, displayName = path): Promise<ExportConfig> {
  // csv-parse skips blank lines, so each record's row number comes from its info, not its index
  // (its typings do not follow the `info` option to the record shape, hence the cast).
  const parsed = parse(await readFile(path, "utf8"), {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = parsed;
  const header = head?.record.map((c) => c.trim());
  const problems: SourceProblem[] = [];
  const missing = CONFIG_HEADER.filter((h) => !header?.includes(h));
  if (!header || missing.length) {
    throw new ExportConfigError([
      { file: displayName, row: 1, reason: `header harus memuat ${CONFIG_HEADER.join(",")}; tidak ada: ${missing.join(", ")}` },
    ]);
  }
  const index = new Map(header.map((h, i) => [h, i]));
  const columns: ExportColumn[] = [];
  for (const { record: cells, info } of body) {
    const baris = info.lines;
    const rec: Record<string, string> = Object.fromEntries(CONFIG_HEADER.map((h) => [h, (cells[index.get(h)!] ?? "").trim()]));
    const r = ExportColumnRow.safeParse(rec);
    if (!r.success) {
      for (const iss of r.error.issues) {
        const column = String(iss.path[0] ?? "");
        problems.push({ file: displayName, row: baris, column, reason: iss.message, text: rec[column] ?? null });
      }
      continue;
    }
    columns.push({ ...r.data, baris });
  }
  problems.push(...crossRowProblems(displayName, columns));
  if (problems.length) throw new ExportConfigError(problems);
  return { file: displayName, columns };
}

/** Rules that span rows: one model per table, distinct column order, distinct sheet names. */
function crossRowProblems(file: string, columns: ExportColumn[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const firstOf = new Map<string, ExportColumn>();
  const order = new Set<string>();
  const sheets = new Map<string, string>();
  for (const c of columns) {
    const first = firstOf.get(c.tabel);
    if (!first) {
      firstOf.set(c.tabel, c);
      const sheet = sheetName(c.tabel).toLowerCase();
      const other = sheets.get(sheet);
      // Excel compares sheet names case-insensitively.
      if (other) problems.push({ file, row: c.baris, column: "tabel", reason: `nama sheet "${sheetName(c.tabel)}" sama dengan tabel ${other}`, text: c.tabel });
      sheets.set(sheet, c.tabel);
    } else if (first.model !== c.model) {
      problems.push({ file, row: c.baris, column: "model", reason: `tabel ${c.tabel} sudah membaca ${first.model} (baris ${first.baris}); satu tabel hanya dari satu model`, text: c.model });
    }
    const key = `${c.tabel}\u0000${c.urutan}`;
    if (order.has(key)) problems.push({ file, row: c.baris, column: "urutan", reason: `urutan ${c.urutan} dipakai dua kali di tabel ${c.tabel}`, text: String(c.urutan) });
    order.add(key);
  }
  return problems;
}

/** "tabel_3_22" -> "Tabel 3.22", the caption a reader looks for; other names keep their words. */
export function sheetName(tabel: string): string {
  const m = /^tabel_(.+)$/.exec(tabel);
  if (m) return `Tabel ${m[1]!.replace(/_/g, ".")}`;
  const words = tabel.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One exported table, checked against the warehouse and read in report order. */
interface TableData {
  tabel: string;
  model: string;
  columns: ExportColumn[];
  rows: { kodeWilayah: string; tahun: string; cells: Cell[] }[];
}

/** A value as CSV text and as an XLSX cell (number + number format, or text). */
interface Cell {
  text: string;
  value: number | string | null;
  numFmt?: string;
}

/**
 * Writes `outDir/tables/<tabel>.csv` and `outDir/tables/lkjip_<tahun>.xlsx`. Config rows whose
 * model does not exist are skipped (logged); a missing column, or a value that does not fit its
 * format, fails the build naming the config row, before any file is written.
 */
export async function exportTables(db: Db, outDir: string, config: ExportConfig, opts: { log?: (line: string) => void } = {}): Promise<ExportResult> {
  const log = opts.log ?? (() => {});
  const byTable = new Map<string, ExportColumn[]>();
  for (const c of config.columns) byTable.set(c.tabel, [...(byTable.get(c.tabel) ?? []), c]);

  // Check every table before writing anything, so one run reports all config mistakes at once.
  const problems: SourceProblem[] = [];
  const present: { tabel: string; model: string; columns: ExportColumn[] }[] = [];
  const skipped: string[] = [];
  for (const [tabel, cols] of byTable) {
    const columns = [...cols].sort((a, b) => a.urutan - b.urutan);
    const first = cols[0]!;
    const [schema, name] = first.model.split(".") as [string, string];
    const existing = await db.all<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns
       WHERE table_schema = ${sqlString(schema)} AND table_name = ${sqlString(name)} ORDER BY ordinal_position`,
    );
    if (existing.length === 0) {
      // The config is written ahead of the marts; a table appears once its model exists.
      log(`  ${tabel}: dilewati, model ${first.model} belum ada (${config.file} baris ${cols.map((c) => c.baris).join(", ")})`);
      skipped.push(tabel);
      continue;
    }
    const have = new Set(existing.map((e) => e.c));
    const keyMissing = KEY_COLUMNS.filter((k) => !have.has(k));
    if (keyMissing.length) {
      problems.push({
        file: config.file,
        row: first.baris,
        column: "model",
        reason: `${first.model} tidak punya kolom ${keyMissing.join(", ")} (setiap tabel ekspor wajib punya ${KEY_COLUMNS.join(", ")})`,
        text: first.model,
      });
    }
    for (const c of columns) {
      if (!have.has(c.kolom)) {
        problems.push({
          file: config.file,
          row: c.baris,
          column: "kolom",
          reason: `${c.model} tidak punya kolom "${c.kolom}" (kolom yang ada: ${existing.map((e) => e.c).join(", ")})`,
          text: c.kolom,
        });
      }
    }
    present.push({ tabel, model: first.model, columns });
  }
  if (problems.length) throw new ExportConfigError(problems);

  const tables: TableData[] = [];
  for (const t of present) tables.push(await readTable(db, config.file, t));

  const dir = join(outDir, "tables");
  // Created even when nothing is exported, so publishing replaces a previous build's tables.
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const t of tables) {
    const header = [...KEY_HEADERS, ...t.columns.map((c) => c.judul)];
    const body = t.rows.map((r) => [r.kodeWilayah, r.tahun, ...r.cells.map((c) => c.text)]);
    await writeFile(join(dir, `${t.tabel}.csv`), toCsv([header, ...body]), "utf8");
    files.push(`tables/${t.tabel}.csv`);
  }

  const date = await sourcesDocumentDate(db);
  const years = [...new Set(tables.flatMap((t) => t.rows.map((r) => r.tahun)))].sort((a, b) => Number(a) - Number(b));
  for (const tahun of years) {
    const wb = newWorkbook({ title: `Tabel LKjIP ${tahun}`, date });
    for (const t of tables) {
      const rows = t.rows.filter((r) => r.tahun === tahun);
      // A table without figures for this year is left out rather than printed as an empty sheet.
      if (rows.length) addSheet(wb, t, rows);
    }
    const file = `lkjip_${tahun}.xlsx`;
    await writeWorkbook(wb, join(dir, file));
    files.push(`tables/${file}`);
  }

  return { tables: tables.map((t) => t.tabel), files, skipped };
}

async function readTable(db: Db, file: string, t: { tabel: string; model: string; columns: ExportColumn[] }): Promise<TableData> {
  const [schema, name] = t.model.split(".") as [string, string];
  const from = `${sqlIdent(schema)}.${sqlIdent(name)}`;
  // Everything crosses as VARCHAR: DECIMAL casts to its exact digits, and no value becomes a JS float.
  const selected = t.columns.map((c, i) => `CAST(${sqlIdent(c.kolom)} AS VARCHAR) AS c${i}`);
  // The exported columns break ties so that duplicate (kode_wilayah, tahun, urutan) keys still give one order.
  const tieBreak = t.columns.map((_, i) => `c${i}`);
  const sql = `SELECT CAST(kode_wilayah AS VARCHAR) AS kode_wilayah, CAST(tahun AS VARCHAR) AS tahun, CAST(urutan AS VARCHAR) AS urutan
      ${selected.map((s) => `, ${s}`).join("")}
    FROM ${from}
    ORDER BY ${from}.kode_wilayah, ${from}.tahun, ${from}.urutan${tieBreak.map((c) => `, ${c}`).join("")}`;
  const records = await db.all<Record<string, string | null>>(sql);
  const rows = records.map((rec) => {
    const where = `kode_wilayah ${rec.kode_wilayah ?? "kosong"}, tahun ${rec.tahun ?? "kosong"}, urutan ${rec.urutan ?? "kosong"}`;
    if (rec.tahun == null) {
      throw new ExportConfigError([{ file, row: t.columns[0]!.baris, column: "model", reason: `${t.model} punya baris tanpa tahun (${where})`, text: t.model }]);
    }
    const cells = t.columns.map((c, i) => {
      const v = rec[`c${i}`] ?? null;
      try {
        return toCell(v, c.format);
      } catch (err) {
        const reason = `${t.model} kolom "${c.kolom}" (${where}) tidak bisa ditulis sebagai ${c.format}: ${err instanceof Error ? err.message : String(err)}`;
        throw new ExportConfigError([{ file, row: c.baris, column: "format", reason, text: c.format }]);
      }
    });
    return { kodeWilayah: rec.kode_wilayah ?? "", tahun: rec.tahun, cells };
  });
  return { tabel: t.tabel, model: t.model, columns: t.columns, rows };
}

/**
 * XLSX cells hold the value as displayed (rounded to sen / two decimals), so the workbook and the
 * CSV agree and a pasted cell never carries digits the reader did not see. Excel keeps numbers as
 * doubles (15 significant digits): only here does a value become a JS number; the CSV stays exact.
 */
function toCell(v: string | null, format: ExportFormat): Cell {
  if (v == null) return { text: "", value: null };
  switch (format) {
    case "teks":
      return { text: v, value: v };
    case "rupiah": {
      const fixed = rupiahFixed(v);
      return { text: formatRupiah(v), value: Number(fixed), numFmt: decimalsOf(fixed) ? "#,##0.00" : "#,##0" };
    }
    case "persen":
      return { text: formatPersen(v), value: Number(persenFixed(v)), numFmt: "#,##0.00" };
    case "angka": {
      const fixed = angkaFixed(v);
      const d = decimalsOf(fixed);
      return { text: formatAngka(v), value: Number(fixed), numFmt: d ? `#,##0.${"0".repeat(d)}` : "#,##0" };
    }
    case "bilangan":
      return { text: formatBilangan(v), value: Number(bilanganFixed(v)), numFmt: "#,##0" };
  }
}

/**
 * Number formats use Excel's invariant codes ("," thousands, "." decimals): Excel displays them
 * with the reader's locale separators, so an Indonesian Excel shows 15.094.099.333 and 99,19.
 */
function addSheet(wb: ExcelJS.Workbook, t: TableData, rows: TableData["rows"]): void {
  const ws = wb.addWorksheet(sheetName(t.tabel), { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  const headers = [...KEY_HEADERS, ...t.columns.map((c) => c.judul)];
  const widths = headers.map((h) => h.length);
  const head = ws.getRow(1);
  headers.forEach((h, j) => {
    const cell = head.getCell(j + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = r.kodeWilayah;
    const year = row.getCell(2);
    year.value = Number(r.tahun);
    // Without "0" an Indonesian Excel would show the year as 2.024.
    year.numFmt = "0";
    widths[0] = Math.max(widths[0]!, r.kodeWilayah.length);
    widths[1] = Math.max(widths[1]!, r.tahun.length);
    r.cells.forEach((c, j) => {
      const cell = row.getCell(j + 3);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      else if (typeof c.value === "string") cell.alignment = { vertical: "top", wrapText: true };
      widths[j + 2] = Math.max(widths[j + 2]!, c.text.length);
    });
  });
  // Long headers and long text wrap instead of stretching the sheet past a screen.
  ws.columns.forEach((col, j) => {
    col.width = Math.min(60, Math.max(8, (widths[j] ?? 0) + 2));
  });
}
