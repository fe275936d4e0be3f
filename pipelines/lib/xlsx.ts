/**
 * The project's one workbook writer: exceljs builds the workbook, this module makes its bytes a
 * function of its content. Two builds over the same sources give byte-identical .xlsx files.
 *
 * Two things in an exceljs file come from the clock: the document dates in docProps/core.xml
 * (exceljs stamps `new Date()` unless told otherwise) and the DOS timestamp of every zip entry
 * (exceljs zips with JSZip, which stamps each entry, and the folder entries it adds, at the moment
 * it is added; exceljs offers no option for it). The workbook gets its dates from the caller, and
 * the zip is rewritten with JSZip, the library exceljs itself uses, with one fixed date per entry.
 * Rewriting with the same library keeps the container exactly what exceljs and Excel expect.
 */
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Db } from "./duckdb.js";

/** Creator and last editor of every workbook the project writes. */
export const WORKBOOK_CREATOR = "Gudang data LKjIP Distransnaker Kutai Kartanegara";

/**
 * Used when the sources carry no date at all. DOS zip dates start in 1980; this one is well inside
 * the range and obviously not a real editing date.
 */
export const FALLBACK_DOCUMENT_DATE = new Date("2000-01-01T00:00:00Z");

export interface WorkbookProperties {
  title: string;
  subject?: string;
  keywords?: string;
  description?: string;
  /** Document date (created = modified): derived from the sources, never the clock. */
  date: Date;
}

/** Workbooks made by newWorkbook: exceljs's constructor stamps the clock, so only these are dated. */
const dated = new WeakSet<ExcelJS.Workbook>();

/** A new workbook with the project's document properties; write it with {@link writeWorkbook}. */
export function newWorkbook(props: WorkbookProperties): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  dated.add(wb);
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = props.date;
  wb.modified = props.date;
  wb.title = props.title;
  if (props.subject !== undefined) wb.subject = props.subject;
  if (props.keywords !== undefined) wb.keywords = props.keywords;
  if (props.description !== undefined) wb.description = props.description;
  return wb;
}

/**
 * The workbook as deterministic bytes: every zip entry dated `date` (by default the workbook's own
 * `created` date), entries in exceljs's order, folder entries dropped (Excel writes none and needs
 * none; JSZip adds them with the clock's date).
 */
export async function workbookBytes(wb: ExcelJS.Workbook, date: Date = wb.created): Promise<Buffer> {
  if (!dated.has(wb)) {
    // exceljs would stamp the clock into docProps/core.xml: a caller must say which date it is.
    throw new Error("workbook tanpa tanggal dokumen: buat dengan newWorkbook({ date }) dari lib/xlsx.ts");
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const entry of Object.values(src.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async("uint8array"), { date, createFolders: false, binary: true });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** Writes the workbook to `path` as deterministic bytes (see {@link workbookBytes}). */
export async function writeWorkbook(wb: ExcelJS.Workbook, path: string, date?: Date): Promise<void> {
  await writeFile(path, await workbookBytes(wb, date));
}

/**
 * The document date of everything a build writes, from the sources rather than the clock: the latest
 * date an analyst recorded a decision (sources/resolutions.csv), else 1 January after the latest
 * year the catalogue covers (a report on year N is assembled in N+1), else the fallback. The same
 * sources give the same date, and a new decision or a new year's files move it.
 */
export async function sourcesDocumentDate(db: Db): Promise<Date> {
  const has = async (schema: string, table: string, column: string) =>
    (await db.value<string>(
      `SELECT count(*)::VARCHAR FROM information_schema.columns
       WHERE table_schema = '${schema}' AND table_name = '${table}' AND column_name = '${column}'`,
    )) !== "0";
  if (await has("staging", "stg_resolusi_keputusan", "tanggal")) {
    const d = await db.value<string | null>(
      `SELECT strftime(max(TRY_CAST(tanggal AS DATE)), '%Y-%m-%d') FROM staging.stg_resolusi_keputusan`,
    );
    if (d) return new Date(`${d}T00:00:00Z`);
  }
  if (await has("raw", "source_files", "tahun")) {
    const y = await db.value<string | null>(`SELECT CAST(max(TRY_CAST(tahun AS INTEGER)) AS VARCHAR) FROM raw.source_files`);
    if (y) return new Date(`${Number(y) + 1}-01-01T00:00:00Z`);
  }
  return FALLBACK_DOCUMENT_DATE;
}
