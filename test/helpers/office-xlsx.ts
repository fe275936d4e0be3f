/**
 * Writes a grid as an office-style XLSX: numbers as numeric cells, the given ranges merged.
 * Used to produce sources/ak1/*.xlsx from its CSV twin and corrupted variants in tests.
 */
import ExcelJS from "exceljs";

export async function writeOfficeXlsx(path: string, sheetName: string, rows: string[][], merges: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bidang Perencanaan dan Penempatan Tenaga Kerja";
  wb.created = new Date("2024-12-31T00:00:00Z");
  wb.modified = new Date("2024-12-31T00:00:00Z");
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((text, j) => {
      if (text === "") return;
      row.getCell(j + 1).value = /^-?\d+$/.test(text) ? Number(text) : text;
    });
  });
  for (const range of merges) ws.mergeCells(range);
  await wb.xlsx.writeFile(path);
}
