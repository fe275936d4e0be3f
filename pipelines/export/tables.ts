/**
 * The export step: report tables from the marts as machine CSV (one per table: identifier columns,
 * plain exact decimals) and as the report's own tables in XLSX (one workbook per report year, one
 * sheet per report table laid out as printed, ready to paste into next year's LKjIP). Which mart
 * columns are exported, under which printed (multi-level) header, in which format and with how many
 * decimals is configuration (models/config/ekspor_tabel.csv); which tables are report tables, their
 * sheet names, captions and order too (models/config/ekspor_lembar.csv). A new table needs no code.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Db } from "../lib/duckdb.js";
import { sqlIdent, sqlString } from "../lib/duckdb.js";
import { describeProblem, type SourceProblem } from "../lib/errors.js";
import { toCsv } from "../lib/csv.js";
import { angkaFixed, bilanganFixed } from "../lib/format.js";
import { sourcesDocumentDate, writeWorkbook } from "../lib/xlsx.js";
import { lkjipWorkbook, SOURCE_SHEET } from "./lkjip-workbook.js";

export const EXPORT_FORMATS = ["teks", "rupiah", "persen", "angka", "bilangan"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONFIG_HEADER = ["tabel", "model", "kolom", "judul", "format", "urutan"] as const;
/** Optional columns: a config without them keeps the defaults. */
const CONFIG_OPTIONAL = ["desimal", "gabung_baris", "kolom_sumber"] as const;
const SHEET_HEADER = ["tabel", "lembar", "judul", "urutan", "kolom_tahun", "nomor_kolom"] as const;

/** Columns every exported model has; the machine CSV writes them first. */
const KEY_COLUMNS = ["kode_wilayah", "tahun", "urutan"] as const;

/** Decimals shown when the config gives none: the report prints money whole and percentages with two. */
export const DEFAULT_DECIMALS: Record<ExportFormat, number> = { teks: 0, rupiah: 0, persen: 2, angka: 2, bilangan: 0 };

const IDENT = /^[a-z_][a-z0-9_]*$/;
const YA = z.enum(["", "ya", "tidak"], { error: "isi 'ya', 'tidak' atau kosong" }).transform((v) => v === "ya");

export const ExportColumnRow = z
  .object({
    tabel: z
      .string()
      .regex(IDENT, "nama tabel hanya boleh huruf kecil, angka dan '_' (contoh: tabel_3_22)"),
    model: z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, "model harus berbentuk skema.tabel (contoh: marts.tabel_3_22)"),
    // Empty: a column the report prints without figures (Tabel 3.18 "Ket."), in the sheet only.
    kolom: z
      .string()
      .regex(/^([a-z_][a-z0-9_]*)?$/, "nama kolom hanya boleh huruf kecil, angka dan '_'")
      .refine((k) => k !== "kode_wilayah" && k !== "tahun", "kode_wilayah dan tahun selalu diekspor otomatis (CSV dan sheet Sumber)"),
    judul: z.string().trim().min(1, "judul kolom tidak boleh kosong"),
    format: z.enum(EXPORT_FORMATS, { error: `format harus salah satu dari: ${EXPORT_FORMATS.join(", ")}` }),
    desimal: z
      .string()
      .regex(/^\d?$/, "desimal harus satu angka 0-9 atau kosong")
      .transform((v) => (v === "" ? null : Number(v))),
    gabung_baris: YA,
    kolom_sumber: z.string().regex(/^([a-z_][a-z0-9_]*)?$/, "kolom_sumber harus nama kolom model atau kosong"),
    urutan: z
      .string()
      .regex(/^\d+$/, "urutan harus bilangan bulat")
      .transform((v) => Number(v)),
  })
  .transform((r) => ({ ...r, desimal: r.desimal ?? DEFAULT_DECIMALS[r.format] }));

export type ExportColumn = z.output<typeof ExportColumnRow> & {
  /** Row in the config file as a person sees it (header is row 1). */
  baris: number;
};

export const SheetRow = z.object({
  tabel: z.string().regex(IDENT, "nama tabel hanya boleh huruf kecil, angka dan '_'"),
  // Excel refuses sheet names longer than 31 characters and these characters.
  lembar: z.string().trim().min(1, "nama sheet tidak boleh kosong").max(31, "nama sheet paling panjang 31 karakter").regex(/^[^\\/?*[\]:]+$/, "nama sheet tidak boleh memuat \\ / ? * [ ] :"),
  judul: z.string().trim(),
  urutan: z.string().regex(/^\d+$/, "urutan harus bilangan bulat").transform((v) => Number(v)),
  kolom_tahun: z.string().regex(/^([a-z_][a-z0-9_]*)?$/, "kolom_tahun harus nama kolom model atau kosong").transform((v) => v || "tahun"),
  nomor_kolom: YA,
});

