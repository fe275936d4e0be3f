/**
 * A source the build holds but that holds nothing never lets the report's own figure stand in:
 * the AK-I recap of 2024 reduced to its header (catalogued `kosong_sah = ya`) makes both AK-I IKU
 * not_recomputable with the reason, while years with no catalogued AK-I file keep the report's
 * figure, labelled as such.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { catalogueText } from "../helpers/corpus.js";
import { copySources, loadAndModel } from "../helpers/warehouse.js";

const AK1 = "ak1/rekap_pencari_kerja_2024";
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await copySources();
  const csv = join(dir, `${AK1}.csv`);
  const header = (await readFile(csv, "utf8")).split("\n").slice(0, 5).join("\n");
  await writeFile(csv, `${header}\n`);
  const rows: Record<string, string>[] = parse(await readFile(join(dir, "catalogue.csv"), "utf8"), { columns: true, bom: true });
  // The office's XLSX copy of the same recap is left out: this case is the empty CSV alone.
  const kept = rows.filter((r) => r.path !== `${AK1}.xlsx`).map((r) => (r.path === `${AK1}.csv` ? { ...r, kosong_sah: "ya" } : r));
  await writeFile(join(dir, "catalogue.csv"), catalogueText(kept));
  db = await loadAndModel(() => true, ["marts.capaian_indikator", "marts.published_vs_recomputed"], dir);
}, 240_000);

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("an empty source the catalogue declares legitimately empty", () => {
  it("makes both AK-I IKU not_recomputable for 2024, naming the file, and keeps the report's figure out", async () => {
    const rows = await db.all(
      `SELECT kunci_indikator, realisasi::VARCHAR AS realisasi, capaian::VARCHAR AS capaian, kriteria, status_realisasi, sumber_realisasi
       FROM marts.capaian_indikator WHERE kode_wilayah = '6403' AND tahun = 2024
         AND kunci_indikator IN ('pct_tk_bersertifikat', 'pct_pencaker_ditempatkan') ORDER BY kunci_indikator`,
    );
    expect(rows).toEqual([
      {
        kunci_indikator: "pct_pencaker_ditempatkan",
        realisasi: null,
        capaian: null,
        kriteria: null,
        status_realisasi: "not_recomputable",
        sumber_realisasi:
          "tidak dapat dihitung ulang: berkas ak1/rekap_pencari_kerja_2024.csv tidak berisi baris data; angka LKjIP Tabel 3.2 (18,86) tidak dipakai sebagai pengganti",
      },
      {
        kunci_indikator: "pct_tk_bersertifikat",
        realisasi: null,
        capaian: null,
        kriteria: null,
        status_realisasi: "not_recomputable",
        sumber_realisasi:
          "tidak dapat dihitung ulang: berkas ak1/rekap_pencari_kerja_2024.csv tidak berisi baris data; angka LKjIP Tabel 3.2 (22,77) tidak dipakai sebagai pengganti",
      },
    ]);
  });

  it("keeps the report's figure for a year with no catalogued AK-I recap, and says so", async () => {
    const row = await db.all(
      `SELECT realisasi::VARCHAR AS realisasi, status_realisasi, sumber_realisasi FROM marts.capaian_indikator
       WHERE kode_wilayah = '6403' AND tahun = 2023 AND kunci_indikator = 'pct_pencaker_ditempatkan'`,
    );
    expect(row).toEqual([
      { realisasi: "13.7500000000", status_realisasi: "angka_laporan", sumber_realisasi: "angka LKjIP Tabel 3.18 (sumber mentah tahun ini tidak ada di gudang data)" },
    ]);
  });

  it("classes the report's 2024 realisasi, capaian and kriteria of both IKU as not_recomputable, with the reason", async () => {
    const rows = await db.all<{ ukuran: string; kelas: string; alasan: string }>(
      `SELECT DISTINCT ukuran, kelas, alasan FROM marts.published_vs_recomputed
       WHERE kode_wilayah = '6403' AND tahun = 2024 AND kunci_indikator = 'pct_pencaker_ditempatkan'
         AND ukuran IN ('realisasi', 'capaian', 'kriteria') ORDER BY ukuran`,
    );
    expect(rows.map((r) => r.ukuran)).toEqual(["capaian", "kriteria", "realisasi"]);
    for (const r of rows) {
      expect(r.kelas).toBe("not_recomputable");
      expect(r.alasan).toContain("ak1/rekap_pencari_kerja_2024.csv tidak berisi baris data");
    }
  });
});
