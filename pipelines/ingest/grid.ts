/**
 * Readers: a source file becomes a grid of text cells with the row numbers a person sees when
 * opening the file (1-based; blank rows counted, as a spreadsheet shows them).
 */
import { readFile } from "node:fs/promises";
import { CsvError, parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { SourceError } from "../lib/errors.js";

export interface GridRow {
  row: number;
  cells: string[];
}

export interface Grid {
  sheet: string | null;
  rows: GridRow[];
}

/** Strict UTF-8: a byte sequence that is not UTF-8 (e.g. Latin-1 "é") is refused, never turned into U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** `file` is the path shown in messages (relative to the sources folder). */
export async function readCsvGrid(path: string, maxRows?: number, file = path): Promise<Grid> {
  const bytes = await readFile(path);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new SourceError([invalidUtf8(bytes, file)]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, to: maxRows });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw new SourceError([{ file, row: csvErrorRow(err), reason: csvReason(err) }]);
  }
  return { sheet: null, rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? "") })) };
}

/** Names the row and column of the first byte that is not UTF-8. */
function invalidUtf8(bytes: Buffer, file: string) {
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const at = lenient.indexOf("\ufffd");
  const before = lenient.slice(0, Math.max(at, 0));
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = lenient.indexOf("\n", at);
  const line = lenient.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const column = (before.slice(lineStart).match(/,/g) ?? []).length + 1;
  return {
    file,
    row: (before.match(/\n/g) ?? []).length + 1,
    column: `ke-${column}`,
    reason: "teks bukan UTF-8 yang sah (mungkin disimpan sebagai Latin-1/ANSI); simpan ulang berkas sebagai CSV UTF-8",
    text: line,
  };
}

function csvErrorRow(err: CsvError): number | null {
  const e = err as CsvError & { lines?: number };
  return typeof e.lines === "number" ? e.lines : null;
}

function csvReason(err: CsvError): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "tanda kutip (\") dibuka tetapi tidak ditutup sampai akhir berkas";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "ada karakter tepat setelah tanda kutip penutup (\"); periksa tanda kutip di baris ini";
    case "INVALID_OPENING_QUOTE":
      return "tanda kutip (\") di tengah sel tanpa kutip; periksa tanda kutip di baris ini";
    default:
      return `berkas CSV tidak dapat dibaca (${err.code})`;
  }
}

/**
 * XLSX: merged cells other than their top-left master read as empty (exceljs would repeat the
 * master's value, which would double a merged total). Numbers stored as numbers are written
 * with a decimal comma so the Indonesian parser reads them unchanged.
 */
export async function readXlsxGrid(path: string, sheetName?: string, file = path): Promise<Grid> {
  // Loaded on first use: a build without workbooks (and a crash-test child) skips exceljs.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    // exceljs reports a truncated or fake workbook as a zip/XML error: say it in the clerk's terms.
    throw new SourceError([{ file, reason: "bukan berkas XLSX yang utuh (terpotong, rusak, atau berkas lain yang diberi nama .xlsx); simpan ulang dari Excel" }]);
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new SourceError([{ file, reason: `sheet ${sheetName ?? "(pertama)"} tidak ada di buku kerja` }]);
  const rows: GridRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        cells.push("");
        continue;
      }
      cells.push(cellText(cell.value));
    }
    rows.push({ row: r, cells });
  }
  return { sheet: ws.name, rows };
}

/**
 * OOXML stores characters XML cannot hold as `_xHHHH_` (ECMA-376 ST_Xstring; a literal "_x" is
 * written `_x005F_x`). exceljs leaves them encoded: decode, so a control character is seen as one.
 */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "string") return decodeXstring(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return decodeXstring(v.richText.map((t) => t.text).join(""));
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}
