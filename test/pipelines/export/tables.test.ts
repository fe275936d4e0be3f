import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTables, readExportConfig, readSheetConfig, type ExportResult } from "../../../pipelines/export/tables.js";
import { Db } from "../../../pipelines/lib/duckdb.js";

const SCRIPT = `<script>alert("x")</script>`;

const CONFIG = `tabel,model,kolom,judul,format,desimal,gabung_baris,kolom_sumber,urutan
tabel_3_22,marts.tabel_3_22,program,"Program/ Kegiatan",teks,,ya,,1
tabel_3_22,marts.tabel_3_22,persen,Realisasi {tahun} | Persentase (%),persen,2,,,3
tabel_3_22,marts.tabel_3_22,pagu,Realisasi {tahun} | Anggaran (Rp),rupiah,,,sumber_pagu,2
tabel_3_22,marts.tabel_3_22,,Ket.,teks,,,,4
tabel_9_9,marts.tabel_9_9,apa_saja,Belum Ada,teks,,,,1

tabel_3_2,marts.tabel_3_2,jumlah,Jumlah Pencari Kerja,bilangan,,,,1
tabel_3_2,marts.tabel_3_2,rasio,Rasio,angka,1,,,2
`;

// Tabel 3.2 comes first in the report, though the column config lists it second.
const SHEETS = `tabel,lembar,judul,urutan,kolom_tahun,nomor_kolom
tabel_3_22,Tabel 3.22,Realisasi Anggaran Tahun {tahun},2,,ya
tabel_3_2,Tabel 3.2,Pencari Kerja,1,,
`;

let db: Db;
let dir: string;
let out: string;
let result: ExportResult;
const logs: string[] = [];

async function writeConfig(text: string, name = "ekspor_tabel.csv"): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, "utf8");
  return path;
}

function csv(text: string): string[][] {
  return parse(text, { bom: true });
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, "tables", file));
  return wb;
}

beforeAll(async () => {
  db = await Db.open(":memory:");
  await db.run(`CREATE SCHEMA marts`);
  await db.run(`CREATE TABLE marts.tabel_3_22 (
    kode_wilayah VARCHAR, tahun INTEGER, urutan INTEGER, program VARCHAR, pagu DECIMAL(28,6), persen DECIMAL(28,6),
    sumber_pagu VARCHAR, source_file VARCHAR, source_row INTEGER)`);
  // Inserted out of order: the export must sort by kode_wilayah, tahun, urutan.
  await db.run(`INSERT INTO marts.tabel_3_22 VALUES
    ('6403', 2024, 2, '${SCRIPT.replace(/'/g, "''")}', 3536506.28, 99.1888, NULL, 'budget/x.csv', 7),
    ('6403', 2023, 1, 'Program "Penempatan", Tenaga Kerja', -145172002, 100, NULL, 'budget/x.csv', 3),
    ('64',   2024, 1, 'Provinsi', 15094099333, 72.059, 'Lampiran C baris 9', 'budget/x.csv', 5),
    ('6403', 2024, 1, '${SCRIPT.replace(/'/g, "''")}', 1234567890123456.78, NULL, NULL, 'budget/x.csv', 6),
    ('64',   2023, 1, 'Provinsi 2023', 0, 0, NULL, NULL, NULL)`);
  await db.run(`CREATE TABLE marts.tabel_3_2 (kode_wilayah VARCHAR, tahun INTEGER, urutan INTEGER, jumlah BIGINT, rasio DECIMAL(28,6))`);
  await db.run(`INSERT INTO marts.tabel_3_2 VALUES ('6403', 2024, 1, 12345, 1234.500000), ('6403', 2024, 2, 7, 2.000000)`);

  dir = await mkdtemp(join(tmpdir(), "export-"));
  out = join(dir, "out");
  const config = await readExportConfig(await writeConfig(CONFIG), "models/config/ekspor_tabel.csv");
  config.sheets = await readSheetConfig(await writeConfig(SHEETS, "ekspor_lembar.csv"), "models/config/ekspor_lembar.csv");
  result = await exportTables(db, out, config, { log: (l) => logs.push(l) });
});

