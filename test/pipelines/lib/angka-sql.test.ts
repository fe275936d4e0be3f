/**
 * The native SQL parser (angka-sql.ts) against the TS reference (angka.ts, registered in DuckDB as
 * angka_info / kuantitas_info): on every generated string where the SQL gives an answer, it is the
 * TS parser's answer, byte for byte; and the common shapes never fall back to the TS parser.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { angkaInfoNativeSql, angkaInfoSql, kuantitasInfoNativeSql, type AngkaOption } from "../../../pipelines/lib/angka-sql.js";
import { Db, sqlString } from "../../../pipelines/lib/duckdb.js";

let db: Db;
beforeAll(async () => {
  db = await Db.open(":memory:");
});
afterAll(() => db.close());

const digit = fc.constantFrom(..."0123456789");
const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(""));

/** Numbers as sheets print them, per thousands separator, with the usual decorations. */
function printed(sep: "." | ",") {
  const dec = sep === "." ? "," : ".";
  const grouped = fc.tuple(digits(1, 3), fc.array(digits(3, 3), { maxLength: 5 })).map(([a, r]) => [a, ...r].join(sep));
  const body = fc.tuple(fc.oneof(grouped, digits(1, 14)), fc.option(digits(1, 4), { nil: undefined })).map(([i, f]) =>
    f === undefined ? i : sep === "." ? `${i}${dec}${f}` : `${i},${f.slice(0, 2)}`,
  );
  return fc
    .tuple(fc.constantFrom("", "Rp. ", "Rp", "RP. ", "rp "), fc.constantFrom("", "-", "(", "paren-rp"), body, fc.constantFrom("", "%", " %", ",-"), fc.constantFrom("", " ", "  "))
    .map(([rp, sign, n, suffix, pad]) => {
      if (sign === "(") return `${pad}(${rp}${n})`;
      if (sign === "paren-rp") return `${rp || "Rp. "}(${n})`;
      return `${pad}${rp}${sign}${n}${suffix}${pad}`;
    });
}

/** Anything built from the characters that matter, to hit the corners (and non-ASCII ones). */
const noise = fc
  .array(fc.constantFrom(..."0123456789.,()-%# RrpPTMJtbsen\u00a0\u2013"), { maxLength: 14 })
  .map((c) => c.join(""));

const unit = fc.constantFrom("", " Dokumen", " Orang", "Orang/Bulan", " satuan permukiman ", " kk");

async function compare(values: string[], native: string, reference: string): Promise<{ t: string; n: string | null; r: string }[]> {
  await db.run(`CREATE OR REPLACE TABLE cells AS SELECT unnest([${values.map(sqlString).join(", ")}]::VARCHAR[]) AS t`);
  return db.all(`SELECT t, ${native} AS n, ${reference} AS r FROM cells`);
}

const OPTIONS: AngkaOption[] = [".", ",", "machine"];

describe.each(OPTIONS)("angka_info natively, option %s", (opt) => {
  const arb = fc.array(fc.oneof(printed(opt === "," ? "," : "."), printed(opt === "," ? "." : ","), noise), { minLength: 100, maxLength: 100 });

  it("equals the TS parser wherever it answers", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const rows = await compare(values, angkaInfoNativeSql("t", opt), `angka_info(t, ${sqlString(opt)})`);
        for (const r of rows) if (r.n !== null) expect(r.n, JSON.stringify(r.t)).toBe(r.r);
      }),
      { numRuns: 40 },
    );
  });

  it("with its fallback, equals the TS parser everywhere", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const rows = await compare(values, angkaInfoSql("t", opt), `angka_info(t, ${sqlString(opt)})`);
        for (const r of rows) expect(r.n, JSON.stringify(r.t)).toBe(r.r);
      }),
      { numRuns: 10 },
    );
  });
});

describe("kuantitas_info natively", () => {
  it("equals the TS parser wherever it answers", async () => {
    const arb = fc.array(fc.tuple(fc.oneof(printed("."), noise), unit).map(([n, u]) => n + u), { minLength: 100, maxLength: 100 });
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const rows = await compare(values, kuantitasInfoNativeSql("t", "."), `kuantitas_info(t, '.')`);
        for (const r of rows) if (r.n !== null) expect(r.n, JSON.stringify(r.t)).toBe(r.r);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the common shapes stay native", () => {
  it.each([
    ["1.234.567,00", "number\u001f1234567\u001f2\u001f\u001f"],
    ["(500.000.000,00)", "number\u001f-500000000\u001f2\u001f\u001f"],
    ["Rp. (145.172.002)", "number\u001f-145172002\u001f0\u001f\u001f"],
    ["Rp. 46.037.315.335,-", "number\u001f46037315335\u001f0\u001f\u001f"],
    ["99,19%", "number\u001f99.19\u001f2\u001f\u001f"],
    ["-", "dash\u001f\u001f\u001f\u001f"],
    ["###", "broken\u001f\u001f\u001f\u001f"],
  ])("%s", async (text, info) => {
    expect(await db.value(`SELECT ${angkaInfoNativeSql(sqlString(text), ".")}`)).toBe(info);
  });

  it("3 Dokumen", async () => {
    expect(await db.value(`SELECT ${kuantitasInfoNativeSql("'3 Dokumen'", ".")}`)).toBe("number\u001f3\u001f0\u001f\u001fDokumen");
  });

  it("Rp. 3,766,379,19 on a comma-grouped sheet", async () => {
    expect(await db.value(`SELECT ${angkaInfoNativeSql("'Rp. 3,766,379,19'", ",")}`)).toBe("number\u001f3766379.19\u001f2\u001f\u001f");
  });
});
