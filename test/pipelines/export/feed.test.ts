/**
 * The Bappeda feed (pipelines/export/feed.ts): one export, three formats with the same content, the
 * schema version as file metadata, the reconciliation status per figure, and a second region.
 */
import { mkdtemp, readFile, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../../pipelines/build.js";
import {
  desimalMesin,
  FEED_COLUMNS,
  FEED_NAME,
  FEED_SCHEMA_VERSION,
  STATUS_BELUM_DIPERIKSA,
  writeFeed,
  xlsxValue,
} from "../../../pipelines/export/feed.js";
import { Db, sqlString } from "../../../pipelines/lib/duckdb.js";
import { copySources } from "../../helpers/warehouse.js";

const NAMES = FEED_COLUMNS.map((c) => c.name);

/** The three formats read back, each as rows of exact strings ("" for an empty cell). */
async function readCsv(dir: string): Promise<string[][]> {
  return parse(await readFile(join(dir, `${FEED_NAME}.csv`), "utf8"), { bom: false }) as string[][];
}

async function readXlsx(dir: string): Promise<{ rows: string[][]; keywords: string; sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, `${FEED_NAME}.xlsx`));
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    rows.push(
      NAMES.map((_, j) => {
        const v = row.getCell(j + 1).value;
        // A number cell holds a double that prints back as exactly the decimal written.
        return v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v);
      }),
    );
  });
  return { rows, keywords: wb.keywords, sheets: wb.worksheets.map((w) => w.name) };
}

