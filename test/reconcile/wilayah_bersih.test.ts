/**
 * Precision on a clean region: a small synthetic office (6402, 2025; test/fixtures/wilayah_bersih)
 * whose sources are internally consistent (AK-I stock-flow, HI breakdown, targets, a BPS rate) gives
 * no finding of error or warning level, so every error the bundled build reports comes from the data,
 * not from a check that fires on clean input.
 */
import { copyFile, cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { checkedWarehouse } from "../helpers/pipeline.js";
import { SOURCES } from "../helpers/warehouse.js";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/wilayah_bersih");
let db: Db;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "wilayah-bersih-"));
  await cp(FIXTURE, dir, { recursive: true });
  // The IKU definitions are the office's own configuration, the same for any office.
  await copyFile(join(SOURCES, "plans/manual_iku.csv"), join(dir, "plans/manual_iku.csv"));
  // So is the list of region codes.
  await copyFile(join(SOURCES, "bps/wilayah_kaltim.csv"), join(dir, "bps/wilayah_kaltim.csv"));
  db = await checkedWarehouse(dir, { files: false });
});
afterAll(() => db?.close());

describe("a clean synthetic region", () => {
  it("is evaluated by the checks (the silence is not for lack of looking)", async () => {
    const [r] = await db.all<{ n: number; checks: number }>(`SELECT count(*)::INTEGER AS n, count(DISTINCT check_id)::INTEGER AS checks FROM recon.evaluasi`);
    expect(r!.n).toBeGreaterThan(10);
    expect(r!.checks).toBeGreaterThanOrEqual(3);
  });

  it("gives zero findings of error or warning level", async () => {
    const rows = await db.all(`SELECT check_id, keparahan, penjelasan FROM recon.temuan WHERE keparahan IN ('error', 'warning') ORDER BY ALL`);
    expect(rows).toEqual([]);
    const [r] = await db.all<{ jumlah_masalah: number }>(`
      SELECT jumlah_masalah FROM recon.ringkasan WHERE kode_wilayah = 'semua' AND lingkup = 'semua' AND keparahan = 'error_warning' AND status = 'semua'`);
    expect(r!.jumlah_masalah).toBe(0);
  });
});
