/**
 * Bad-input corpus helpers: a case is a minimal sources folder (only the catalogued files it needs,
 * copied from the bundled sources) with one thing broken, and the class its outcome must have.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { SOURCES } from "./warehouse.js";

export type CatalogueRow = Record<string, string>;

const catalogueRows: CatalogueRow[] = parse(await readFile(join(SOURCES, "catalogue.csv"), "utf8"), { columns: true, bom: true });
export const CATALOGUE_HEADER = Object.keys(catalogueRows[0]!);

export function catalogueRow(path: string): CatalogueRow {
  const row = catalogueRows.find((r) => r.path === path);
  if (!row) throw new Error(`not catalogued: ${path}`);
  return { ...row };
}

export function catalogueText(rows: CatalogueRow[], header = [...new Set([...CATALOGUE_HEADER, ...rows.flatMap((r) => Object.keys(r))])]): string {
  // csv-stringify directly: this is a fixture, not an export (no formula neutralisation wanted).
  return stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ""))]);
}

/** A folder with the given catalogued files (verbatim copies) and a catalogue of just those rows. */
export async function minimalSources(paths: string[], edit?: (rows: CatalogueRow[]) => CatalogueRow[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-"));
  for (const p of paths) {
    await mkdir(dirname(join(dir, p)), { recursive: true });
    await copyFile(join(SOURCES, p), join(dir, p));
  }
  const rows = paths.map(catalogueRow);
  await writeFile(join(dir, "catalogue.csv"), catalogueText(edit ? edit(rows) : rows));
  return dir;
}

/** Rewrites one line (1-based) of a text file in the case folder. */
export async function editLine(dir: string, path: string, line: number, fn: (text: string) => string): Promise<void> {
  const file = join(dir, path);
  const lines = (await readFile(file, "utf8")).split("\n");
  lines[line - 1] = fn(lines[line - 1]!);
  await writeFile(file, lines.join("\n"));
}

export async function replaceIn(dir: string, path: string, from: string, to: string): Promise<void> {
  const file = join(dir, path);
  const text = await readFile(file, "utf8");
  if (!text.includes(from)) throw new Error(`${path}: "${from}" not found`);
  await writeFile(file, text.replace(from, to));
}

/** Replaces the bytes of a file's line (1-based) with raw bytes (for encoding cases). */
export async function editBytes(dir: string, path: string, from: string, to: Buffer): Promise<void> {
  const file = join(dir, path);
  const bytes = await readFile(file);
  const at = bytes.indexOf(Buffer.from(from, "utf8"));
  if (at < 0) throw new Error(`${path}: "${from}" not found`);
  await writeFile(file, Buffer.concat([bytes.subarray(0, at), to, bytes.subarray(at + Buffer.byteLength(from))]));
}

/** Sets one cell of the first sheet of an XLSX in the case folder. */
export async function editXlsxCell(dir: string, path: string, address: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, path));
  wb.worksheets[0]!.getCell(address).value = value;
  await wb.xlsx.writeFile(join(dir, path));
}
