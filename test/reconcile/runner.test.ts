/**
 * The check runner (pipelines/reconcile/run.ts) end to end on a minimal synthetic warehouse: findings
 * with stable ids, single-cell localisation across failing identities, and analysts' resolutions. The
 * warehouse holds only what the runner and the two checks used here read (a catalogue restricted to
 * total_tercetak and keluarga_angka, both taken verbatim from models/checks/), so each case can be built
 * exactly: a real build could not show "two equally good candidates" without corrupting real files.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { runChecks, type CheckResult } from "../../pipelines/reconcile/run.js";
import { CHECKS, STATED_TOTALS_COLUMNS, checkDb, statedTotal, table } from "../helpers/checks.js";

const ID = "uji/identitas.csv"; // one wrong cell breaks a row identity and a column total
const GANDA = "uji/ganda.csv"; // a column total printed twice, wrong, over two data rows

/** The runner's finding id: check id + the first 10 hex digits of md5(kunci). */
const temuanId = (check: string, kunci: string) => `${check}-${createHash("md5").update(kunci).digest("hex").slice(0, 10)}`;
const ID_KOLOM_A = temuanId("total_tercetak", `total:${ID}:4:a:a`);
const ID_BARIS_3 = temuanId("total_tercetak", `total:${ID}:3:c:a+b`);
const KELUARGA = "kasus_hi_masuk|6403|2024|tahunan";
const USANG = "total_tercetak-0000000000";
/** The masalah of GANDA's first printed total row: "M-" + the first 8 hex digits of md5(its grouping key). */
const MASALAH_GANDA_4 = `M-${createHash("md5").update(`baris_total|${GANDA}|4`).digest("hex").slice(0, 8)}`;

let db: Db;
let result: CheckResult;
let outDir: string;

type Temuan = {
  temuan_id: string;
  masalah_id: string;
  check_id: string;
  keparahan: string;
  status: string;
  tabel: string | null;
  kunci: string;
  keluarga: string | null;
  nilai_berlaku: string | null;
  nilai_konflik: { peran: string; source_file: string | null; source_row: number | null; source_column: string | null; huruf_kolom: string | null }[];
  lokasi_sel: { source_file: string; source_row: number; source_column: string; huruf_kolom: string | null; nilai_sekarang: string; nilai_pemulih: string; dukungan: string } | null;
};
let temuan: Temuan[];
const byId = (id: string) => {
  const t = temuan.find((x) => x.temuan_id === id);
  if (!t) throw new Error(`no finding ${id}: ${temuan.map((x) => `${x.temuan_id} (${x.kunci})`).join(", ")}`);
  return t;
};

