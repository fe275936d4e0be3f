/**
 * The native kode rekening SQL (kode-rekening-sql.ts) against the TS reference (kode-rekening.ts,
 * registered as kode_tingkat / kode_masalah): equal on every generated code, and well-formed
 * codes never call the TS parser.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db, sqlString } from "../../../pipelines/lib/duckdb.js";
import { kodeMasalahSql, kodeTingkatSql } from "../../../pipelines/lib/kode-rekening-sql.js";

let db: Db;
beforeAll(async () => {
  db = await Db.open(":memory:");
});
afterAll(() => db.close());

const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));
/** A code of 1-7 segments, mostly of the right widths, sometimes off by one. */
const code = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 7, maxLength: 7 }), fc.boolean())
  .chain(([n, skew, exact]) =>
    fc.tuple(...[1, 2, 2, 1, 2, 4, 2].slice(0, n).map((w, i) => digits(Math.max(1, exact ? w : w + skew[i]!)))).map((s) => s.join(".")),
  );
const noise = fc.array(fc.constantFrom(..."0123456789.,a -\u00a0"), { maxLength: 20 }).map((c) => c.join(""));

describe("kode rekening natively", () => {
  it("equals the TS parser on generated codes (NULL included)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(code, code, noise), { minLength: 100, maxLength: 100 }), async (values) => {
        await db.run(`CREATE OR REPLACE TABLE kode AS SELECT unnest([${[...values.map(sqlString), "NULL"].join(", ")}]::VARCHAR[]) AS t`);
        const rows = await db.all<{ t: string | null; nt: string | null; rt: string | null; nm: string | null; rm: string | null }>(
          `SELECT t, ${kodeTingkatSql("t")} AS nt, kode_tingkat(t) AS rt, ${kodeMasalahSql("t")} AS nm,
                  CASE WHEN t IS NULL THEN 'kode kosong' ELSE kode_masalah(t) END AS rm FROM kode`,
        );
        for (const r of rows) {
          expect(r.nt, JSON.stringify(r.t)).toBe(r.rt);
          expect(r.nm, JSON.stringify(r.t)).toBe(r.rm);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("decides well-formed codes without the TS parser", async () => {
    const rows = await db.all<{ tingkat: string; masalah: string | null }>(
      `SELECT ${kodeTingkatSql("t").replace(/ELSE kode_tingkat\(t\)/, "ELSE 'js'")} AS tingkat,
              ${kodeMasalahSql("t").replace(/ELSE kode_masalah\(t\)/, "ELSE 'js'")} AS masalah
       FROM (VALUES ('2'), ('2.07'), ('2.07.01'), ('2.07.01.2.01'), ('2.07.01.2.01.0001')) v(t)`,
    );
    expect(rows).toEqual([
      { tingkat: "urusan", masalah: null },
      { tingkat: "bidang_urusan", masalah: null },
      { tingkat: "program", masalah: null },
      { tingkat: "kegiatan", masalah: null },
      { tingkat: "sub_kegiatan", masalah: null },
    ]);
  });
});
