/**
 * lkjip_<tahun>.xlsx from the bundled sources, read back with exceljs and compared sheet by sheet with
 * the report's layout (sheet names and order, printed headers and their merges, print setup) and cell
 * by cell with the marts; plus the header layout on its own.
 */
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnLetter, headerLayout, LEVEL_SEPARATOR, sheetRows, withYear } from "../../../pipelines/export/lkjip-workbook.js";
import { readExportConfig, readSheetConfig, type ExportConfig } from "../../../pipelines/export/tables.js";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { openSharedWarehouse, sharedBuild } from "../../helpers/shared-build.js";

const CONFIG_DIR = resolve(import.meta.dirname, "../../../models/config");

describe("headerLayout", () => {
  it("merges Tabel 3.18's two levels as printed: year groups across, single-level columns down", () => {
    const paths = ["No", "Sasaran Strategis", "Satuan", "Tahun 2023 | Target", "Tahun 2023 | Realisasi", "Tahun 2024 | Target", "Tahun 2024 | Realisasi", "Ket."].map((j) =>
      j.split(LEVEL_SEPARATOR),
    );
    const l = headerLayout(paths);
    expect(l.depth).toBe(2);
    expect(l.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
      { top: 0, left: 7, bottom: 1, right: 7 },
    ]);
    expect(l.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(["Target", "Realisasi", "Target", "Realisasi"]);
  });

  it("nests three levels (Lampiran C: Anggaran > Realisasi Keuangan > Rp / %)", () => {
    const l = headerLayout([["No"], ["A", "Pagu"], ["A", "R", "Rp"], ["A", "R", "%"], ["A", "Sisa"]]);
    expect(l.depth).toBe(3);
    expect(l.merges).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 4 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 4 },
    ]);
  });

  it("fills in the report year and names columns by letter", () => {
    expect(withYear("Tahun {tahun_lalu} | Tahun {tahun}", 2024)).toBe("Tahun 2023 | Tahun 2024");
    expect([1, 26, 27, 52].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ"]);
  });
});

