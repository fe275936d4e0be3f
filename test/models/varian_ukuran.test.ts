/**
 * Measure variants on the bundled sources: a wage quote labelled "as stated", "rounded in source", a
 * proposal or a sectoral wage (config.varian_ukuran) is not a member of the UMK figure family; the family
 * mart lists it as a variant with its note, and the family's members agree.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

let db: Db;
beforeAll(async () => {
  db = await openSharedWarehouse();
});
afterAll(() => db?.close());

const KELUARGA = "umk|6403|2024|tahunan";

it("keeps the quotes flagged 'as stated' or 'rounded in source' out of the UMK family, whose members then agree", async () => {
  const members = await db.all<{ nilai: string }>(`
    SELECT DISTINCT nilai::VARCHAR AS nilai FROM intermediate.int_keluarga_angka WHERE keluarga = '${KELUARGA}' ORDER BY 1`);
  expect(members.map((m) => m.nilai)).toEqual(["3536506.280000"]);
});

it("lists each variant with its family, its class and its note", async () => {
  const rows = await db.all<{ varian: string; label: string; nilai: string; catatan: string }>(`
    SELECT u.v.varian AS varian, u.v.label AS label, u.v.nilai::VARCHAR AS nilai, u.v.catatan AS catatan
    FROM marts.keluarga_angka, unnest(varian) AS u(v) WHERE keluarga = '${KELUARGA}' ORDER BY u.v.source_row`);
  expect(rows.map((r) => [r.varian, r.label, r.nilai])).toEqual([
    ["dibulatkan", "UMK (rounded in source)", "3536506.000000"],
    ["sesuai_tercetak", "UMK (as stated)", "3565506.000000"],
  ]);
  expect(rows[1]!.catatan).toContain("sebagaimana tercetak");
  // A sectoral wage of the office's own HI data sheet is a variant of UMK 2025, not a member.
  const [umsk] = await db.all<{ n: number }>(`
    SELECT count(*)::INTEGER AS n FROM intermediate.int_varian_ukuran
    WHERE keluarga = 'umk|6403|2025|tahunan' AND varian = 'sektoral' AND jenis_sumber = 'kantor'`);
  expect(umsk!.n).toBe(4);
});