async function readParquet(db: Db, dir: string): Promise<string[][]> {
  const file = sqlString(join(dir, `${FEED_NAME}.parquet`));
  const cols = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${file}))`);
  const records = await db.all<Record<string, string | null>>(
    `SELECT ${NAMES.map((n) => `CAST(${n} AS VARCHAR) AS ${n}`).join(", ")} FROM read_parquet(${file})`,
  );
  return [
    cols.map((c) => c.column_name),
    ...records.map((r) =>
      FEED_COLUMNS.map((c) => {
        const v = r[c.name] ?? null;
        // DECIMAL(28,10) reads back with its scale ("4.0500000000"): the same number as the CSV's "4.05".
        return v === null ? "" : c.type === "desimal" ? desimalMesin(v) : v;
      }),
    ),
  ];
}

/** The Hive-partitioned parquet read back with DuckDB, rows in feed order, and the partition folders. */
async function readPartitioned(db: Db, dir: string): Promise<{ rows: string[][]; folders: string[] }> {
  const glob = sqlString(join(dir, FEED_NAME, "**", "*.parquet"));
  const from = `read_parquet(${glob}, hive_partitioning = true, hive_types = {'kode_wilayah': VARCHAR, 'tahun': INTEGER})`;
  const records = await db.all<Record<string, string | null>>(
    `SELECT ${NAMES.map((n) => `CAST(${n} AS VARCHAR) AS ${n}`).join(", ")} FROM ${from} ORDER BY kode_wilayah, tahun, indikator`,
  );
  const folders = await db.all<{ f: string }>(
    `SELECT DISTINCT regexp_extract(filename, 'kode_wilayah=[^/]+/tahun=[^/]+') AS f FROM read_parquet(${glob}, filename = true) ORDER BY 1`,
  );
  return {
    rows: records.map((r) => FEED_COLUMNS.map((c) => {
      const v = r[c.name] ?? null;
      return v === null ? "" : c.type === "desimal" ? desimalMesin(v) : v;
    })),
    folders: folders.map((f) => f.f),
  };
}

async function kvMetadata(db: Db, dir: string): Promise<Record<string, string>> {
  const rows = await db.all<{ k: string; v: string }>(
    `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${sqlString(join(dir, `${FEED_NAME}.parquet`))})`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

describe("the feed of a build with a second, synthetic region", () => {
  let db: Db;
  let dir: string;

  beforeAll(async () => {
    const src = await copySources();
    // Kutai Barat (6402): its own PK (TPT target 6,00 for 2025), IKU manual and a BPS TPT of 5,10.
    await writeFile(
      join(src, "plans/perjanjian_kinerja_kubar_2025.csv"),
      `No.,SASARAN,INDIKATOR,SATUAN,TARGET\n1,Menurunnya pengangguran,Tingkat Pengangguran Terbuka,Persen,"6,00"\n`,
    );
    await writeFile(join(src, "plans/manual_iku_kubar.csv"), await readFile(join(src, "plans/manual_iku.csv"), "utf8"));
    await writeFile(
      join(src, "bps/tpt_kabkota_2025.csv"),
      `Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)\n\nKabupaten/Kota,2025\nKutai Barat,"5,10"\n`,
    );
    await appendFile(
      join(src, "catalogue.csv"),
      [
        "plans/perjanjian_kinerja_kubar_2025.csv,plans,plans.perjanjian_kinerja,6402,2025,csv,sintetis,PERJANJIAN KINERJA 2025,synthetic test region,",
        "plans/manual_iku_kubar.csv,plans,plans.manual_iku,6402,2025,csv,sintetis,Manual IKU,synthetic test region,",
        "bps/tpt_kabkota_2025.csv,bps,bps.kabkota_tahun,64,2025,csv,sintetis,TPT,synthetic test region,",
        "",
      ].join("\n"),
    );
    const out = await mkdtemp(join(tmpdir(), "feed-"));
    await build({ sourcesDir: src, outDir: out, log: () => {} });
    db = await Db.open(join(out, WAREHOUSE_FILE));
    dir = join(out, "feeds");
  });
  afterAll(() => db?.close());

  it("writes the three formats with exactly the fixed columns", async () => {
    const csv = await readCsv(dir);
    const xlsx = await readXlsx(dir);
    const parquet = await readParquet(db, dir);
    expect(NAMES).toEqual([
      "kode_wilayah", "tahun", "indikator", "nama_indikator", "satuan", "arah", "target", "realisasi", "capaian", "kriteria",
      "tingkat_sumber", "dasar_pilihan", "sumber", "provenance", "status_rekonsiliasi",
    ]);
    expect(csv[0]).toEqual(NAMES);
    expect(xlsx.rows[0]).toEqual(NAMES);
    expect(parquet[0]).toEqual(NAMES);
    expect(xlsx.sheets).toEqual([FEED_NAME]);
  });

  it("has the same content in CSV, XLSX and parquet, row for row, as exact strings", async () => {
    const csv = await readCsv(dir);
    const xlsx = await readXlsx(dir);
    const parquet = await readParquet(db, dir);
    expect(csv.length).toBeGreaterThan(10);
    expect(xlsx.rows).toEqual(csv);
    expect(parquet).toEqual(csv);
  });

  it("writes the same rows Hive-partitioned by region and year, read back by DuckDB", async () => {
    const csv = await readCsv(dir);
    const { rows, folders } = await readPartitioned(db, dir);
    expect(rows).toEqual(csv.slice(1));
    expect((await readXlsx(dir)).rows.slice(1)).toEqual(rows);
    const keys = [...new Set(csv.slice(1).map((r) => `kode_wilayah=${r[0]}/tahun=${r[1]}`))].sort();
    expect(folders).toEqual(keys);
  });

  it("holds TPT and TKK for every region and year the warehouse has a TPT for", async () => {
    const csv = await readCsv(dir);
    const have = new Set(csv.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]}`));
    const years = await db.all<{ w: string; t: string }>(
      `SELECT DISTINCT kode_wilayah AS w, tahun::VARCHAR AS t FROM intermediate.int_pasar_kerja WHERE ukuran = 'tpt' AND nilai IS NOT NULL`,
    );
    // The province and ten kab/kota (plus the synthetic Kutai Barat 2025).
    expect(new Set(years.map((y) => y.w)).size).toBe(11);
    for (const y of years) {
      expect(have.has(`${y.w} ${y.t} tpt`), `${y.w} ${y.t} tpt`).toBe(true);
      expect(have.has(`${y.w} ${y.t} tkk`), `${y.w} ${y.t} tkk`).toBe(true);
    }
  });

  it("says for every realisation its source tier and why it was chosen, and gives units as the figures are", async () => {
    const csv = await readCsv(dir);
    const row = (w: string, t: string, ind: string) => csv.find((r) => r[0] === w && r[1] === t && r[2] === ind)!;
    for (const r of csv.slice(1)) {
      if (r[7] === "") continue;
      expect(["statistik resmi", "data dinas", "laporan", "kutipan", "keputusan analis"], r.join("|")).toContain(r[10]);
      expect(r[11], r.join("|")).not.toBe("");
    }
    // The BPS table outranks the LKjIP and the rector's 4,11 quote.
    expect(row("6403", "2024", "tpt").slice(7, 12)).toEqual(["4.05", "107.9545454545", "Sangat Tinggi", "statistik resmi", expect.stringMatching(/^aturan bawaan/)]);
    // TPT 2025 exists only as a quote in the news: the row says so.
    expect(row("6403", "2025", "tpt").slice(6, 12)).toEqual(["", "4.4", "", "", "kutipan", "satu-satunya sumber"]);
    expect(row("6403", "2024", "pct_pencaker_ditempatkan")[10]).toBe("data dinas");
    expect(row("6403", "2022", "nilai_sakip_pd")[10]).toBe("laporan");
    const pdrb = row("6403", "2024", "pdrb_per_kapita");
    expect([pdrb[3], pdrb[4], pdrb[6], pdrb[7]]).toEqual(["PDRB per Kapita", "Juta Rupiah", "197.62", "240.87"]);
    expect(row("6403", "2024", "tkk")[4]).toBe("Persen");
    // Every Renstra target of the office's IKU that the plans give, 2021-2026, is in the feed.
    const targets = await db.all<{ k: string }>(
      `SELECT DISTINCT kunci_indikator || ' ' || tahun AS k FROM intermediate.int_renstra_target
       WHERE kode_wilayah = '6403' AND target IS NOT NULL AND tahun BETWEEN 2021 AND 2026
         AND (kunci_indikator IN ('tpt', 'tkk', 'pdrb_per_kapita')
              OR kunci_indikator IN (SELECT kode_iku FROM config.kaskade_rpjmd WHERE kode_wilayah = '6403'))
       ORDER BY 1`,
    );
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) {
      const [ind, th] = t.k.split(" ");
      expect(row("6403", th!, ind!)?.[6], t.k).toMatch(/^\d/);
    }
  });

  it("is the warehouse's feed.rpjmd_indikator and marts.feed_rpjmd_indikator, nothing dropped", async () => {
    const csv = await readCsv(dir);
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM feed.rpjmd_indikator`)).toBe(String(csv.length - 1));
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM marts.feed_rpjmd_indikator`)).toBe(String(csv.length - 1));
  });

  it("writes numbers as plain machine decimals and keeps exact values", async () => {
    const csv = await readCsv(dir);
    const tkk = csv.find((r) => r[0] === "6403" && r[1] === "2024" && r[2] === "tkk")!;
    // 356.298 / 371.349 x 100 at the warehouse's 10 decimals, trailing zero dropped; target 95,60 -> 95.6.
    expect(tkk.slice(6, 10)).toEqual(["95.6", "95.946939402", "100.3629073243", "Sangat Tinggi"]);
    for (const r of csv.slice(1)) for (const j of [6, 7, 8]) expect(r[j]).toMatch(/^(-?\d+(\.\d*[1-9])?)?$/);
  });

  it("gives the second region its own rows, and leaves Kutai Kartanegara's unchanged", async () => {
    const csv = await readCsv(dir);
    const kubar = csv.filter((r) => r[0] === "6402");
    // Its own BPS table and PK for 2025, and the figures outlets quote for Kutai Barat in other years.
    expect(kubar.map((r) => `${r[1]} ${r[2]}`)).toEqual(["2022 tkk", "2022 tpt", "2023 tkk", "2023 tpt", "2024 pdrb_per_kapita", "2025 tkk", "2025 tpt"]);
    // TPT 5,10 against 6,00, lower is better: (6 - (5,1 - 6)) / 6 = 115%.
    expect(kubar.filter((r) => r[1] === "2025" && r[2] === "tpt")).toEqual([
      [
        "6402", "2025", "tpt", "Tingkat Pengangguran Terbuka", "Persen", "negatif", "6", "5.1", "115", "Sangat Tinggi",
        "statistik resmi", "satu-satunya sumber",
        "realisasi: Tabel BPS (bps/tpt_kabkota_2025.csv); target: Perjanjian Kinerja",
        "realisasi: bps/tpt_kabkota_2025.csv baris 4 kolom 2025; target: plans/perjanjian_kinerja_kubar_2025.csv baris 2",
        "tidak ada temuan",
      ],
    ]);
    const kukar = csv.filter((r) => r[0] === "6403");
    expect(kukar).toHaveLength(20);
    const tpt2024 = kukar.find((r) => r[1] === "2024" && r[2] === "tpt")!;
    expect(tpt2024.slice(6, 10)).toEqual(["4.4", "4.05", "107.9545454545", "Sangat Tinggi"]);
    // The Renstra models keep the regions apart too.
    const regions = await db.all(`SELECT DISTINCT kode_wilayah FROM marts.renstra_indikator ORDER BY 1`);
    expect(regions.map((r) => r.kode_wilayah)).toEqual(["64", "6401", "6402", "6403", "6404", "6405", "6409", "6411", "6471", "6472", "6474"]);
    const [l] = await db.all(
      `SELECT status, nilai_acuan::VARCHAR AS v, tahun_akhir_renstra FROM marts.renstra_lintasan WHERE kode_wilayah = '6402' AND kunci_indikator = 'tpt'`,
    );
    expect(l).toEqual({ status: "on track", v: "5.1000000000", tahun_akhir_renstra: null });
  });

  it("summarises, per row, the masalah behind the findings recon.temuan holds for that figure", async () => {
    // The check step's findings change as checks evolve, so the expected status is recounted here
    // from recon.temuan and recon.masalah themselves (the exact wording is pinned on a fixed fake table below).
    const csv = await readCsv(dir);
    const findings = await db.all<{ unit: string; kode_wilayah: string; tahun: number; kunci_indikator: string | null; keluarga: string | null; keparahan: string; status: string }>(
      `SELECT coalesce(t.masalah_id, t.temuan_id) AS unit, t.kode_wilayah, t.tahun, t.kunci_indikator, t.keluarga,
              coalesce(m.keparahan, t.keparahan) AS keparahan, coalesce(m.status, t.status) AS status
       FROM recon.temuan t LEFT JOIN recon.masalah m USING (masalah_id)`,
    );
    expect(findings.length).toBeGreaterThan(0);
    for (const r of csv.slice(1)) {
      const [w, t, ind] = r;
      const touching = findings.filter(
        (f) =>
          f.kode_wilayah === w && String(f.tahun) === t &&
          (f.kunci_indikator === ind || f.keluarga === `${ind}|${w}|${t}|tahunan` || f.keluarga === `realisasi|${w}|${t}|tahunan|${ind}`),
      );
      const count = (p: (f: (typeof findings)[number]) => boolean) => new Set(touching.filter(p).map((f) => f.unit)).size;
      const open = count((f) => f.status === "terbuka");
      const levels = ["error", "warning", "rounding"]
        .map((l) => [l, count((f) => f.status === "terbuka" && f.keparahan === l)] as const)
        .filter(([, n]) => n > 0)
        .map(([l, n]) => `${l}: ${n}`);
      const resolved = count((f) => f.status === "diselesaikan");
      const parts = [
        ...(open ? [`terbuka: ${open} masalah${levels.length ? ` (${levels.join(", ")})` : ""}`] : []),
        ...(resolved ? [`diselesaikan: ${resolved} masalah`] : []),
      ];
      expect(r[14], `${w} ${t} ${ind}`).toBe(parts.length ? parts.join("; ") : "tidak ada temuan");
    }
    // At least one row carries findings, and one an analyst's resolution (sources/resolutions.csv: HI 2024).
    expect(csv.some((r) => r[14]!.startsWith("terbuka: "))).toBe(true);
    expect(csv.find((r) => r[0] === "6403" && r[1] === "2024" && r[2] === "pct_kasus_hi_difasilitasi")![14]).toContain("diselesaikan: 1 masalah");
  });

  it("carries the schema version as file metadata in every format", async () => {
    expect(FEED_SCHEMA_VERSION).toBe("2.0.0");
    expect((await kvMetadata(db, dir)).feed_schema_version).toBe(FEED_SCHEMA_VERSION);
    expect((await readXlsx(dir)).keywords).toContain(`feed_schema_version=${FEED_SCHEMA_VERSION}`);
    const schema = JSON.parse(await readFile(join(dir, `${FEED_NAME}.schema.json`), "utf8"));
    expect(schema.feed_schema_version).toBe(FEED_SCHEMA_VERSION);
    expect(schema.kolom.map((c: { nama: string }) => c.nama)).toEqual(NAMES);
    expect(schema.baris).toBe((await readCsv(dir)).length - 1);
  });
});