afterAll(() => db?.close());

describe("exportTables", () => {
  it("writes one CSV per table and one workbook per year", async () => {
    expect((await readdir(join(out, "tables"))).sort()).toEqual(["lkjip_2023.xlsx", "lkjip_2024.xlsx", "tabel_3_2.csv", "tabel_3_22.csv"]);
    expect(result.tables).toEqual(["tabel_3_22", "tabel_3_2"]);
    expect(result.files).toHaveLength(4);
  });

  it("skips a table whose model does not exist yet, with a log line naming it", () => {
    expect(result.skipped).toEqual(["tabel_9_9"]);
    expect(logs.some((l) => /tabel_9_9: dilewati, model marts\.tabel_9_9 belum ada/.test(l) && /baris 6/.test(l))).toBe(true);
  });

  it("writes machine CSV: identifier headers, plain exact decimals, provenance columns, RFC 4180", async () => {
    const text = await readFile(join(out, "tables", "tabel_3_22.csv"), "utf8");
    expect(text.split("\r\n")[0]).toBe("kode_wilayah,tahun,urutan,program,pagu,persen,sumber_pagu");
    expect(csv(text)).toEqual([
      ["kode_wilayah", "tahun", "urutan", "program", "pagu", "persen", "sumber_pagu"],
      ["64", "2023", "1", "Provinsi 2023", "0", "0", ""],
      ["64", "2024", "1", "Provinsi", "15094099333", "72.059", "Lampiran C baris 9"],
      ["6403", "2023", "1", 'Program "Penempatan", Tenaga Kerja', "-145172002", "100", ""],
      ["6403", "2024", "1", SCRIPT, "1234567890123456.78", "", ""],
      ["6403", "2024", "2", SCRIPT, "3536506.28", "99.1888", ""],
    ]);
    // RFC 4180 quoting; no Indonesian grouping or decimal comma anywhere.
    expect(text).toContain(`"Program ""Penempatan"", Tenaga Kerja"`);
    expect(csv(await readFile(join(out, "tables", "tabel_3_2.csv"), "utf8"))).toEqual([
      ["kode_wilayah", "tahun", "urutan", "jumlah", "rasio"],
      ["6403", "2024", "1", "12345", "1234.5"],
      ["6403", "2024", "2", "7", "2"],
    ]);
  });

  it("writes one sheet per report table in report order, then the Sumber sheet", async () => {
    expect((await workbook("lkjip_2024.xlsx")).worksheets.map((w) => w.name)).toEqual(["Tabel 3.2", "Tabel 3.22", "Sumber"]);
    expect((await workbook("lkjip_2023.xlsx")).worksheets.map((w) => w.name)).toEqual(["Tabel 3.22", "Sumber"]);
  });

  it("lays a sheet out as printed: caption, No, merged multi-level header, column numbers, borders, fill, A4 landscape", async () => {
    const ws = (await workbook("lkjip_2024.xlsx")).getWorksheet("Tabel 3.22")!;
    expect(ws.getCell("A1").value).toBe("Tabel 3.22.");
    expect(ws.getCell("A2").value).toBe("Realisasi Anggaran Tahun 2024");
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(4)).toEqual(["No", "Program/ Kegiatan", "Realisasi 2024", "Realisasi 2024", "Ket."]);
    expect(values(5)).toEqual(["No", "Program/ Kegiatan", "Anggaran (Rp)", "Persentase (%)", "Ket."]);
    expect(ws.getCell("B6").value).toBe("(1)");
    expect(ws.getCell("E6").value).toBe("(4)");
    expect(ws.getCell("A6").value).toBeNull();
    expect([...ws.model.merges].sort()).toEqual(["A1:E1", "A2:E2", "A4:A5", "B4:B5", "B8:B9", "C4:D4", "E4:E5"].sort());
    expect(ws.getCell("C4").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } });
    expect(ws.getCell("C4").font?.bold).toBe(true);
    expect(ws.getCell("D8").border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:6" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
  });

  it("keeps each cell's exact value with one number format per column and only the report's columns", async () => {
    const ws = (await workbook("lkjip_2024.xlsx")).getWorksheet("Tabel 3.22")!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(ws.rowCount).toBe(9);
    expect(values(7)).toEqual([1, "Provinsi", 15094099333, 72.059]);
    // The same SCRIPT sasaran on two rows is one merged cell; the empty percent stays empty.
    expect(values(8).slice(0, 3)).toEqual([2, SCRIPT, 1234567890123456.8]);
    expect(ws.getCell("D8").value).toBeNull();
    expect(values(9).slice(0, 4)).toEqual([3, SCRIPT, 3536506.28, 99.1888]);
    for (const r of [7, 8, 9]) {
      expect(ws.getCell(`A${r}`).numFmt).toBe("0");
      expect(ws.getCell(`C${r}`).numFmt).toBe("#,##0");
      expect(ws.getCell(`D${r}`).numFmt).toBe("#,##0.00");
    }
    expect(ws.getCell("B9").type).toBe(ExcelJS.ValueType.Merge);
    // No key column on the paste sheet.
    expect(values(4)).not.toContain("Kode Wilayah");
    const counts = (await workbook("lkjip_2024.xlsx")).getWorksheet("Tabel 3.2")!;
    expect((counts.getRow(5).values as unknown[]).slice(1)).toEqual([1, 12345, 1234.5]);
    expect(counts.getCell("C5").numFmt).toBe("#,##0.0");
    expect(counts.getCell("C6").numFmt).toBe("#,##0.0");
  });

  it("maps every cell to its key and source in the Sumber sheet", async () => {
    const ws = (await workbook("lkjip_2024.xlsx")).getWorksheet("Sumber")!;
    const rows = (ws.getSheetValues() as unknown[][]).slice(1).map((r) => (r ?? []).slice(1));
    expect(rows[0]).toEqual(["Lembar", "Sel", "Judul Kolom", "Kode Wilayah", "Tahun", "Urutan", "Model", "Kolom Model", "Nilai Eksak", "Sumber"]);
    const of = (sheet: string, cell: string) => rows.find((r) => r[0] === sheet && r[1] === cell);
    expect(of("Tabel 3.22", "C7")).toEqual(["Tabel 3.22", "C7", "Realisasi 2024 / Anggaran (Rp)", "64", 2024, "1", "marts.tabel_3_22", "pagu", "15094099333", "Lampiran C baris 9"]);
    expect(of("Tabel 3.22", "C8")!.slice(3, 10)).toEqual(["6403", 2024, "1", "marts.tabel_3_22", "pagu", "1234567890123456.78", "budget/x.csv baris 6"]);
    expect(of("Tabel 3.2", "B5")!.slice(8)).toEqual(["12345", "dihitung di marts.tabel_3_2 (asal-usul model: meta.lineage)"]);
    // Cells with a mart column only: 2 tables x rows x columns (Ket. and No have none).
    expect(rows.length - 1).toBe(3 * 3 + 2 * 2);
  });

  it("fails naming the config row when the model exists but a column does not", async () => {
    const config = await readExportConfig(
      await writeConfig(
        `tabel,model,kolom,judul,format,urutan
tabel_3_22,marts.tabel_3_22,program,Program,teks,1
tabel_3_22,marts.tabel_3_22,pagu_murni,Pagu Murni,rupiah,2
`,
        "kolom_hilang.csv",
      ),
      "models/config/ekspor_tabel.csv",
    );
    const target = join(dir, "out-fail");
    await expect(exportTables(db, target, config)).rejects.toThrow(
      /models\/config\/ekspor_tabel\.csv, baris 3, kolom "kolom": marts\.tabel_3_22 tidak punya kolom "pagu_murni"/,
    );
    // Checked before anything is written.
    await expect(readdir(target)).rejects.toThrow();
  });

  it("fails naming the model when it lacks kode_wilayah, tahun or urutan", async () => {
    await db.run(`CREATE TABLE marts.tanpa_urutan (kode_wilayah VARCHAR, tahun INTEGER, nilai DECIMAL(28,6))`);
    const config = await readExportConfig(
      await writeConfig(`tabel,model,kolom,judul,format,urutan\ntabel_1,marts.tanpa_urutan,nilai,Nilai,angka,1\n`, "tanpa_urutan.csv"),
      "ekspor.csv",
    );
    await expect(exportTables(db, join(dir, "out-x"), config)).rejects.toThrow(/ekspor\.csv, baris 2, kolom "model": marts\.tanpa_urutan tidak punya kolom urutan/);
  });

  it("fails naming the config row when a value does not fit its format", async () => {
    const config = await readExportConfig(
      await writeConfig(`tabel,model,kolom,judul,format,urutan\ntabel_3_2,marts.tabel_3_2,rasio,Rasio,bilangan,1\n`, "pecahan.csv"),
      "ekspor.csv",
    );
    await expect(exportTables(db, join(dir, "out-y"), config)).rejects.toThrow(/ekspor\.csv, baris 2, kolom "format": .*bukan bilangan bulat: "1234\.500000"/);
  });
});

