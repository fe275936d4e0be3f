/**
 * Readers: a source file becomes a grid of text cells with the row numbers a person sees when
 * opening the file (1-based; blank rows counted, as a spreadsheet shows them).
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export interface GridRow {
  row: number;
  cells: string[];
}

export interface Grid {
  sheet: string | null;
  rows: GridRow[];
}

export async function readCsvGrid(path: string, maxRows?: number): Promise<Grid> {
  let text = await readFile(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = parse(text, {
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
    to: maxRows,
  });
  return { sheet: null, rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? "") })) };
}

/**
 * XLSX: merged cells other than their top-left master read as empty (exceljs would repeat the
 * master's value, which would double a merged total). Numbers stored as numbers are written
 * with a decimal comma so the Indonesian parser reads them unchanged.
 */
export async function readXlsxGrid(path: string, sheetName?: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new Error(`sheet ${sheetName ?? "(pertama)"} tidak ada`);
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

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}
