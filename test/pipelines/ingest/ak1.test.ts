import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, loadRaw } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

let db: Db;
beforeAll(async () => {
  db = await loadRaw(byFamily("ak1"));
});
afterAll(() => db.close());

describe("ak1 loader", () => {
  it("loads the CSV and the XLSX with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "ak1");
  });

  it("reads the XLSX exactly as the CSV (merged total cells are not doubled)", async () => {
    const diff = await db.all(`
      (SELECT * EXCLUDE (source_file, source_sheet, source_sha256) FROM raw.ak1_rekap WHERE source_file LIKE '%.csv')
      EXCEPT
      (SELECT * EXCLUDE (source_file, source_sheet, source_sha256) FROM raw.ak1_rekap WHERE source_file LIKE '%.xlsx')`);
    expect(diff).toEqual([]);
    const totals = await db.all(`SELECT source_file, count(*)::INT AS n FROM raw.stated_totals GROUP BY ALL ORDER BY 1`);
    expect(totals).toEqual([
      { source_file: "ak1/rekap_pencari_kerja_2024.csv", n: 15 },
      { source_file: "ak1/rekap_pencari_kerja_2024.xlsx", n: 15 },
    ]);
  });

  it("keeps printed totals as claims, with Jumlah (L+W) summing both sexes", async () => {
    const rows = await db.all(`SELECT nilai, kolom_bagian FROM raw.stated_totals
      WHERE source_file LIKE '%.csv' AND label = 'Jumlah (L+W)' AND kolom = 'sisa_akhir_l'`);
    expect(rows).toEqual([{ nilai: "10408.000000", kolom_bagian: ["sisa_akhir_l", "sisa_akhir_w"] }]);
    const dataLabels = await db.all(`SELECT DISTINCT pendidikan FROM raw.ak1_rekap WHERE pendidikan ILIKE 'jumlah%'`);
    expect(dataLabels).toEqual([]);
  });
});
