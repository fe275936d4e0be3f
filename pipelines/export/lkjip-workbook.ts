/**
 * The report-shaped workbook lkjip_<tahun>.xlsx: one sheet per report table, named and ordered as in
 * the report, laid out as printed (caption, "No" column, multi-level merged headers, merged repeated
 * sasaran, borders, header fill, A4 landscape with the header rows repeated on every page), so a
 * table pastes straight into next year's LKjIP. A companion sheet "Sumber" maps every cell to its
 * key (kode wilayah, tahun) and its source; the report sheets hold only the report's columns.
 *
 * Cells keep the exact value (as close as Excel's doubles allow); the number format shows the
 * report's decimals, the same count down a column. Excel's display rounds half away from zero, which
 * for these values is the project's display policy `bulat_2` (half-up, docs/design.md).
 * Everything about the layout comes from configuration (ekspor_tabel.csv, ekspor_lembar.csv).
 */
import type ExcelJS from "exceljs";
import { indonesian, parseDecimal } from "../lib/format.js";
import { newWorkbook } from "../lib/xlsx.js";

/** Separates header levels in a configured `judul`: "Tahun {tahun_lalu} | Target Kinerja". */
export const LEVEL_SEPARATOR = " | ";
/** The companion sheet mapping every cell of the report sheets to its key and its source. */
export const SOURCE_SHEET = "Sumber";
/** Rows above the header: the caption ("Tabel 3.18."), the title, one blank row. */
export const HEADER_TOP = 4;

export type CellFormat = "teks" | "rupiah" | "persen" | "angka" | "bilangan";

export interface ColumnSpec {
  judul: string;
  format: CellFormat;
  desimal: number;
  gabung_baris: boolean;
  /** The mart column; empty for a column the report prints without figures. */
  kolom: string;
}

export interface RowSpec {
  kodeWilayah: string;
  tahun: string;
  urutan: string;
  values: (string | null)[];
  sources: (string | null)[];
  rowSource: string | null;
}

export interface SheetSpec {
  table: { tabel: string; model: string; columns: ColumnSpec[] };
  sheet: { lembar: string; judul: string; nomor_kolom: boolean };
  rows: RowSpec[];
}

/** "{tahun}" and "{tahun_lalu}" in a configured text become the workbook's report year and the one before. */
export function withYear(text: string, tahun: number): string {
  return text.replaceAll("{tahun_lalu}", String(tahun - 1)).replaceAll("{tahun}", String(tahun));
}

