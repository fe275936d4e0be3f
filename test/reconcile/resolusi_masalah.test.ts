/**
 * Resolutions act on masalah: a decision recorded under a masalah id (not only under a figure family
 * key) reaches the models, so marts use the decided value, and the masalah with all its consequences
 * is closed. A decision that names nothing is reported as stale. Runs on a copy of the bundled sources
 * with decisions appended to the copy's resolutions.csv (the figures in sources/ are never edited).
 */
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { checkedWarehouse } from "../helpers/pipeline.js";
import { copySources } from "../helpers/warehouse.js";

// Masalah ids are the hash of the problem's naming key, stable across builds of the same sources.
const REALISASI_SERTIFIKAT = "M-efe4fe06"; // indikator|6403|2024|pct_tk_bersertifikat|realisasi
const MEDIATOR = "M-f7bf9c45"; // keluarga|jumlah_mediator|6403|2024|tahunan

let db: Db;
beforeAll(async () => {
  const dir = await copySources();
  await appendFile(
    join(dir, "resolutions.csv"),
    [
      `${REALISASI_SERTIFIKAT},"22,77","Uji: definisi laporan dipakai.",Uji,2026-12-01`,
      `${MEDIATOR},4,"Uji: lembar data HI dipakai.",Uji,2026-12-01`,
      `M-00000000,1,"Uji: tidak menunjuk apa pun.",Uji,2026-12-01`,
      "",
    ].join("\n"),
  );
  db = await checkedWarehouse(dir, { files: false });
}, 900_000);
afterAll(() => db?.close());

describe("a resolution that names a masalah", () => {
  it("sets the indicator's realisasi in the marts, and capaian follows it", async () => {
    const [r] = await db.all<{ realisasi: string; sumber_realisasi: string }>(`
      SELECT realisasi::VARCHAR AS realisasi, sumber_realisasi FROM marts.capaian_indikator
      WHERE kode_wilayah = '6403' AND tahun = 2024 AND kunci_indikator = 'pct_tk_bersertifikat'`);
    expect(Number(r!.realisasi)).toBe(22.77);
    expect(r!.sumber_realisasi).toMatch(/^resolusi: Uji: definisi laporan dipakai/);
  });

  it("sets a figure family's standing value", async () => {
    const [k] = await db.all<{ nilai_berlaku: string; dasar_nilai: string }>(`
      SELECT nilai_berlaku::VARCHAR AS nilai_berlaku, dasar_nilai FROM marts.keluarga_angka WHERE keluarga = 'jumlah_mediator|6403|2024|tahunan'`);
    expect(k).toEqual({ nilai_berlaku: "4.000000", dasar_nilai: "resolusi" });
  });

  it("closes the masalah and every finding in it", async () => {
    const rows = await db.all<{ masalah_id: string; status: string; terbuka: number }>(`
      SELECT m.masalah_id, m.status, count(*) FILTER (WHERE t.status <> 'diselesaikan')::INTEGER AS terbuka
      FROM recon.masalah m JOIN recon.temuan t USING (masalah_id)
      WHERE m.masalah_id IN ('${REALISASI_SERTIFIKAT}', '${MEDIATOR}') GROUP BY ALL ORDER BY 1`);
    expect(rows).toEqual([
      { masalah_id: REALISASI_SERTIFIKAT, status: "diselesaikan", terbuka: 0 },
      { masalah_id: MEDIATOR, status: "diselesaikan", terbuka: 0 },
    ]);
  });

  it("reports a decision that matches nothing as stale", async () => {
    const [k] = await db.all<{ status: string; catatan: string }>(`SELECT status, catatan FROM recon.keputusan WHERE id = 'M-00000000'`);
    expect(k!.status).toBe("usang");
    expect(k!.catatan).toMatch(/tidak cocok/);
  });
});