export type SheetConfigRow = z.output<typeof SheetRow> & { baris: number };

export interface ExportConfig {
  /** How errors name the config file. */
  file: string;
  columns: ExportColumn[];
  /** How errors name the sheet config file. */
  sheetFile?: string;
  /** Report tables that get a sheet in lkjip_<tahun>.xlsx, by table; a table without one is CSV only. */
  sheets?: Map<string, SheetConfigRow>;
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

/** CSV records with their row numbers as a person sees them, and the trimmed header. */
async function readConfigCsv(path: string, displayName: string, required: readonly string[]) {
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
  const missing = required.filter((h) => !header?.includes(h));
  if (!header || missing.length) {
    throw new ExportConfigError([
      { file: displayName, row: 1, reason: `header harus memuat ${required.join(",")}; tidak ada: ${missing.join(", ")}` },
    ]);
  }
  const index = new Map(header.map((h, i) => [h, i]));
  return body.map(({ record, info }) => ({
    baris: info.lines,
    rec: (names: readonly string[]) => Object.fromEntries(names.map((h) => [h, (record[index.get(h) ?? -1] ?? "").trim()])) as Record<string, string>,
  }));
}

/**
 * Reads and validates the export config. `displayName` is how errors name the file (the path
 * relative to the project, rather than wherever it was opened from).
 */
export async function readExportConfig(path: string, displayName = path): Promise<ExportConfig> {
  const problems: SourceProblem[] = [];
  const columns: ExportColumn[] = [];
  for (const { baris, rec: pick } of await readConfigCsv(path, displayName, CONFIG_HEADER)) {
    const rec = pick([...CONFIG_HEADER, ...CONFIG_OPTIONAL]);
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

/**
 * Reads the sheet config (models/config/ekspor_lembar.csv): which tables are report tables, their sheet
 * name and caption as printed, and their order in the report.
 */
export async function readSheetConfig(path: string, displayName = path): Promise<Map<string, SheetConfigRow>> {
  const problems: SourceProblem[] = [];
  const sheets = new Map<string, SheetConfigRow>();
  const names = new Map<string, number>();
  for (const { baris, rec: pick } of await readConfigCsv(path, displayName, SHEET_HEADER)) {
    const rec = pick(SHEET_HEADER);
    const r = SheetRow.safeParse(rec);
    if (!r.success) {
      for (const iss of r.error.issues) {
        const column = String(iss.path[0] ?? "");
        problems.push({ file: displayName, row: baris, column, reason: iss.message, text: rec[column] ?? null });
      }
      continue;
    }
    if (sheets.has(r.data.tabel)) problems.push({ file: displayName, row: baris, column: "tabel", reason: `tabel ${r.data.tabel} sudah punya sheet`, text: r.data.tabel });
    // Excel compares sheet names case-insensitively; "Sumber" is the companion sheet.
    const key = r.data.lembar.toLowerCase();
    if (names.has(key) || key === SOURCE_SHEET.toLowerCase()) {
      problems.push({ file: displayName, row: baris, column: "lembar", reason: `nama sheet "${r.data.lembar}" sudah dipakai`, text: r.data.lembar });
    }
    names.set(key, baris);
    sheets.set(r.data.tabel, { ...r.data, baris });
  }
  if (problems.length) throw new ExportConfigError(problems);
  return sheets;
}

/** Rules that span rows: one model per table, distinct column order. */
function crossRowProblems(file: string, columns: ExportColumn[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const firstOf = new Map<string, ExportColumn>();
  const order = new Set<string>();
  for (const c of columns) {
    const first = firstOf.get(c.tabel);
    if (!first) {
      firstOf.set(c.tabel, c);
    } else if (first.model !== c.model) {
      problems.push({ file, row: c.baris, column: "model", reason: `tabel ${c.tabel} sudah membaca ${first.model} (baris ${first.baris}); satu tabel hanya dari satu model`, text: c.model });
    }
    const key = `${c.tabel}\u0000${c.urutan}`;
    if (order.has(key)) problems.push({ file, row: c.baris, column: "urutan", reason: `urutan ${c.urutan} dipakai dua kali di tabel ${c.tabel}`, text: String(c.urutan) });
    order.add(key);
  }
  return problems;
}

/** One exported table, checked against the warehouse and read in report order. */
export interface TableData {
  tabel: string;
  model: string;
  columns: ExportColumn[];
  rows: TableRow[];
}

export interface TableRow {
  kodeWilayah: string;
  tahun: string;
  urutan: string;
  /** The report year the row is printed in (kolom_tahun of the sheet config; else tahun). */
  tahunLaporan: string;
  /** Exact decimal text or text per configured column (null = empty; a column without `kolom` is always null). */
  values: (string | null)[];
  /** Provenance per configured column (its kolom_sumber), else the row's source_file/source_row. */
  sources: (string | null)[];
  rowSource: string | null;
}

/**
 * Writes `outDir/tables/<tabel>.csv` (machine CSV) and `outDir/tables/lkjip_<tahun>.xlsx` (the report's
 * tables as printed, pipelines/export/lkjip-workbook.ts). Config rows whose model does not exist are
 * skipped (logged); a missing column, or a value that does not fit its format, fails the build naming
 * the config row, before any file is written.
 */
export async function exportTables(db: Db, outDir: string, config: ExportConfig, opts: { log?: (line: string) => void } = {}): Promise<ExportResult> {
  const log = opts.log ?? (() => {});
  const byTable = new Map<string, ExportColumn[]>();
  for (const c of config.columns) byTable.set(c.tabel, [...(byTable.get(c.tabel) ?? []), c]);

  // Check every table before writing anything, so one run reports all config mistakes at once.
  const problems: SourceProblem[] = [];
  const present: { tabel: string; model: string; columns: ExportColumn[]; have: Set<string> }[] = [];
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
      for (const [field, col] of [["kolom", c.kolom], ["kolom_sumber", c.kolom_sumber]] as const) {
        if (col && !have.has(col)) {
          problems.push({
            file: config.file,
            row: c.baris,
            column: field,
            reason: `${c.model} tidak punya kolom "${col}" (kolom yang ada: ${existing.map((e) => e.c).join(", ")})`,
            text: col,
          });
        }
      }
    }
    const sheet = config.sheets?.get(tabel);
    if (sheet && !have.has(sheet.kolom_tahun)) {
      problems.push({ file: config.sheetFile ?? "ekspor_lembar.csv", row: sheet.baris, column: "kolom_tahun", reason: `${first.model} tidak punya kolom "${sheet.kolom_tahun}"`, text: sheet.kolom_tahun });
    }
    present.push({ tabel, model: first.model, columns, have });
  }
  if (problems.length) throw new ExportConfigError(problems);

  const tables: TableData[] = [];
  for (const t of present) tables.push(await readTable(db, config, t));

  const dir = join(outDir, "tables");
  // Created even when nothing is exported, so publishing replaces a previous build's tables.
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const t of tables) {
    await writeFile(join(dir, `${t.tabel}.csv`), machineCsv(t), "utf8");
    files.push(`tables/${t.tabel}.csv`);
  }

  const sheets = config.sheets ?? new Map<string, SheetConfigRow>();
  const reportTables = tables.filter((t) => sheets.has(t.tabel)).sort((a, b) => sheets.get(a.tabel)!.urutan - sheets.get(b.tabel)!.urutan);
  const years = [...new Set(reportTables.flatMap((t) => t.rows.map((r) => r.tahunLaporan)))].sort((a, b) => Number(a) - Number(b));
  const date = await sourcesDocumentDate(db);
  for (const tahun of years) {
    const wb = lkjipWorkbook(
      reportTables.map((t) => ({ table: t, sheet: sheets.get(t.tabel)!, rows: t.rows.filter((r) => r.tahunLaporan === tahun) })),
      Number(tahun),
      date,
    );
    const file = `lkjip_${tahun}.xlsx`;
    await writeWorkbook(wb, join(dir, file));
    files.push(`tables/${file}`);
  }

  return { tables: tables.map((t) => t.tabel), files, skipped };
}

async function readTable(db: Db, config: ExportConfig, t: { tabel: string; model: string; columns: ExportColumn[]; have: Set<string> }): Promise<TableData> {
  const [schema, name] = t.model.split(".") as [string, string];
  const from = `${sqlIdent(schema)}.${sqlIdent(name)}`;
  const tahunKolom = config.sheets?.get(t.tabel)?.kolom_tahun ?? "tahun";
  // Everything crosses as VARCHAR: DECIMAL casts to its exact digits, and no value becomes a JS float.
  const selected = t.columns.flatMap((c, i) => [
    c.kolom ? `CAST(${sqlIdent(c.kolom)} AS VARCHAR) AS c${i}` : `NULL::VARCHAR AS c${i}`,
    c.kolom_sumber ? `CAST(${sqlIdent(c.kolom_sumber)} AS VARCHAR) AS s${i}` : `NULL::VARCHAR AS s${i}`,
  ]);
  const rowSource = t.have.has("source_file")
    ? `CAST(source_file AS VARCHAR)${t.have.has("source_row") ? ` || coalesce(' baris ' || CAST(source_row AS VARCHAR), '')` : ""}`
    : "NULL::VARCHAR";
  // The exported columns break ties so that duplicate (kode_wilayah, tahun, urutan) keys still give one order.
  const tieBreak = t.columns.map((_, i) => `c${i}`);
  const sql = `SELECT CAST(kode_wilayah AS VARCHAR) AS kode_wilayah, CAST(tahun AS VARCHAR) AS tahun, CAST(urutan AS VARCHAR) AS urutan,
      CAST(${sqlIdent(tahunKolom)} AS VARCHAR) AS tahun_laporan, ${rowSource} AS sumber_baris
      ${selected.map((s) => `, ${s}`).join("")}
    FROM ${from}
    ORDER BY ${from}.kode_wilayah, ${from}.tahun, ${from}.urutan${tieBreak.map((c) => `, ${c}`).join("")}`;
  const records = await db.all<Record<string, string | null>>(sql);
  const rows = records.map((rec): TableRow => {
    const where = `kode_wilayah ${rec.kode_wilayah ?? "kosong"}, tahun ${rec.tahun ?? "kosong"}, urutan ${rec.urutan ?? "kosong"}`;
    if (rec.tahun == null || rec.tahun_laporan == null) {
      throw new ExportConfigError([{ file: config.file, row: t.columns[0]!.baris, column: "model", reason: `${t.model} punya baris tanpa tahun (${where})`, text: t.model }]);
    }
    const values = t.columns.map((c, i) => {
      const v = rec[`c${i}`] ?? null;
      try {
        return v == null ? null : checkValue(v, c.format);
      } catch (err) {
        const reason = `${t.model} kolom "${c.kolom}" (${where}) tidak bisa ditulis sebagai ${c.format}: ${err instanceof Error ? err.message : String(err)}`;
        throw new ExportConfigError([{ file: config.file, row: c.baris, column: "format", reason, text: c.format }]);
      }
    });
    return {
      kodeWilayah: rec.kode_wilayah ?? "",
      tahun: rec.tahun,
      urutan: rec.urutan ?? "",
      tahunLaporan: rec.tahun_laporan,
      values,
      sources: t.columns.map((_, i) => rec[`s${i}`] ?? null),
      rowSource: rec.sumber_baris ?? null,
    };
  });
  return { tabel: t.tabel, model: t.model, columns: t.columns, rows };
}

/** The value as exact plain text: a number in its format's terms, or the text as it is. */
function checkValue(v: string, format: ExportFormat): string {
  switch (format) {
    case "teks":
      return v;
    case "bilangan":
      return bilanganFixed(v);
    default:
      return angkaFixed(v);
  }
}

/**
 * The machine CSV of a table: identifier column names (kode_wilayah, tahun, urutan, the mart's own
 * column names, then the provenance columns), plain exact decimals with "." and no grouping, UTF-8,
 * RFC 4180. People who paste into an Indonesian Excel get the XLSX, where Excel formats the numbers.
 */
export function machineCsv(t: TableData): string {
  const cols = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kolom);
  const sourceCols = [...new Map(t.columns.map((c, i) => [c.kolom_sumber, i] as const).filter(([k]) => k)).entries()];
  const header = [...KEY_COLUMNS, ...cols.map(({ c }) => c.kolom), ...sourceCols.map(([k]) => k)];
  const body = t.rows.map((r) => [r.kodeWilayah, r.tahun, r.urutan, ...cols.map(({ i }) => r.values[i]), ...sourceCols.map(([, i]) => r.sources[i])]);
  return toCsv([header, ...body]);
}