beforeAll(async () => {
  db = await checkDb();
  // Data rows. In ID, row 3 prints a = 7 where 8 is right: its row total c = 10 (= 8 + 2) and the
  // column total a = 18 (= 10 + 8) both fail, and the one cell both would accept is (3, a) = 8.
  await table(db, "raw.uji_tabel",
    { source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER", a: "DECIMAL(28,6)", b: "DECIMAL(28,6)", c: "DECIMAL(28,6)" },
    [
      [ID, null, 2, 10, 5, 15],
      [ID, null, 3, 7, 2, 10],
      [GANDA, null, 2, 5, 1, 6],
      [GANDA, null, 3, 6, 1, 7],
    ]);
  const st = (file: string, row: number, kolom: string, nilai: number, lingkup: "kolom" | "baris", bagian: string[]) =>
    statedTotal({ file, row, rawTable: "uji_tabel", label: lingkup === "kolom" ? "Jumlah" : `baris ${row}`, kolom, nilai: String(nilai), teks: String(nilai), lingkup, bagian });
  await table(db, "raw.stated_totals", STATED_TOTALS_COLUMNS, [
    st(ID, 2, "c", 15, "baris", ["a", "b"]),
    st(ID, 3, "c", 10, "baris", ["a", "b"]),
    st(ID, 4, "a", 18, "kolom", ["a"]),
    st(ID, 4, "b", 7, "kolom", ["b"]),
    st(ID, 4, "c", 25, "kolom", ["c"]),
    // GANDA: 5 + 6 = 11, printed 12 on two total rows. Either data row + 1 satisfies both totals:
    // two equally supported candidates, so no single cell may be named.
    st(GANDA, 4, "a", 12, "kolom", ["a"]),
    st(GANDA, 5, "a", 12, "kolom", ["a"]),
  ]);
  await table(db, "raw.source_columns",
    { source_file: "VARCHAR", source_sheet: "VARCHAR", raw_table: "VARCHAR", kolom: "VARCHAR", jenis: "VARCHAR", source_column: "VARCHAR", posisi: "INTEGER", huruf_kolom: "VARCHAR" },
    [ID, GANDA].flatMap((f) => [
      [f, null, "uji_tabel", "a", "angka", "Realisasi (Rp)", 1, "D"],
      [f, null, "uji_tabel", "b", "angka", "Sisa (Rp)", 2, "E"],
      [f, null, "uji_tabel", "c", "angka", "Anggaran (Rp)", 3, "F"],
    ]));
  await table(db, "raw.source_files", { source_file: "VARCHAR", rujukan: "VARCHAR" }, [[ID, "uji"], [GANDA, "uji"], ["resolutions.csv", "-"]]);
  // A figure family in conflict (the only failing keluarga_angka item).
  await table(db, "intermediate.int_keluarga_angka",
    { keluarga: "VARCHAR", kode_wilayah: "VARCHAR", tahun: "INTEGER", ukuran: "VARCHAR", kunci_indikator: "VARCHAR", nilai: "DECIMAL(38,6)",
      teks: "VARCHAR", desimal: "INTEGER", jenis_sumber: "VARCHAR", sumber: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR",
      source_row: "INTEGER", kolom: "VARCHAR" },
    [
      [KELUARGA, "6403", 2024, "kasus_hi_masuk", null, 88, null, 0, "lkjip", "LKjIP Tabel 3.16", "uji/tabel_3_16.csv", null, 4, "angka_perhitungan"],
      [KELUARGA, "6403", 2024, "kasus_hi_masuk", null, 94, null, null, "kantor", "Lembar data HI", "uji/hi.csv", null, 30, "nilai"],
    ]);
  // Resolutions: one by finding id, one by family key, one that matches nothing.
  await table(db, "raw.resolusi_keputusan",
    { source_file: "VARCHAR", source_row: "INTEGER", id: "VARCHAR", nilai_berlaku: "VARCHAR", nilai_berlaku_nilai: "DECIMAL(28,6)", alasan: "VARCHAR", oleh: "VARCHAR", tanggal: "VARCHAR" },
    [
      ["resolutions.csv", 2, ID_KOLOM_A, "18", 18, "uji", "penguji", "2026-01-01"],
      ["resolutions.csv", 3, KELUARGA, "94", 94, "uji", "penguji", "2026-01-01"],
      ["resolutions.csv", 4, USANG, "1", 1, "uji", "penguji", "2026-01-01"],
      ["resolutions.csv", 5, MASALAH_GANDA_4, "11", 11, "uji", "penguji", "2026-01-01"],
    ]);

  // A models folder whose catalogue lists only the two checks the warehouse above can feed.
  const models = await mkdtemp(join(tmpdir(), "models-"));
  await mkdir(join(models, "checks"));
  const [header, ...lines] = (await readFile(join(CHECKS, "katalog.csv"), "utf8")).trimEnd().split("\n");
  const kept = lines.filter((l) => l.startsWith("total_tercetak,") || l.startsWith("keluarga_angka,"));
  expect(kept).toHaveLength(2);
  await writeFile(join(models, "checks", "katalog.csv"), `${[header, ...kept].join("\n")}\n`);
  await copyFile(join(CHECKS, "keluarga_angka.sql"), join(models, "checks", "keluarga_angka.sql"));
  outDir = await mkdtemp(join(tmpdir(), "out-"));
  result = await runChecks(db, { modelsDir: models, outDir, log: () => {} });
  temuan = await db.all<Temuan>(`SELECT * FROM recon.temuan ORDER BY temuan_id`);
});
afterAll(() => db?.close());

describe("localisation", () => {
  it("names the one cell that restores both a failing row identity and a failing column total", () => {
    const expected = {
      source_file: ID, source_row: 3, source_column: "Realisasi (Rp)", huruf_kolom: "D",
      nilai_sekarang: "7.000000", nilai_pemulih: "8.000000", dukungan: "2",
    };
    expect(byId(ID_BARIS_3).lokasi_sel).toEqual(expect.objectContaining(expected));
    expect(byId(ID_KOLOM_A).lokasi_sel).toEqual(expect.objectContaining(expected));
  });

  it("names no cell when two cells are equally good fixes", async () => {
    const ganda = temuan.filter((t) => t.kunci.startsWith(`total:${GANDA}:`));
    expect(ganda.map((t) => t.kunci).sort()).toEqual([`total:${GANDA}:4:a:a`, `total:${GANDA}:5:a:a`]);
    for (const t of ganda) expect(t.lokasi_sel).toBeNull();
    // Not for lack of candidates: both findings propose the same two single-cell fixes.
    const shared = await db.all(`
      SELECT u.k.source_row AS source_row, u.k.nilai_pemulih::VARCHAR AS pemulih, count(*)::INTEGER AS n
      FROM recon.evaluasi e, unnest(e.kandidat) AS u(k)
      WHERE e.gagal AND e.kunci LIKE 'total:${GANDA}:%' AND u.k.source_file = '${GANDA}' AND u.k.source_row IN (2, 3)
      GROUP BY ALL ORDER BY 1`);
    expect(shared).toEqual([{ source_row: 2, pemulih: "6.000000", n: 2 }, { source_row: 3, pemulih: "7.000000", n: 2 }]);
  });

  it("names no cell from a single failing identity", () => {
    expect(byId(temuanId("keluarga_angka", `keluarga:${KELUARGA}`)).lokasi_sel).toBeNull();
  });

  it("passing identities are not findings", () => {
    expect(temuan.map((t) => t.kunci)).not.toContain(`total:${ID}:2:c:a+b`);
    expect(temuan.map((t) => t.kunci)).not.toContain(`total:${ID}:4:b:b`);
    expect(temuan.map((t) => t.kunci)).not.toContain(`total:${ID}:4:c:c`);
  });
});

describe("masalah", () => {
  it("joins the findings one wrong cell causes into one masalah, located to that cell", async () => {
    expect(byId(ID_BARIS_3).masalah_id).toBe(byId(ID_KOLOM_A).masalah_id);
    const [m] = await db.all<Record<string, unknown>>(`SELECT * FROM recon.masalah WHERE masalah_id = '${byId(ID_KOLOM_A).masalah_id}'`);
    expect(m).toMatchObject({ sebab: "sel_salah", jumlah_temuan: 2, lokasi_berkas: ID, lokasi_baris: 3, lokasi_kolom: "Realisasi (Rp)", nilai_didukung: "8.000000" });
  });

  it("keeps the two findings whose fix cannot be located apart from the located one", () => {
    const ganda = temuan.filter((t) => t.kunci.startsWith(`total:${GANDA}:`));
    expect(new Set(ganda.map((t) => t.masalah_id)).has(byId(ID_KOLOM_A).masalah_id)).toBe(false);
  });

  it("gives every finding exactly one masalah", async () => {
    const rows = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM recon.temuan WHERE masalah_id IS NULL OR masalah_id NOT IN (SELECT masalah_id FROM recon.masalah)`);
    expect(rows[0]!.n).toBe(0);
  });
});

describe("resolutions", () => {
  it("a resolution naming a finding id resolves its whole masalah, consequences included", () => {
    expect(byId(ID_KOLOM_A)).toMatchObject({ status: "diselesaikan", nilai_berlaku: "18" });
    expect(byId(ID_BARIS_3)).toMatchObject({ status: "diselesaikan", nilai_berlaku: "18" });
  });

  it("a resolution naming a figure family key resolves the family's finding", () => {
    expect(byId(temuanId("keluarga_angka", `keluarga:${KELUARGA}`))).toMatchObject({ keluarga: KELUARGA, status: "diselesaikan", nilai_berlaku: "94" });
  });

  it("a resolution naming a masalah id resolves that masalah only", () => {
    expect(byId(temuanId("total_tercetak", `total:${GANDA}:4:a:a`))).toMatchObject({ masalah_id: MASALAH_GANDA_4, status: "diselesaikan", nilai_berlaku: "11" });
    expect(byId(temuanId("total_tercetak", `total:${GANDA}:5:a:a`)).status).toBe("terbuka");
  });

  it("a resolution matching nothing is reported as stale (usang), naming the resolution row", async () => {
    const usang = await db.all<Record<string, unknown>>(`SELECT id, status, source_file, source_row FROM recon.keputusan WHERE status = 'usang'`);
    expect(usang).toEqual([{ id: USANG, status: "usang", source_file: "resolutions.csv", source_row: 4 }]);
    expect(temuan.some((t) => t.check_id === "resolusi_usang")).toBe(false);
  });

  it("counts open errors once, in recon.ringkasan, without the resolved masalah", async () => {
    // Failing errors: the located cell (2 findings, resolved), two GANDA totals (one resolved), the family (resolved).
    const [r] = await db.all<{ jumlah_masalah: number; jumlah_temuan: number }>(`
      SELECT jumlah_masalah, jumlah_temuan FROM recon.ringkasan
      WHERE kode_wilayah = 'semua' AND lingkup = 'semua' AND keparahan = 'error' AND status = 'terbuka'`);
    expect(r).toEqual({ jumlah_masalah: 1, jumlah_temuan: 1 });
    expect(result).toMatchObject({ checks: 2, findings: 5, openErrors: 1 });
  });
});

describe("one count everywhere", () => {
  it("the CLI line, reconciliation.json, .csv and .xlsx carry recon.ringkasan's numbers", async () => {
    const ringkasan = await db.all<Record<string, unknown>>(`SELECT * FROM recon.ringkasan ORDER BY ALL`);
    const json = JSON.parse(await readFile(join(outDir, "reconciliation.json"), "utf8"));
    expect(json.ringkasan).toEqual(ringkasan);
    const masalah = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM recon.masalah`);
    expect(json.masalah).toHaveLength(masalah[0]!.n);
    // The worklist CSV: a header and one line per masalah (no field here holds a line break).
    const csv = (await readFile(join(outDir, "reconciliation.csv"), "utf8")).trimEnd().split("\n");
    expect(csv).toHaveLength(masalah[0]!.n + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(outDir, "reconciliation.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Masalah", "Temuan", "Sel", "Keputusan", "Cakupan"]);
    const ws = wb.getWorksheet("Ringkasan")!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(["Kode Wilayah", "Lingkup", "Keparahan", "Status", "Jumlah Masalah", "Jumlah Temuan"]);
    const xlsxCounts = ringkasan.map((_, i) => [ws.getRow(i + 2).getCell(5).value, ws.getRow(i + 2).getCell(6).value]);
    expect(xlsxCounts).toEqual(ringkasan.map((r) => [r.jumlah_masalah, r.jumlah_temuan]));
    expect(typeof ws.getRow(2).getCell(5).value).toBe("number");
    expect(wb.creator).toMatch(/Gudang data LKjIP/);
    expect(wb.getWorksheet("Masalah")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(result.summary).toMatch(/^\d+ masalah terbuka \(1 kesalahan, 0 peringatan; \d+ temuan\)/);
  });
});
