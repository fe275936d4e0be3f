/**
 * The deterministic workbook writer (pipelines/lib/xlsx.ts): the same content written at two
 * different clock times gives the same bytes, the zip carries the document date, and exceljs reads
 * the result back.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newWorkbook, WORKBOOK_CREATOR, workbookBytes } from "../../../pipelines/lib/xlsx.js";

const DATE = new Date("2026-11-28T00:00:00Z");

function sample(): ExcelJS.Workbook {
  const wb = newWorkbook({ title: "Contoh", date: DATE });
  const ws = wb.addWorksheet("Tabel 3.2");
  ws.addRow(["No", "Indikator", "Capaian"]);
  ws.addRow([1, "TPT", 107.95]);
  return wb;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("workbookBytes", () => {
  it("gives identical bytes whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-04T05:06:08Z"));
    const a = await workbookBytes(sample());
    vi.setSystemTime(new Date("2019-07-21T22:13:44Z"));
    const b = await workbookBytes(sample());
    expect(a.equals(b)).toBe(true);
  });

  it("dates every zip entry and the document with the given date, and writes no folder entries", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes(sample()));
    const entries = Object.values(zip.files);
    expect(entries.some((e) => e.dir)).toBe(false);
    expect(new Set(entries.map((e) => e.date.toISOString()))).toEqual(new Set(["2026-11-28T00:00:00.000Z"]));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-28T00:00:00Z</dcterms:created>");
    expect(core).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-28T00:00:00Z</dcterms:modified>");
  });

  it("reads back in exceljs with its properties and cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(sample())) as unknown as ArrayBuffer);
    expect(wb.creator).toBe(WORKBOOK_CREATOR);
    expect(wb.title).toBe("Contoh");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tabel 3.2"]);
    expect(wb.worksheets[0]!.getCell("C2").value).toBe(107.95);
  });

  it("refuses a workbook without a document date", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x");
    await expect(workbookBytes(wb)).rejects.toThrow(/tanggal dokumen/);
  });
});
