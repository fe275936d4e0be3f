/**
 * Loads one catalogued file into its raw table, the same way for every family:
 *   read grid -> locate header -> body into a DuckDB temp table -> classify rows (data, total,
 *   note, blank) -> validate numbers -> insert typed rows with provenance; printed totals go to
 *   raw.stated_totals, odd cells (dash, ###, bad codes) to raw.cell_flags, titles and footnotes to
 *   raw.source_notes.
 */
import { DuckDBAppender } from "@duckdb/node-api";
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { angkaInfoSql, exactDecimal, kuantitasInfoSql, type AngkaOption } from "../lib/angka-sql.js";
import { kodeMasalahSql, kodeTingkatSql } from "../lib/kode-rekening-sql.js";
import { Db, infoField, sqlIdent, sqlString } from "../lib/duckdb.js";
import { SourceError, type SourceProblem } from "../lib/errors.js";
import { readCsvGrid, readXlsxGrid, type Grid } from "./grid.js";
import { locateHeader, type HeaderMatch } from "./header.js";
import type { z } from "zod";
import type { ColumnSpec, Domain, ParsedLayout } from "./layout.js";

export interface FileToLoad {
  /** Path relative to the sources directory (provenance). */
  file: string;
  absPath: string;
  sha256: string;
  layout: ParsedLayout;
  kodeWilayah: string | null;
  tahun: number | null;
  sheet?: string;
  /** The file's row in catalogue.csv (named when a cue contradicts it). */
  catalogueRow?: number;
  /** Region names by BPS code (from the catalogued bps.wilayah list), for the layout's region cue. */
  regions?: Map<string, string[]>;
}

export interface LoadResult {
  /** Row number of the last header row, as a person sees it. */
  headerRow: number;
  dataRows: number;
  totalRows: number;
  sheet: string | null;
}

const BODY = "tmp_body";
/** One row per file of the batch: its provenance, joined to the body by fidx. */
const FILES = "tmp_files";
/** The body with each row's file provenance (f_file, f_sheet, f_sha, f_kode, f_tahun). */
const SRC = `${BODY} JOIN ${FILES} USING (fidx)`;
const PROV = "f_file, f_sheet, source_row, f_sha, f_kode, f_tahun";

/** A file read up to its header, checked, and ready to join a batch of its layout. */
export interface PreparedFile {
  f: FileToLoad;
  grid: Grid;
  m: HeaderMatch;
  /** DuckDB reads the body (bulk layouts, CSV). */
  bulk: boolean;
  /** Columns seen in the rows read. */
  width: number;
  /** Row number of the first data row (bulk: where DuckDB starts reading). */
  firstDataRow: number;
  /** Lines in the file (bulk only: a body with blank lines falls back to the sheet reader). */
  lines?: number;
}

/**
 * Reads a file's head (the whole sheet for sheet layouts), finds its header and checks what the
 * head shows (control characters, year and region cues). Bulk files keep only their title rows.
 */
export async function prepareFile(f: FileToLoad, lines?: number): Promise<PreparedFile> {
  const { layout } = f;
  const isXlsx = extname(f.absPath).toLowerCase() === ".xlsx";
  const bulk = layout.reader === "bulk" && !isXlsx;
  const grid: Grid = isXlsx
    ? await readXlsxGrid(f.absPath, f.sheet, f.file)
    : await readCsvGrid(f.absPath, bulk ? 60 : undefined, f.file);
  const header = locateHeader(grid.rows, layout);
  if (!header.ok) throw new SourceError([{ file: f.file, sheet: grid.sheet, row: header.row, reason: header.reason }]);
  const m = header.match;
  rejectControlCharacters(f, grid, m);
  checkCues(f, grid, m);
  const width = grid.rows.reduce((w, r) => Math.max(w, r.cells.length), m.labels.length);
  const firstDataRow = grid.rows[m.dataIndex]?.row ?? m.dataIndex + 1;
  // A bulk file's rows below the header are DuckDB's to read: drop them (memory at scale).
  const kept = bulk ? { sheet: grid.sheet, rows: grid.rows.slice(0, m.dataIndex) } : grid;
  return { f, grid: kept, m, bulk, width, firstDataRow, lines: bulk ? (lines ?? (await countLines(f.absPath))) : undefined };
}

/** Files of one batch share layout, reader, header positions and labels (and, bulk, skip and width). */
export function batchKey(p: PreparedFile): string {
  return JSON.stringify([p.f.layout.name, p.bulk, p.bulk ? p.firstDataRow : 0, p.bulk ? p.width : 0, p.m.positions, p.m.labels, p.m.headerIndex, p.m.dataIndex]);
}