describe("status_rekonsiliasi on a small fake recon.temuan", () => {
  let db: Db;

  const setup = async (withTemuan: boolean): Promise<string[][]> => {
    db = await Db.open(":memory:");
    await db.run(`CREATE SCHEMA marts`);
    await db.run(`CREATE TABLE marts.feed_rpjmd_indikator AS SELECT * FROM (VALUES
      ('6403', 2024, 'tpt', 'TPT', 'Persen', 'negatif', 4.400000, 4.0500000000, 107.9545454545, 'Sangat Tinggi', 'statistik resmi', 'd', 's', 'p'),
      ('6403', 2024, 'tkk', 'TKK', 'Persen', 'positif', 95.600000, 95.9469394020, 100.3629073243, 'Sangat Tinggi', 'statistik resmi', 'd', 's', 'p'),
      ('6403', 2023, 'tpt', 'TPT', 'Persen', 'negatif', NULL, 4.0500000000, NULL, NULL, 'kutipan', 'd', 's', 'p'),
      ('6402', 2024, 'tpt', 'TPT', 'Persen', 'negatif', NULL, 1234567890123.1234567891, NULL, NULL, 'kutipan', 'd', 's', 'p')
    ) v(kode_wilayah, tahun, indikator, nama_indikator, satuan, arah, target, realisasi, capaian, kriteria, tingkat_sumber, dasar_pilihan, sumber, provenance)`);
    if (withTemuan) {
      await db.run(`CREATE SCHEMA recon`);
      // The shape the check step writes (docs: recon.temuan), only the columns filled that matter here.
      await db.run(`CREATE TABLE recon.temuan (
        temuan_id VARCHAR, check_id VARCHAR, jenis VARCHAR, keparahan VARCHAR, kode_wilayah VARCHAR, tahun INTEGER, tabel VARCHAR,
        kunci_indikator VARCHAR, keluarga VARCHAR, nilai_diharapkan DECIMAL(28,6), nilai_aktual DECIMAL(28,6), selisih DECIMAL(28,6),
        selisih_relatif DECIMAL(28,6), penjelasan VARCHAR,
        nilai_konflik STRUCT(peran VARCHAR, nilai DECIMAL(28,6), teks VARCHAR, source_file VARCHAR, source_sheet VARCHAR,
                             source_row INTEGER, source_column VARCHAR, rujukan VARCHAR)[],
        status VARCHAR, resolusi_alasan VARCHAR)`);
      await db.run(`INSERT INTO recon.temuan (temuan_id, keparahan, kode_wilayah, tahun, kunci_indikator, keluarga, status) VALUES
        ('a', 'error', '6403', 2024, 'tpt', NULL, 'terbuka'),
        ('b', 'rounding', '6403', 2024, 'tpt', NULL, 'terbuka'),
        ('c', 'error', '6403', 2024, 'tkk', NULL, 'diselesaikan'),
        ('d', 'warning', '6403', 2023, NULL, 'tpt|6403|2023|tahunan', 'terbuka'),
        ('e', 'error', '6403', 2023, 'tpt', 'tpt|6403|2023|tahunan', 'terbuka'),
        ('f', 'error', '6403', 2022, 'tpt', NULL, 'terbuka'),
        ('g', 'error', '6403', 2024, 'pk07', NULL, 'terbuka')`);
    }
    const out = await mkdtemp(join(tmpdir(), "feed-status-"));
    const r = await writeFeed(db, out);
    expect(r.temuanTersedia).toBe(withTemuan);
    return parse(await readFile(join(out, "feeds", `${FEED_NAME}.csv`), "utf8")) as string[][];
  };
  afterAll(() => db?.close());

  it("counts open findings by level and resolved ones, per region, year and indicator", async () => {
    const csv = await setup(true);
    const by = Object.fromEntries(csv.slice(1).map((r) => [`${r[0]} ${r[1]} ${r[2]}`, r[14]]));
    expect(by).toEqual({
      "6402 2024 tpt": "tidak ada temuan",
      // A finding counted once even when it names both the indicator and the family.
      "6403 2023 tpt": "terbuka: 2 (error: 1, warning: 1)",
      "6403 2024 tkk": "diselesaikan: 1",
      "6403 2024 tpt": "terbuka: 2 (error: 1, rounding: 1)",
    });
    db.close();
  });

  it("says the figures were not checked when recon.temuan does not exist", async () => {
    const csv = await setup(false);
    expect(new Set(csv.slice(1).map((r) => r[14]))).toEqual(new Set([STATUS_BELUM_DIPERIKSA]));
    // Feed order: region, year, indicator; exact decimals beyond a double's precision survive in CSV.
    expect(csv.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]}`)).toEqual(["6402 2024 tpt", "6403 2023 tpt", "6403 2024 tkk", "6403 2024 tpt"]);
    expect(csv[1]![7]).toBe("1234567890123.1234567891");
  });
});

describe("xlsxValue", () => {
  it("writes a number only when the double prints back the same decimal, else text", () => {
    expect(xlsxValue("4.05", "desimal")).toBe(4.05);
    expect(xlsxValue("100.3629073243", "desimal")).toBe(100.3629073243);
    expect(xlsxValue("1234567890123.1234567891", "desimal")).toBe("1234567890123.1234567891");
    expect(xlsxValue("2024", "bilangan_bulat")).toBe(2024);
    expect(xlsxValue("6403", "teks")).toBe("6403");
    expect(xlsxValue(null, "desimal")).toBeNull();
  });
});
