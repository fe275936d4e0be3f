/**
 * The native percent macro (models/macros/persen_desimal.sql) against the TS reference (persen in
 * models/indicators/capaian.ts, registered as the SQL function persen): on every generated pair of
 * DECIMAL(28,6) values, byte for byte the same DECIMAL(28,6), inside and beyond the native range.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../../pipelines/lib/duckdb.js";
import { registerIndicatorFunctions } from "../../../models/indicators/register.js";
import { MODELS } from "../../helpers/checks.js";

let db: Db;
beforeAll(async () => {
  db = await Db.open(":memory:");
  registerIndicatorFunctions(db);
  await db.run(await readFile(join(MODELS, "macros", "persen_desimal.sql"), "utf8"));
});
afterAll(() => db.close());

/** A DECIMAL(28,6) as text: sign, up to 22 integer digits (native range and beyond), 6 decimals. */
const nilai = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 22n - 1n }), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(1n, 10n ** 3n, 10n ** 8n, 10n ** 14n, 10n ** 22n))
  .map(([neg, i, f, cap]) => `${neg ? "-" : ""}${i % cap}.${String(f).padStart(6, "0")}`);

async function both(pairs: [string, string][]) {
  const values = pairs.map(([a, b]) => `('${a}'::DECIMAL(28,6), '${b}'::DECIMAL(28,6))`).join(", ");
  return db.all<{ a: string; b: string; native: string | null; ts: string | null }>(`
    SELECT a::VARCHAR AS a, b::VARCHAR AS b, persen_desimal(a, b)::VARCHAR AS native,
           CAST(persen(a::VARCHAR, b::VARCHAR) AS DECIMAL(28,6))::VARCHAR AS ts
    FROM (VALUES ${values}) v(a, b)`);
}

describe("persen_desimal", () => {
  it("equals the TS percent on generated pairs", async () => {
    // Only pairs whose percent fits DECIMAL(28,6) (22 integer digits), as the reference requires too.
    const micro = (v: string) => { const x = BigInt(v.replace(".", "")); return x < 0n ? -x : x; };
    const fits = ([a, b]: [string, string]) => micro(a) * 100n < micro(b) * 10n ** 21n;
    const pairs = fc.sample(fc.tuple(nilai, nilai).filter(fits), { numRuns: 3000, seed: 14 });
    const rows = await both(pairs);
    expect(rows.filter((r) => r.native !== r.ts)).toEqual([]);
  });

  it("rounds like the reference at the half: to 10 decimals first, then to 6", async () => {
    // 1 / 8 x 100 = 12,5; 0,0000005 / 1 x 100 = 0,00005 exactly; 1 / 3 repeats.
    const rows = await both([["1", "8"], ["0.0000005", "1"], ["-0.0000005", "1"], ["1", "3"], ["2", "-3"], ["5", "0"]]);
    expect(rows.map((r) => r.native)).toEqual(["12.500000", "0.000100", "-0.000100", "33.333333", "-66.666667", null]);
    expect(rows.map((r) => r.native)).toEqual(rows.map((r) => r.ts));
  });
});