export interface HeaderLayout {
  depth: number;
  /** 0-based row (level) and column of each header text. */
  cells: { row: number; col: number; text: string }[];
  /** 0-based inclusive ranges merged, row-major. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/**
 * Lays out multi-level headers: neighbouring columns that share a header path merge across; a column
 * whose path ends above the deepest level merges down to the last header row.
 */
export function headerLayout(paths: string[][]): HeaderLayout {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: HeaderLayout["cells"] = [];
  const merges: HeaderLayout["merges"] = [];
  for (let level = 0; level < depth; level++) {
    let j = 0;
    while (j < paths.length) {
      const p = paths[j]!;
      if (p.length <= level) {
        j++;
        continue;
      }
      const last = level === p.length - 1;
      const prefix = p.slice(0, level + 1).join("\u0000");
      let k = j;
      while (
        k + 1 < paths.length &&
        paths[k + 1]!.length > level &&
        paths[k + 1]!.slice(0, level + 1).join("\u0000") === prefix &&
        (paths[k + 1]!.length - 1 === level) === last
      ) k++;
      const bottom = last ? depth - 1 : level;
      cells.push({ row: level, col: j, text: p[level]! });
      if (k > j || bottom > level) merges.push({ top: level, left: j, bottom, right: k });
      j = k + 1;
    }
  }
  return { depth, cells, merges };
}

/** Excel's invariant format code for `d` decimals: Excel shows it with the reader's separators (15.094.099.333 / 99,19). */
export function numberFormat(d: number): string {
  return d > 0 ? `#,##0.${"0".repeat(d)}` : "#,##0";
}

/** What the reader sees in an Indonesian Excel: for column widths. */
function shown(v: string, c: ColumnSpec): string {
  return c.format === "teks" ? v : indonesian(parseDecimal(v).toFixed(c.desimal));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
/** Text columns wrap at this width (characters) rather than stretch the page. */
const MAX_TEXT_WIDTH = 45;

/** The first row of each sheet's data, and its header rows, for tests and the Sumber sheet. */
export function sheetRows(spec: SheetSpec, tahun: number): { headerTop: number; headerBottom: number; dataTop: number; depth: number } {
  const depth = headerLayout(spec.table.columns.map((c) => withYear(c.judul, tahun).split(LEVEL_SEPARATOR))).depth;
  const headerBottom = HEADER_TOP + depth - 1 + (spec.sheet.nomor_kolom ? 1 : 0);
  return { headerTop: HEADER_TOP, headerBottom, dataTop: headerBottom + 1, depth };
}

/** Column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function addReportSheet(wb: ExcelJS.Workbook, spec: SheetSpec, tahun: number, sumber: (string | number | null)[][]): void {
  const cols = spec.table.columns;
  const paths = [["No"], ...cols.map((c) => withYear(c.judul, tahun).split(LEVEL_SEPARATOR))];
  const layout = headerLayout(paths);
  const { headerTop, headerBottom, dataTop } = sheetRows(spec, tahun);
  const width = paths.length;
  const ws = wb.addWorksheet(spec.sheet.lembar, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerBottom, topLeftCell: `A${dataTop}`, activeCell: `A${dataTop}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerTop}:${headerBottom}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });

  // Caption as printed: "Tabel 3.18." over the title.
  const caption = [`${spec.sheet.lembar}.`, withYear(spec.sheet.judul, tahun)];
  caption.forEach((text, i) => {
    if (!text) return;
    ws.mergeCells(i + 1, 1, i + 1, width);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });

  const header = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  // Style every header cell first: a merged range shows the master's value but borders are per cell.
  for (let r = headerTop; r <= headerBottom; r++) for (let c = 1; c <= width; c++) header(ws.getCell(r, c));
  for (const h of layout.cells) ws.getCell(headerTop + h.row, h.col + 1).value = h.text;
  for (const m of layout.merges) ws.mergeCells(headerTop + m.top, m.left + 1, headerTop + m.bottom, m.right + 1);
  // The report numbers its own columns "(1)" ... under the header; the added "No" column has no number.
  if (spec.sheet.nomor_kolom) {
    for (let c = 2; c <= width; c++) ws.getCell(headerBottom, c).value = `(${c - 1})`;
  }

  const widths = paths.map((p) => Math.max(...p.map((t) => Math.min(MAX_TEXT_WIDTH, t.length))));
  spec.rows.forEach((r, i) => {
    const rowNo = dataTop + i;
    const no = ws.getCell(rowNo, 1);
    no.value = i + 1;
    no.numFmt = "0";
    no.border = THIN;
    no.alignment = { horizontal: "center", vertical: "top" };
    cols.forEach((c, j) => {
      const cell = ws.getCell(rowNo, j + 2);
      const v = r.values[j] ?? null;
      cell.border = THIN;
      if (c.format === "teks") {
        cell.value = v;
        cell.alignment = { vertical: "top", wrapText: true };
      } else {
        // The exact decimal as Excel's double; the format shows the report's decimals.
        cell.value = v === null ? null : Number(v);
        cell.numFmt = c.format === "bilangan" ? "#,##0" : numberFormat(c.desimal);
        cell.alignment = { horizontal: "right", vertical: "top" };
      }
      if (v !== null) widths[j + 1] = Math.max(widths[j + 1]!, Math.min(MAX_TEXT_WIDTH, shown(v, c).length));
      if (c.kolom) {
        sumber.push([
          spec.sheet.lembar,
          `${columnLetter(j + 2)}${rowNo}`,
          paths[j + 1]!.join(" / "),
          r.kodeWilayah,
          Number(r.tahun),
          r.urutan,
          spec.table.model,
          c.kolom,
          v,
          r.sources[j] ?? r.rowSource ?? `dihitung di ${spec.table.model} (asal-usul model: meta.lineage)`,
        ]);
      }
    });
  });

  // The report merges a repeated sasaran (and its indikator) over the rows it covers.
  cols.forEach((c, j) => {
    if (!c.gabung_baris) return;
    const earlier = cols.map((x, k) => (k < j && x.gabung_baris ? k : -1)).filter((k) => k >= 0);
    const same = (a: RowSpec, b: RowSpec) => a.values[j] !== null && a.values[j] === b.values[j] && earlier.every((k) => a.values[k] === b.values[k]);
    let start = 0;
    for (let i = 1; i <= spec.rows.length; i++) {
      if (i < spec.rows.length && same(spec.rows[start]!, spec.rows[i]!)) continue;
      if (i - 1 > start) ws.mergeCells(dataTop + start, j + 2, dataTop + i - 1, j + 2);
      start = i;
    }
  });

  ws.columns.forEach((col, j) => {
    col.width = Math.max(5, (widths[j] ?? 0) + 2);
  });
}

/**
 * The workbook of one report year: the report tables in report order (a table without rows for the
 * year is left out), then the Sumber sheet.
 */
export function lkjipWorkbook(specs: SheetSpec[], tahun: number, date: Date): ExcelJS.Workbook {
  const wb = newWorkbook({
    title: `Tabel LKjIP ${tahun}`,
    subject: "Tabel Laporan Kinerja Instansi Pemerintah, Dinas Transmigrasi dan Tenaga Kerja Kabupaten Kutai Kartanegara",
    description: `Tabel laporan dihitung ulang dari gudang data. Sheet ${SOURCE_SHEET}: kode wilayah, tahun dan sumber setiap sel.`,
    date,
  });
  const sumber: (string | number | null)[][] = [];
  for (const spec of specs) if (spec.rows.length) addReportSheet(wb, spec, tahun, sumber);

  const ws = wb.addWorksheet(SOURCE_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  const headers = ["Lembar", "Sel", "Judul Kolom", "Kode Wilayah", "Tahun", "Urutan", "Model", "Kolom Model", "Nilai Eksak", "Sumber"];
  ws.addRow(headers);
  ws.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  for (const r of sumber) ws.addRow(r);
  ws.getColumn(5).numFmt = "0";
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  [14, 8, 40, 12, 8, 8, 24, 28, 22, 70].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(10).alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return wb;
}