export async function loadFile(db: Db, f: FileToLoad): Promise<LoadResult> {
  return (await loadBatch(db, [await prepareFile(f)]))[0]!;
}

/**
 * Loads a batch of prepared files (same batchKey) with one set of statements: one multi-file
 * read_csv for bulk files, then classification, parsing, validation and inserts set-wise over the
 * batch, provenance joined per file. The first file (in batch order) with a problem fails the load.
 */
export async function loadBatch(db: Db, batch: PreparedFile[]): Promise<LoadResult[]> {
  if (batch.length === 0) return [];
  const { layout } = batch[0]!.f;
  const m = batch[0]!.m;
  const width = batch.reduce((w, p) => Math.max(w, p.width), 0);
  const cols = Array.from({ length: width }, (_, j) => `c${j}`);
  await db.run(`DROP TABLE IF EXISTS ${BODY}; DROP TABLE IF EXISTS ${FILES}`);
  await db.run(
    `CREATE TEMP TABLE ${BODY} (fidx INTEGER, source_row INTEGER, ${cols.map((c) => `${c} VARCHAR`).join(", ")}, jenis VARCHAR)`,
  );
  await db.run(`CREATE TEMP TABLE ${FILES} (fidx INTEGER, f_file VARCHAR, f_sheet VARCHAR, f_sha VARCHAR, f_kode VARCHAR, f_tahun INTEGER, f_abs VARCHAR)`);
  await db.run(`INSERT INTO ${FILES} VALUES ${batch
    .map((p, i) => `(${i}, ${sqlString(p.f.file)}, ${sqlString(p.grid.sheet)}, ${sqlString(p.f.sha256)}, ${sqlString(p.f.kodeWilayah)}, ${p.f.tahun ?? "NULL"}, ${sqlString(p.f.absPath)})`)
    .join(", ")}`);
  const bulkIdx = batch.flatMap((p, i) => (p.bulk ? [i] : []));
  if (bulkIdx.length) {
    const fallback = await readBodiesWithDuckDb(db, batch, bulkIdx, cols);
    const read = bulkIdx.filter((i) => !fallback.includes(i));
    if (read.length) await rejectControlCharactersInBody(db, batch, read, cols);
    for (const i of fallback) {
      // Blank or multi-line rows shift DuckDB's record numbers off the file's rows: read the
      // file with the sheet reader instead, so provenance stays exact.
      const p = batch[i]!;
      await db.run(`DELETE FROM ${BODY} WHERE fidx = ${i}`);
      const full = await readCsvGrid(p.f.absPath, undefined, p.f.file);
      rejectControlCharacters(p.f, full, p.m);
      await appendBody(db, i, full, p.m.dataIndex, cols);
    }
  }
  for (const [i, p] of batch.entries()) if (!p.bulk) await appendBody(db, i, p.grid, p.m.dataIndex, cols);

  await classifyRows(db, layout, m, cols);
  await parseNumbers(db, layout, m);
  await validate(db, batch, m);
  await checkDomains(db, batch, m);

  await insertNotes(db, batch, cols);
  await insertColumns(db, batch, m);
  await ensureRawTable(db, layout);
  await insertRows(db, layout, m);
  await insertFlags(db, layout, m);
  await insertStatedTotals(db, layout, m);

  const counts = await db.all<{ fidx: number; jenis: string; n: string }>(
    `SELECT fidx, jenis, count(*)::VARCHAR AS n FROM ${BODY} GROUP BY fidx, jenis`,
  );
  const count = (i: number, k: string) => Number(counts.find((c) => Number(c.fidx) === i && c.jenis === k)?.n ?? 0);
  return batch.map((p, i) => ({
    headerRow: p.grid.rows[p.m.headerIndex + layout.headerRows - 1]!.row,
    dataRows: count(i, "data"),
    totalRows: count(i, "total"),
    sheet: p.grid.sheet,
  }));
}