describe("readExportConfig", () => {
  it("names file, row and column of a bad format value", async () => {
    const path = await writeConfig(
      `tabel,model,kolom,judul,format,urutan
tabel_3_22,marts.tabel_3_22,program,Program,teks,1
tabel_3_22,marts.tabel_3_22,pagu,Pagu,uang,2
`,
      "format_salah.csv",
    );
    await expect(readExportConfig(path, "models/config/ekspor_tabel.csv")).rejects.toThrow(
      /models\/config\/ekspor_tabel\.csv, baris 3, kolom "format": format harus salah satu dari: teks, rupiah, persen, angka, bilangan \(isi sel: "uang"\)/,
    );
  });

  it("rejects a missing header, two models for one table and a repeated column order", async () => {
    await expect(readExportConfig(await writeConfig(`tabel,model,kolom,judul,format\n`, "h.csv"), "e.csv")).rejects.toThrow(/e\.csv, baris 1: .*tidak ada: urutan/);
    const path = await writeConfig(
      `tabel,model,kolom,judul,format,urutan
tabel_3_22,marts.tabel_3_22,program,Program,teks,1
tabel_3_22,marts.lain,pagu,Pagu,rupiah,1
`,
      "dua_model.csv",
    );
    const err = await readExportConfig(path, "e.csv").catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/e\.csv, baris 3, kolom "model": tabel tabel_3_22 sudah membaca marts\.tabel_3_22 \(baris 2\)/);
    expect((err as Error).message).toMatch(/e\.csv, baris 3, kolom "urutan": urutan 1 dipakai dua kali/);
  });

  it("reads the project's own config", async () => {
    const config = await readExportConfig(join(import.meta.dirname, "../../../models/config/ekspor_tabel.csv"));
    expect(config.columns.length).toBeGreaterThan(0);
    const sheets = await readSheetConfig(join(import.meta.dirname, "../../../models/config/ekspor_lembar.csv"));
    expect([...sheets.values()].sort((a, b) => a.urutan - b.urutan).map((s) => s.lembar)).toEqual([
      "Tabel 3.2", "Tabel 3.16", "Tabel 3.17", "Tabel 3.18", "Tabel 3.20", "Tabel 3.21", "Tabel 3.22", "Tabel 3.23", "Lampiran C",
    ]);
  });

  it("rejects a sheet name Excel refuses or the Sumber sheet's", async () => {
    const path = await writeConfig(`tabel,lembar,judul,urutan,kolom_tahun,nomor_kolom\ntabel_1,Sumber,x,1,,\ntabel_2,A/B,x,2,,\n`, "lembar_salah.csv");
    const err = (await readSheetConfig(path, "l.csv").catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/l\.csv, baris 2, kolom "lembar": nama sheet "Sumber" sudah dipakai/);
    expect(err.message).toMatch(/l\.csv, baris 3, kolom "lembar": nama sheet tidak boleh memuat/);
  });
});