describe("lkjip_2024.xlsx of `npm run pipeline` on the bundled sources", () => {
  let db: Db;
  let wb: ExcelJS.Workbook;
  let config: ExportConfig;

  beforeAll(async () => {
    db = await openSharedWarehouse();
    config = await readExportConfig(join(CONFIG_DIR, "ekspor_tabel.csv"));
    config.sheets = await readSheetConfig(join(CONFIG_DIR, "ekspor_lembar.csv"));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(sharedBuild(), "tables", "lkjip_2024.xlsx"));
  });
  afterAll(() => db?.close());

  const merges = (name: string) => [...wb.getWorksheet(name)!.model.merges].sort();
  const row = (name: string, r: number) => (wb.getWorksheet(name)!.getRow(r).values as unknown[]).slice(1);

  it("has the report's tables, named and ordered as in the report, then Sumber", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tabel 3.2", "Tabel 3.16", "Tabel 3.17", "Tabel 3.18", "Tabel 3.20", "Tabel 3.21", "Tabel 3.22", "Tabel 3.23", "Lampiran C", "Sumber",
    ]);
  });

  it("prints Tabel 3.18 with its two header levels merged as in the report", () => {
    const ws = wb.getWorksheet("Tabel 3.18")!;
    expect(ws.getCell("A1").value).toBe("Tabel 3.18.");
    expect(ws.getCell("A2").value).toBe("Perbandingan Realisasi Kinerja Tahun 2024 dan Realisasi Kinerja Tahun 2023");
    expect(row("Tabel 3.18", 4)).toEqual([
      "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Tahun 2023", "Tahun 2023", "Tahun 2023", "Tahun 2024", "Tahun 2024", "Tahun 2024", "Ket.",
    ]);
    expect(row("Tabel 3.18", 5)).toEqual([
      "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Kinerja", "Realisasi Kinerja", "Persentase Realisasi Kinerja",
      "Target Kinerja", "Realisasi Kinerja", "Persentase Realisasi Kinerja", "Ket.",
    ]);
    expect(merges("Tabel 3.18")).toEqual(["A1:K1", "A2:K2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:G4", "H4:J4", "K4:K5"].sort());
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, printTitlesRow: "4:5" });
    // Predikat Akuntabilitas Kinerja: 71,30 / 81,80 / 114,73 (2023) and 71,50 / 70,92 / 99,19 (2024), exact in the cell.
    expect(row("Tabel 3.18", 6).slice(0, 1)).toEqual([1]);
    expect(row("Tabel 3.18", 6).slice(3, 10)).toEqual(["Nilai", 71.3, 81.8, 114.7265077139, 71.5, 70.92, 99.1888111888]);
    expect(ws.getCell("J6").numFmt).toBe("#,##0.00");
  });

  it("prints Lampiran C with three header levels and Tabel 3.20 with its column numbers", () => {
    expect(row("Lampiran C", 4).slice(3, 5)).toEqual(["Anggaran", "Anggaran"]);
    expect(row("Lampiran C", 5).slice(6, 10)).toEqual(["Realisasi Keuangan", "Realisasi Keuangan", "Tertimbang", "Tertimbang"]);
    expect(row("Lampiran C", 6).slice(6, 10)).toEqual(["(Rp.)", "%", "Fisik %", "Keu %"]);
    expect(merges("Lampiran C")).toEqual(
      expect.arrayContaining(["A4:A6", "B4:B6", "C4:C6", "D4:K4", "D5:D6", "G5:H5", "I5:J5", "K5:K6"]),
    );
    const t320 = wb.getWorksheet("Tabel 3.20")!;
    expect(t320.getCell("A5").value).toBeNull();
    expect(["B5", "C5", "D5", "E5", "F5", "G5", "H5"].map((a) => t320.getCell(a).value)).toEqual(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]);
    expect(row("Tabel 3.20", 4).slice(1)).toEqual([
      "Sasaran Strategis", "Indikator kinerja Sasaran", "Capaian Kinerja Sasaran", "Program", "Capaian Realisasi Anggaran Program", "Efisiensi", "Ket",
    ]);
    expect(wb.getWorksheet("Tabel 3.20")!.pageSetup.printTitlesRow).toBe("4:5");
  });

  it("holds in every cell the mart's value, one number format per column, No counting rows, nothing but the report's columns", async () => {
    const sheets = [...config.sheets!.values()];
    for (const sheet of sheets) {
      const ws = wb.getWorksheet(sheet.lembar)!;
      const cols = config.columns.filter((c) => c.tabel === sheet.tabel).sort((a, b) => a.urutan - b.urutan);
      const model = cols[0]!.model;
      const rows = await db.all<Record<string, string | null>>(
        `SELECT ${cols.map((c, i) => (c.kolom ? `CAST(${c.kolom} AS VARCHAR) AS c${i}` : `NULL AS c${i}`)).join(", ")}
         FROM ${model} WHERE CAST(${sheet.kolom_tahun} AS INTEGER) = 2024 ORDER BY kode_wilayah, tahun, urutan`,
      );
      expect(rows.length, sheet.lembar).toBeGreaterThan(0);
      const spec = { table: { tabel: sheet.tabel, model, columns: cols }, sheet, rows: [] };
      const { dataTop, headerBottom } = sheetRows(spec, 2024);
      expect(ws.rowCount, sheet.lembar).toBe(dataTop + rows.length - 1);
      expect(ws.getCell(4, 1).value, sheet.lembar).toBe("No");
      // The paste sheet has the report's columns only: keys and provenance live in Sumber.
      for (let h = 4; h <= headerBottom; h++) {
        for (let c = 1; c <= cols.length + 1; c++) expect(String(ws.getCell(h, c).value ?? ""), sheet.lembar).not.toMatch(/Kode Wilayah|^Tahun$|Sumber/);
      }
      expect(ws.getCell(4, cols.length + 2).value ?? null, sheet.lembar).toBeNull();
      rows.forEach((r, i) => {
        const x = dataTop + i;
        expect(ws.getCell(x, 1).value, `${sheet.lembar} A${x}`).toBe(i + 1);
        cols.forEach((c, j) => {
          const cell = ws.getCell(x, j + 2);
          const v = r[`c${j}`] ?? null;
          const where = `${sheet.lembar} ${columnLetter(j + 2)}${x}`;
          if (c.format === "teks") {
            // A merged repeated sasaran reads back as its first cell's value.
            expect(cell.value ?? null, where).toBe(v);
          } else {
            expect(cell.value ?? null, where).toBe(v === null ? null : Number(v));
            expect(cell.numFmt, where).toBe(c.format === "bilangan" || c.desimal === 0 ? "#,##0" : `#,##0.${"0".repeat(c.desimal)}`);
          }
        });
      });
    }
  });

  it("maps each figure to its key and source in Sumber, exact", () => {
    const ws = wb.getWorksheet("Sumber")!;
    const rows = (ws.getSheetValues() as unknown[][]).slice(2).map((r) => (r ?? []).slice(1));
    const t318 = rows.find((r) => r[0] === "Tabel 3.18" && r[1] === "I6")!;
    expect(t318).toEqual([
      "Tabel 3.18", "I6", "Tahun 2024 / Realisasi Kinerja", "6403", 2024, "1", "marts.tabel_3_18", "realisasi", "70.92",
      expect.any(String),
    ]);
    expect(rows.every((r) => typeof r[9] === "string" && r[9] !== "")).toBe(true);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["6403"]));
  });
});