async function appendBody(db: Db, fidx: number, grid: Grid, dataIndex: number, cols: string[]): Promise<void> {
  const appender: DuckDBAppender = await db.con.createAppender(BODY);
  for (const r of grid.rows.slice(dataIndex)) {
    appender.appendInteger(fidx);
    appender.appendInteger(r.row);
    for (let j = 0; j < cols.length; j++) {
      const v = (r.cells[j] ?? "").trim();
      if (v === "") appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Bulk path: DuckDB reads the bodies of all the batch's bulk files in one multi-file read_csv.
 * DuckDB skips blank lines, so exports read this way must have a contiguous body; a structurally
 * broken line is caught in the rejects table with its true line number and fails the load.
 * Returns the files whose body is not contiguous (to be read by the sheet reader).
 */
async function readBodiesWithDuckDb(db: Db, batch: PreparedFile[], idx: number[], cols: string[]): Promise<number[]> {
  const skip = batch[idx[0]!]!.firstDataRow - 1;
  const columns = `{${cols.map((c) => `'${c}': 'VARCHAR'`).join(", ")}}`;
  const list = `[${idx.map((i) => sqlString(batch[i]!.f.absPath)).join(", ")}]`;
  await db.run(`DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans`);
  // Row numbers: DuckDB keeps each file's lines in order (insertion order is preserved), so a
  // file's n-th record is line skip + n.
  await db.run(`
    INSERT INTO ${BODY}
    SELECT t.fidx, (row_number() OVER (PARTITION BY r.filename ORDER BY r.rn) + ${skip})::INTEGER,
           ${cols.map((c) => `nullif(trim(r.${c}), '')`).join(", ")}, NULL
    FROM (SELECT *, row_number() OVER () AS rn
          FROM read_csv(${list}, header = false, auto_detect = false, delim = ',', quote = '"',
                  escape = '"', skip = ${skip}, null_padding = true, parallel = false, filename = true,
                  columns = ${columns}, store_rejects = true)) r
    JOIN ${FILES} t ON t.f_abs = r.filename`);
  const rejects = await db.all<{ file_path: string; line: string; error_type: string; error_message: string; csv_line: string }>(
    `SELECT s.file_path, e.line::VARCHAR AS line, e.error_type::VARCHAR AS error_type, e.error_message, e.csv_line
     FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id) ORDER BY e.line`,
  );
  if (rejects.length > 0) {
    const first = idx.find((i) => rejects.some((r) => r.file_path === batch[i]!.f.absPath)) ?? idx[0]!;
    const f = batch[first]!.f;
    throw new SourceError(
      rejects
        .filter((r) => r.file_path === f.absPath)
        .slice(0, 20)
        .map((r) => ({ file: f.file, row: Number(r.line), reason: `baris tidak terbaca: ${rejectReason(r.error_type, r.error_message)}`, text: r.csv_line })),
    );
  }
  const records = await db.all<{ fidx: number; n: string }>(`SELECT fidx, count(*)::VARCHAR AS n FROM ${BODY} GROUP BY fidx`);
  const n = new Map(records.map((r) => [Number(r.fidx), Number(r.n)]));
  return idx.filter((i) => skip + (n.get(i) ?? 0) !== batch[i]!.lines);
}
/** DuckDB's reject kinds in the clerk's words (DuckDB's own message kept in brackets, first line only). */
function rejectReason(type: string, message: string): string {
  const own = (message ?? "").split("\n")[0]!.slice(0, 120);
  const reasons: Record<string, string> = {
    "UNQUOTED VALUE": "tanda kutip (\") tidak seimbang",
    "UNTERMINATED QUOTES": "tanda kutip (\") dibuka tetapi tidak ditutup",
    "INVALID UNICODE": "teks bukan UTF-8 yang sah",
    "TOO MANY COLUMNS": "kolom lebih banyak daripada baris judul",
    "TOO FEW COLUMNS": "kolom lebih sedikit daripada baris judul",
    "MAXIMUM LINE SIZE": "baris terlalu panjang",
  };
  return `${reasons[type] ?? "struktur CSV rusak"} [${own}]`;
}

/** Lines in a file (a last line without a newline counts), by scanning bytes: no parsing. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}

/** Replaces {key} placeholders in a layout predicate by the body column holding that key. */
function bindPredicate(sql: string, m: HeaderMatch): string {
  return sql.replace(/\{([a-z0-9_]+)\}/g, (_, key: string) => {
    const pos = m.positions[key];
    if (pos === undefined) throw new Error(`predicate names unknown column {${key}}`);
    return pos === null ? "NULL" : `c${pos}`;
  });
}

async function classifyRows(db: Db, layout: ParsedLayout, m: HeaderMatch, cols: string[]): Promise<void> {
  const allEmpty = cols.map((c) => `${c} IS NULL`).join(" AND ");
  const onlyFirst = `c0 IS NOT NULL AND ${cols.slice(1).map((c) => `${c} IS NULL`).join(" AND ") || "TRUE"}`;
  const defaultNote = `(${onlyFirst} AND angka_jenis(c0, '.') = 'invalid')`;
  const note = layout.noteWhen ? `(${bindPredicate(layout.noteWhen, m)}) OR ${defaultNote}` : defaultNote;
  const total = layout.totalWhen ? bindPredicate(layout.totalWhen, m) : "FALSE";
  await db.run(`UPDATE ${BODY} SET jenis = CASE
      WHEN ${allEmpty} THEN 'kosong'
      WHEN coalesce(${total}, FALSE) THEN 'total'
      WHEN coalesce(${note}, FALSE) THEN 'catatan'
      ELSE 'data' END`);
}

function numericColumns(layout: ParsedLayout, m: HeaderMatch) {
  return layout.columns
    .filter((c) => (c.type === "angka" || c.type === "kuantitas") && m.positions[c.key] != null)
    .map((c) => ({
      ...c,
      type: c.type as "angka" | "kuantitas",
      col: `c${m.positions[c.key]}`,
      info: `p${m.positions[c.key]}`,
      label: m.labels[m.positions[c.key]!]!,
    }));
}

function numberOption(layout: ParsedLayout): AngkaOption {
  return layout.numberStyle === "machine" ? "machine" : layout.thousands === "," ? "," : ".";
}

/**
 * Parses every number cell once into p<j> columns, natively in DuckDB where the cell has a common
 * shape and with the TS parser otherwise (angka-sql.ts); all later steps read the parsed facts
 * with native split_part instead of parsing again.
 */
async function parseNumbers(db: Db, layout: ParsedLayout, m: HeaderMatch): Promise<void> {
  const opt = numberOption(layout);
  const parsed = layout.columns
    .filter((c) => (c.type === "angka" || c.type === "kuantitas" || c.type === "teks_angka") && m.positions[c.key] != null)
    .map((c) => ({ pos: m.positions[c.key]!, fn: c.type === "kuantitas" ? kuantitasInfoSql : angkaInfoSql }));
  if (parsed.length === 0) return;
  for (const p of parsed) await db.run(`ALTER TABLE ${BODY} ADD COLUMN IF NOT EXISTS p${p.pos} VARCHAR`);
  await db.run(`UPDATE ${BODY} SET ${parsed.map((p) => `p${p.pos} = ${p.fn(`c${p.pos}`, opt)}`).join(", ")}
    WHERE jenis IN ('data', 'total')`);
}

/** The first file of the batch (in batch order) that has problems, and its problems. */
function firstFile<T extends { fidx: number }>(rows: T[]): T[] {
  if (!rows.length) return rows;
  const first = Math.min(...rows.map((r) => Number(r.fidx)));
  return rows.filter((r) => Number(r.fidx) === first);
}

async function validate(db: Db, batch: PreparedFile[], m: HeaderMatch): Promise<void> {
  const layout = batch[0]!.f.layout;
  const checks = numericColumns(layout, m).map(
    (c) => `SELECT fidx, source_row, ${sqlString(c.label)} AS kolom, ${c.col} AS teks, ${infoField(c.info, "masalah")} AS masalah
            FROM ${BODY} WHERE jenis IN ('data', 'total') AND ${infoField(c.info, "jenis")} = 'invalid'`,
  );
  if (checks.length === 0) return;
  const bad = firstFile(await db.all<{ fidx: number; source_row: number; kolom: string; teks: string; masalah: string }>(
    `${checks.join(" UNION ALL ")} ORDER BY fidx, source_row, kolom`,
  ));
  if (bad.length > 0) {
    const p = batch[Number(bad[0]!.fidx)]!;
    throw new SourceError(
      bad.map(
        (b): SourceProblem => ({
          file: p.f.file,
          sheet: p.grid.sheet,
          row: Number(b.source_row),
          column: b.kolom,
          reason: `angka tidak dapat dibaca: ${b.masalah}`,
          text: b.teks,
        }),
      ),
    );
  }
}

function rawColumnTypes(layout: ParsedLayout): [string, string][] {
  const out: [string, string][] = [];
  for (const c of layout.columns) {
    if (c.type === "text") out.push([c.key, "VARCHAR"]);
    if (c.type === "angka") out.push([c.key, "DECIMAL(28,6)"]);
    if (c.type === "kuantitas") out.push([c.key, "DECIMAL(28,6)"], [`${c.key}_satuan`, "VARCHAR"]);
    if (c.type === "kode_rekening") out.push([c.key, "VARCHAR"], [`${c.key}_tingkat`, "VARCHAR"], [`${c.key}_masalah`, "VARCHAR"]);
    if (c.type === "teks_angka") out.push([c.key, "VARCHAR"], [`${c.key}_nilai`, "DECIMAL(28,6)"], [`${c.key}_desimal`, "INTEGER"]);
  }
  return out;
}

export const PROVENANCE_COLUMNS = ["source_file", "source_sheet", "source_row", "source_sha256"] as const;

export async function ensureRawTable(db: Db, layout: ParsedLayout): Promise<void> {
  const cols = rawColumnTypes(layout).map(([k, t]) => `${sqlIdent(k)} ${t}`);
  await db.run(`CREATE TABLE IF NOT EXISTS raw.${sqlIdent(layout.table)} (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    kode_wilayah VARCHAR, tahun INTEGER, ${cols.join(", ")})`);
}

async function insertRows(db: Db, layout: ParsedLayout, m: HeaderMatch): Promise<void> {
  const exprs: string[] = [];
  const width: Record<ColumnSpec["type"], number> = { text: 1, angka: 1, kuantitas: 2, kode_rekening: 3, teks_angka: 3 };
  for (const c of layout.columns) {
    const pos = m.positions[c.key];
    // An absent optional column (most of a layout's per-year columns): plain NULLs, no expressions to plan.
    if (pos == null) {
      exprs.push(...Array<string>(width[c.type]).fill("NULL"));
      continue;
    }
    const col = `c${pos}`;
    const info = `p${pos}`;
    const dashZero = c.dash === "zero";
    if (c.type === "text") exprs.push(col);
    if (c.type === "angka") exprs.push(decimalExpr(info, dashZero));
    if (c.type === "kuantitas") exprs.push(decimalExpr(info, dashZero), infoField(info, "satuan"));
    if (c.type === "teks_angka") {
      exprs.push(col, exactDecimal(infoField(info, "nilai")), `CAST(${infoField(info, "desimal")} AS INTEGER)`);
    }
    if (c.type === "kode_rekening") exprs.push(col, kodeTingkatSql(col), kodeMasalahSql(col));
  }
  await db.run(`INSERT INTO raw.${sqlIdent(layout.table)}
    SELECT ${PROV}, ${exprs.join(", ")} FROM ${SRC} WHERE jenis = 'data' ORDER BY fidx, source_row`);
}

/** The cell's value from its parsed facts; a dash is 0 where the column says "-" means nil. */
function decimalExpr(info: string, dashZero: boolean): string {
  const dash = dashZero ? `WHEN ${infoField(info, "jenis")} = 'dash' THEN '0'` : "";
  return exactDecimal(`(CASE ${dash} WHEN ${info} IS NULL THEN NULL ELSE ${infoField(info, "nilai")} END)`);
}

async function insertFlags(db: Db, layout: ParsedLayout, m: HeaderMatch): Promise<void> {
  const parts = numericColumns(layout, m).map((c) => {
    const meaning = c.dash === "zero" ? "nol" : "tidak dinyatakan";
    const jenis = infoField(c.info, "jenis");
    return `SELECT fidx, ${PROV}, ${sqlString(c.label)}, ${sqlString(c.key)}, ${jenis}, ${c.col},
              CASE ${jenis} WHEN 'dash' THEN ${sqlString(`tanda '-' dibaca sebagai ${meaning}`)}
                            ELSE 'sel rusak (###): nilai tidak tercetak, dimuat sebagai kosong' END
            FROM ${SRC} WHERE jenis IN ('data', 'total') AND ${jenis} IN ('dash', 'broken')`;
  });
  for (const c of layout.columns.filter((c) => c.type === "kode_rekening")) {
    const pos = m.positions[c.key];
    if (pos == null) continue;
    const col = `c${pos}`;
    parts.push(`SELECT fidx, ${PROV}, ${sqlString(m.labels[pos]!)}, ${sqlString(c.key)}, 'kode_tidak_valid', ${col}, ${kodeMasalahSql(col)}
                FROM ${SRC} WHERE jenis = 'data' AND ${kodeMasalahSql(col)} IS NOT NULL`);
  }
  if (!parts.length) return;
  // Per file, in the order a file-by-file load wrote them: part by part, row by row.
  const ordered = parts.map((q, k) => `SELECT *, ${k} AS part_ FROM (${q})`).join(" UNION ALL ");
  await db.run(`INSERT INTO raw.cell_flags SELECT * EXCLUDE (fidx, part_) FROM (${ordered}) ORDER BY fidx, part_, source_row`);
}

async function insertStatedTotals(db: Db, layout: ParsedLayout, m: HeaderMatch): Promise<void> {
  const label = labelExpr(layout, m);
  const parts: string[] = [];
  for (const c of numericColumns(layout, m)) {
    const sums = layout.totalSums?.[c.key] ?? [c.key];
    parts.push(`SELECT fidx, ${PROV}, ${sqlString(layout.name)}, ${sqlString(layout.table)}, ${label},
        ${sqlString(c.label)}, ${sqlString(c.key)}, ${decimalExpr(c.info, c.dash === "zero")}, ${c.col},
        'kolom', ${sqlList(sums)}, ${sqlString(layout.totalRowsFilter ?? null)}
      FROM ${SRC} WHERE jenis = 'total' AND ${c.col} IS NOT NULL`);
    if (c.rowTotalOf) {
      parts.push(`SELECT fidx, ${PROV}, ${sqlString(layout.name)}, ${sqlString(layout.table)}, ${label},
          ${sqlString(c.label)}, ${sqlString(c.key)}, ${decimalExpr(c.info, c.dash === "zero")}, ${c.col},
          'baris', ${sqlList(c.rowTotalOf)}, NULL
        FROM ${SRC} WHERE jenis = 'data' AND ${c.col} IS NOT NULL`);
    }
  }
  if (!parts.length) return;
  const ordered = parts.map((q, k) => `SELECT *, ${k} AS part_ FROM (${q})`).join(" UNION ALL ");
  await db.run(`INSERT INTO raw.stated_totals SELECT * EXCLUDE (fidx, part_) FROM (${ordered}) ORDER BY fidx, part_, source_row`);
}

function sqlList(items: string[]): string {
  return `[${items.map(sqlString).join(", ")}]::VARCHAR[]`;
}

/** The row's label: its first non-empty text cell. */
function labelExpr(layout: ParsedLayout, m: HeaderMatch): string {
  const textCols = layout.columns
    .filter((c) => c.type !== "angka" && c.type !== "kuantitas" && m.positions[c.key] != null)
    .map((c) => `c${m.positions[c.key]}`);
  return textCols.length ? `coalesce(${textCols.join(", ")})` : "NULL";
}

async function insertNotes(db: Db, batch: PreparedFile[], cols: string[]): Promise<void> {
  const titles = batch.flatMap((p, i) =>
    p.grid.rows
      .slice(0, p.m.headerIndex)
      .filter((r) => r.cells.some((c) => c.trim() !== ""))
      .map((t) => `(${i}, ${t.row}, ${sqlString(t.cells.map((c) => c.trim()).filter(Boolean).join(" "))})`),
  );
  const judul = titles.length
    ? `SELECT fidx, 0 AS part_, ${PROV}, 'judul' AS jenis, teks FROM (VALUES ${titles.join(", ")}) v(fidx, source_row, teks) JOIN ${FILES} USING (fidx)`
    : null;
  const catatan = `SELECT fidx, 1 AS part_, ${PROV}, 'catatan' AS jenis, concat_ws(' ', ${cols.join(", ")}) AS teks FROM ${SRC} WHERE jenis = 'catatan'`;
  await db.run(`INSERT INTO raw.source_notes SELECT f_file, f_sheet, source_row, f_sha, jenis, teks FROM (
    ${judul ? `${judul} UNION ALL ` : ""}${catatan}) ORDER BY fidx, part_, source_row`);
}

/** Which printed column each raw column came from: provenance down to the cell. */
async function insertColumns(db: Db, batch: PreparedFile[], m: HeaderMatch): Promise<void> {
  const layout = batch[0]!.f.layout;
  const values = batch.flatMap((p) =>
    layout.columns
      .filter((c) => m.positions[c.key] != null)
      .map((c) => {
        const pos = m.positions[c.key]!;
        return `(${sqlString(p.f.file)}, ${sqlString(p.grid.sheet)}, ${sqlString(layout.table)}, ${sqlString(c.key)}, ${sqlString(c.type)}, ${sqlString(m.labels[pos]!)}, ${pos + 1}, ${sqlString(columnLetter(pos))})`;
      }),
  );
  if (values.length) await db.run(`INSERT INTO raw.source_columns VALUES ${values.join(", ")}`);
}

/** Spreadsheet column letter of a 0-based position: 0 -> A, 26 -> AA. */
export function columnLetter(pos: number): string {
  let n = pos + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function createRawSchema(db: Db): Promise<void> {
  await db.run(`CREATE SCHEMA IF NOT EXISTS raw`);
  await db.run(`CREATE TABLE raw.source_files (
    source_file VARCHAR PRIMARY KEY, source_sha256 VARCHAR NOT NULL, size_bytes BIGINT NOT NULL,
    family VARCHAR NOT NULL, layout VARCHAR NOT NULL, raw_table VARCHAR NOT NULL, source_sheet VARCHAR,
    kode_wilayah VARCHAR, tahun INTEGER, format VARCHAR NOT NULL, rujukan VARCHAR, judul VARCHAR, salinan_dari VARCHAR,
    header_row INTEGER NOT NULL, data_rows INTEGER NOT NULL, total_rows INTEGER NOT NULL, loaded_at TIMESTAMP NOT NULL, load_ms INTEGER NOT NULL)`);
  await db.run(`CREATE TABLE raw.stated_totals (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    kode_wilayah VARCHAR, tahun INTEGER, layout VARCHAR NOT NULL, raw_table VARCHAR NOT NULL, label VARCHAR,
    source_column VARCHAR NOT NULL, kolom VARCHAR NOT NULL, nilai DECIMAL(28,6), teks VARCHAR,
    lingkup VARCHAR NOT NULL, kolom_bagian VARCHAR[] NOT NULL, baris_bagian VARCHAR)`);
  await db.run(`CREATE TABLE raw.cell_flags (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    kode_wilayah VARCHAR, tahun INTEGER, source_column VARCHAR NOT NULL, kolom VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL, teks VARCHAR, keterangan VARCHAR)`);
  await db.run(`CREATE TABLE raw.source_columns (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, raw_table VARCHAR NOT NULL, kolom VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL, source_column VARCHAR NOT NULL, posisi INTEGER NOT NULL, huruf_kolom VARCHAR NOT NULL)`);
  await db.run(`CREATE TABLE raw.source_notes (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL, teks VARCHAR)`);
}

/** C0 control characters other than tab, LF and CR, and DEL: never in a real cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function rejectControlCharacters(f: FileToLoad, grid: Grid, m: HeaderMatch): void {
  const problems: SourceProblem[] = [];
  for (const [i, r] of grid.rows.entries()) {
    for (const [j, cell] of r.cells.entries()) {
      if (!CONTROL.test(cell)) continue;
      problems.push({
        file: f.file,
        sheet: grid.sheet,
        row: r.row,
        column: i >= m.headerIndex && m.labels[j] ? m.labels[j]! : columnLetter(j),
        reason: "sel berisi karakter kendali (mis. NUL) yang tidak boleh ada dalam teks; periksa/ketik ulang sel ini",
        text: cell,
      });
      if (problems.length >= 20) throw new SourceError(problems);
    }
  }
  if (problems.length) throw new SourceError(problems);
}

async function rejectControlCharactersInBody(db: Db, batch: PreparedFile[], idx: number[], cols: string[]): Promise<void> {
  const bad = firstFile(await db.all<{ fidx: number; source_row: number; pos: number; teks: string }>(
    cols
      .map((c, j) => `SELECT fidx, source_row, ${j} AS pos, ${c} AS teks FROM ${BODY} WHERE fidx IN (${idx.join(", ")}) AND regexp_matches(${c}, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]')`)
      .join(" UNION ALL ") + " ORDER BY fidx, source_row, pos LIMIT 20",
  ));
  if (bad.length) {
    const p = batch[Number(bad[0]!.fidx)]!;
    throw new SourceError(
      bad.map((b) => ({
        file: p.f.file,
        row: Number(b.source_row),
        column: p.m.labels[Number(b.pos)] || columnLetter(Number(b.pos)),
        reason: "sel berisi karakter kendali (mis. NUL) yang tidak boleh ada dalam teks; periksa/ketik ulang sel ini",
        text: b.teks,
      })),
    );
  }
}

/** The year and region printed above the header must be the catalogue's. */
function checkCues(f: FileToLoad, grid: Grid, m: HeaderMatch): void {
  const cues = f.layout.cues;
  if (!cues) return;
  const titles = grid.rows.slice(0, m.headerIndex).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const contradiction = (row: number, what: string, printed: string, catalogued: string): SourceError =>
    new SourceError([
      {
        file: f.file,
        sheet: grid.sheet,
        row,
        reason: `${what} tercetak di judul berkas (${printed}) bertentangan dengan catalogue.csv${f.catalogueRow ? ` baris ${f.catalogueRow}` : ""} (${catalogued}); perbaiki baris katalog atau pastikan berkasnya benar`,
      },
    ]);
  for (const t of titles) {
    const text = t.cells.map((c) => c.trim()).filter(Boolean).join(" ");
    if (cues.tahun && f.tahun != null) {
      const years = [...text.matchAll(new RegExp(cues.tahun, "gi"))].map((mm) => Number(mm[1])).filter((y) => Number.isInteger(y));
      if (years.length && !years.includes(f.tahun)) throw contradiction(t.row, "tahun", years.join(", "), `tahun ${f.tahun}`);
    }
    if (cues.wilayah && f.kodeWilayah && f.regions?.size) {
      const named = [...f.regions].filter(([, names]) => names.some((n) => new RegExp(`(^|[^\\p{L}])${escapeRegex(n)}($|[^\\p{L}])`, "iu").test(text)));
      // "Kutai Kartanegara" also contains no other region's name; "Kutai Barat" is another region.
      if (named.length && !named.some(([kode]) => kode === f.kodeWilayah)) {
        throw contradiction(t.row, "wilayah", named.map(([k, n]) => `${n[0]} = ${k}`).join(", "), `kode_wilayah ${f.kodeWilayah}`);
      }
    }
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Cells outside their column's declared domain (negative counts, fractions in counts, scale
 * words where none belong, percentages out of range, the ambiguous `1,003` in a count). Flagged
 * and loaded as empty, or the load fails where the layout says so.
 */
async function checkDomains(db: Db, batch: PreparedFile[], m: HeaderMatch): Promise<void> {
  const layout = batch[0]!.f.layout;
  const nilai = (info: string) => `TRY_CAST(${infoField(info, "nilai")} AS DECIMAL(28,6))`;
  const parts: string[] = [];
  for (const c of numericColumns(layout, m)) {
    const d: Partial<z.output<typeof Domain>> = c.domain ?? {};
    const isNumber = `${infoField(c.info, "jenis")} = 'number'`;
    const rules: [string, string][] = [];
    if (!d.scale) rules.push([`regexp_matches(${c.col}, '[0-9]\\s*(t|m|jt|rb)\\s*%?\\)?$', 'i')`, "akhiran skala (T/M/Jt/Rb) tidak boleh di kolom ini"]);
    if (d.integer) {
      if (layout.thousands === "." && layout.numberStyle !== "machine") {
        rules.push([`regexp_matches(${c.col}, '^[0-9]{1,3},[0-9]{3}$')`, "meragukan: di kolom hitungan koma berarti desimal, jadi ini bukan bilangan bulat; maksudnya ribuan (pakai titik)?"]);
      }
      rules.push([`${nilai(c.info)} <> trunc(${nilai(c.info)})`, "kolom hitungan harus bilangan bulat"]);
      rules.push([`contains(${c.col}, '%')`, "tanda persen di kolom hitungan"]);
    }
    if (d.min != null) rules.push([`${nilai(c.info)} < ${d.min}`, `nilai di bawah batas wajar ${d.min.replace(".", ",")}`]);
    if (d.max != null) rules.push([`${nilai(c.info)} > ${d.max}`, `nilai di atas batas wajar ${d.max.replace(".", ",")}`]);
    if (!rules.length) continue;
    const reason = rules.reduce((acc, [cond, why]) => `${acc} WHEN ${cond} THEN ${sqlString(why)}`, "CASE") + " END";
    parts.push(`SELECT fidx, source_row, ${c.col.slice(1)}::INTEGER AS pos, ${sqlString(c.key)} AS kunci, ${sqlString(c.label)} AS kolom, ${c.col} AS teks,
        ${reason} AS keterangan, ${sqlString(d.onViolation ?? "flag")} AS tindakan
      FROM ${BODY} WHERE jenis IN ('data', 'total') AND ${isNumber}`);
  }
  if (!parts.length) return;
  await db.run(`DROP TABLE IF EXISTS tmp_domain`);
  await db.run(`CREATE TEMP TABLE tmp_domain AS SELECT * FROM (${parts.join(" UNION ALL ")}) WHERE keterangan IS NOT NULL`);
  const fail = firstFile(await db.all<{ fidx: number; source_row: number; kolom: string; teks: string; keterangan: string }>(
    `SELECT fidx, source_row, kolom, teks, keterangan FROM tmp_domain WHERE tindakan = 'fail' ORDER BY fidx, source_row, pos LIMIT 20`,
  ));
  if (fail.length) {
    const p = batch[Number(fail[0]!.fidx)]!;
    throw new SourceError(fail.map((b) => ({ file: p.f.file, sheet: p.grid.sheet, row: Number(b.source_row), column: b.kolom, reason: `nilai tidak wajar: ${b.keterangan}`, text: b.teks })));
  }
  await db.run(`INSERT INTO raw.cell_flags
    SELECT f_file, f_sheet, source_row, f_sha, f_kode, f_tahun, kolom, kunci, 'di_luar_domain', teks, keterangan || '; dimuat sebagai kosong'
    FROM tmp_domain JOIN ${FILES} USING (fidx) ORDER BY fidx, source_row, pos`);
  // The flagged cell loads as empty: a figure nobody can vouch for must not flow into sums.
  const positions = [...new Set((await db.all<{ pos: number }>(`SELECT DISTINCT pos FROM tmp_domain`)).map((r) => Number(r.pos)))];
  for (const pos of positions) {
    await db.run(`UPDATE ${BODY} SET p${pos} = NULL FROM tmp_domain d WHERE d.pos = ${pos} AND d.fidx = ${BODY}.fidx AND d.source_row = ${BODY}.source_row`);
  }
}
