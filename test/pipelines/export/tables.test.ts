import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTables, readExportConfig, sheetName, type ExportResult } from "../../../pipelines/export/tables.js";
import { Db } from "../../../pipelines/lib/duckdb.js";

const SCRIPT = `<script>alert("x")</script>`;

const CONFIG = `tabel,model,kolom,judul,format,urutan
tabel_3_22,marts.tabel_3_22,program,"Program/ Kegiatan",teks,1
tabel_3_22,marts.tabel_3_22,persen,Persentase Realisasi (%),persen,3
tabel_3_22,marts.tabel_3_22,pagu,Anggaran (Rp),rupiah,2
tabel_9_9,marts.tabel_9_9,apa_saja,Belum Ada,teks,1

tabel_3_2,marts.tabel_3_2,jumlah,Jumlah Pencari Kerja,bilangan,1
tabel_3_2,marts.tabel_3_2,rasio,Rasio,angka,2
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
    kode_wilayah VARCHAR, tahun INTEGER, urutan INTEGER, program VARCHAR, pagu DECIMAL(28,6), persen DECIMAL(28,6))`);
  // Inserted out of order: the export must sort by kode_wilayah, tahun, urutan.
  await db.run(`INSERT INTO marts.tabel_3_22 VALUES
    ('6403', 2024, 2, '${SCRIPT.replace(/'/g, "''")}', 3536506.28, 99.1888),
    ('6403', 2023, 1, 'Program "Penempatan", Tenaga Kerja', -145172002, 100),
    ('64',   2024, 1, 'Provinsi', 15094099333, 72.059),
    ('6403', 2024, 1, 'Program Pelatihan', 1234567890123456.78, NULL),
    ('64',   2023, 1, 'Provinsi 2023', 0, 0)`);
  await db.run(`CREATE TABLE marts.tabel_3_2 (kode_wilayah VARCHAR, tahun INTEGER, urutan INTEGER, jumlah BIGINT, rasio DECIMAL(28,6))`);
  await db.run(`INSERT INTO marts.tabel_3_2 VALUES ('6403', 2024, 1, 12345, 1234.500000), ('6403', 2024, 2, 7, 2.000000)`);

  dir = await mkdtemp(join(tmpdir(), "export-"));
  out = join(dir, "out");
  const config = await readExportConfig(await writeConfig(CONFIG), "models/config/ekspor_tabel.csv");
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
    expect(logs.some((l) => /tabel_9_9: dilewati, model marts\.tabel_9_9 belum ada/.test(l) && /baris 5/.test(l))).toBe(true);
  });

  it("writes CSV with the printed headers, report row order and exact Indonesian figures", async () => {
    const text = await readFile(join(out, "tables", "tabel_3_22.csv"), "utf8");
    expect(text.split("\r\n")[0]).toBe("Kode Wilayah,Tahun,Program/ Kegiatan,Anggaran (Rp),Persentase Realisasi (%)");
    expect(csv(text)).toEqual([
      ["Kode Wilayah", "Tahun", "Program/ Kegiatan", "Anggaran (Rp)", "Persentase Realisasi (%)"],
      ["64", "2023", "Provinsi 2023", "0", "0,00"],
      ["64", "2024", "Provinsi", "15.094.099.333", "72,06"],
      ["6403", "2023", 'Program "Penempatan", Tenaga Kerja', "-145.172.002", "100,00"],
      ["6403", "2024", "Program Pelatihan", "1.234.567.890.123.456,78", ""],
      ["6403", "2024", SCRIPT, "3.536.506,28", "99,19"],
    ]);
    // RFC 4180 quoting, and the money beyond float precision digit for digit.
    expect(text).toContain(`"Program ""Penempatan"", Tenaga Kerja"`);
    expect(text).toContain(`"1.234.567.890.123.456,78"`);
    expect(csv(await readFile(join(out, "tables", "tabel_3_2.csv"), "utf8"))).toEqual([
      ["Kode Wilayah", "Tahun", "Jumlah Pencari Kerja", "Rasio"],
      ["6403", "2024", "12.345", "1.234,5"],
      ["6403", "2024", "7", "2"],
    ]);
  });

  it("writes one sheet per table with data for that year, named like the report's caption", async () => {
    expect(sheetName("tabel_3_22")).toBe("Tabel 3.22");
    expect((await workbook("lkjip_2024.xlsx")).worksheets.map((w) => w.name)).toEqual(["Tabel 3.22", "Tabel 3.2"]);
    expect((await workbook("lkjip_2023.xlsx")).worksheets.map((w) => w.name)).toEqual(["Tabel 3.22"]);
  });

  it("writes XLSX with a bold frozen header, numbers as numbers with number formats, text as text", async () => {
    const wb = await workbook("lkjip_2024.xlsx");
    const ws = wb.getWorksheet("Tabel 3.22")!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Kode Wilayah", "Tahun", "Program/ Kegiatan", "Anggaran (Rp)", "Persentase Realisasi (%)"]);
    for (let c = 1; c <= 5; c++) expect(ws.getRow(1).getCell(c).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(4);
    expect(values(2)).toEqual(["64", 2024, "Provinsi", 15094099333, 72.06]);
    expect(values(3).slice(0, 4)).toEqual(["6403", 2024, "Program Pelatihan", 1234567890123456.78]);
    expect(ws.getCell("E3").value).toBeNull();
    expect(values(4)).toEqual(["6403", 2024, SCRIPT, 3536506.28, 99.19]);
    expect(ws.getCell("B2").numFmt).toBe("0");
    expect(ws.getCell("D2").numFmt).toBe("#,##0");
    expect(ws.getCell("D4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(SCRIPT.length);

    const counts = wb.getWorksheet("Tabel 3.2")!;
    expect((counts.getRow(2).values as unknown[]).slice(1)).toEqual(["6403", 2024, 12345, 1234.5]);
    expect(counts.getCell("C2").numFmt).toBe("#,##0");
    expect(counts.getCell("D2").numFmt).toBe("#,##0.0");
    expect(counts.getCell("D3").numFmt).toBe("#,##0");
  });

  it("fixes the workbook dates so repeated builds agree", async () => {
    const wb = await workbook("lkjip_2023.xlsx");
    expect(wb.created.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(wb.modified.toISOString()).toBe("2000-01-01T00:00:00.000Z");
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
  });
});
