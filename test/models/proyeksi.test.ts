/**
 * OLS projection and required annual change (models/indicators/proyeksi.ts), on points small enough to
 * check by hand, and the SQL functions the trajectory mart calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dec } from "../../models/indicators/exact.js";
import { parseTitik, perubahanPerTahun, regresiLinear } from "../../models/indicators/proyeksi.js";
import { registerIndicatorFunctions } from "../../models/indicators/register.js";
import { Db } from "../../pipelines/lib/duckdb.js";

const titik = (...p: [number | string, number | string][]) => p.map(([x, y]) => ({ x: dec(x), y: dec(y) }));

describe("regresiLinear", () => {
  it("two points: the line through them, exactly", () => {
    // (2023, 22,90) and (2024, 16,35): slope -6,55 per year; at 2026: 16,35 - 2 x 6,55 = 3,25.
    const r = regresiLinear(titik([2023, "22.90"], [2024, "16.35"]))!;
    expect(r.n).toBe(2);
    expect(r.kemiringan.toFixed()).toBe("-6.55");
    expect(r.proyeksi(dec(2026)).toFixed()).toBe("3.25");
    expect(r.proyeksi(dec(2023)).toFixed()).toBe("22.9");
    // Intercept at x = 0: 22,90 + 2023 x 6,55 = 13273,55.
    expect(r.intersep.toFixed()).toBe("13273.55");
  });

  it("three points (Tabel 3.5 SAKIP 2022-2024): slope = (70,92 - 79,29) / 2, projection to 2026", () => {
    // x̄ = 2023, ȳ = 232,01 / 3; Σ(x-x̄)(y-ȳ) = -8,37, Σ(x-x̄)² = 2 -> slope -4,185.
    // 2026: 232,01/3 + 3 x (-4,185) = 77,336666... - 12,555 = 64,781666...
    const r = regresiLinear(titik([2022, "79.29"], [2023, "81.80"], [2024, "70.92"]))!;
    expect(r.n).toBe(3);
    expect(r.kemiringan.toFixed()).toBe("-4.185");
    expect(r.proyeksi(dec(2026)).toDecimalPlaces(10).toFixed()).toBe("64.7816666667");
    // Exact as a fraction: 3 x projection = 194,345.
    expect(r.proyeksi(dec(2026)).times(3).toDecimalPlaces(30).toFixed()).toBe("194.345");
  });

  it("is exact where floats are not (0,1 + 0,2 steps)", () => {
    const r = regresiLinear(titik([1, "0.1"], [2, "0.3"], [3, "0.5"]))!;
    expect(r.kemiringan.toFixed()).toBe("0.2");
    expect(r.proyeksi(dec(4)).toFixed()).toBe("0.7");
  });

  it("fits the least-squares line through scattered points (hand-checked)", () => {
    // x 1..4, y 4,14 4,05 4,05 4,40 (TPT 2022-2025): x̄ = 2,5, ȳ = 4,16, Σ(x-x̄)(y-ȳ) = 0,39, Σ(x-x̄)² = 5,
    // slope 0,078; at x = 5: 4,16 + 2,5 x 0,078 = 4,355.
    const r = regresiLinear(titik([1, "4.14"], [2, "4.05"], [3, "4.05"], [4, "4.40"]))!;
    expect(r.kemiringan.toFixed()).toBe("0.078");
    expect(r.proyeksi(dec(5)).toFixed()).toBe("4.355");
  });

  it("gives no line from a single point, from no points, or from points of one year", () => {
    expect(regresiLinear(titik([2024, "70.92"]))).toBeNull();
    expect(regresiLinear([])).toBeNull();
    expect(regresiLinear(titik([2024, "4.05"], [2024, "4.11"]))).toBeNull();
  });
});

describe("parseTitik", () => {
  it("reads the 'tahun:nilai;...' text the SQL side aggregates", () => {
    expect(parseTitik("2022:79.2900000000;2023:81.8").map((p) => [p.x.toFixed(), p.y.toFixed()])).toEqual([
      ["2022", "79.29"],
      ["2023", "81.8"],
    ]);
    expect(parseTitik("")).toEqual([]);
  });

  it("rejects malformed points instead of skipping them", () => {
    expect(() => parseTitik("2022:79,29")).toThrow(/tidak terbaca/);
  });
});

describe("perubahanPerTahun", () => {
  it("is the gap to the target spread over the years left, signed", () => {
    expect(perubahanPerTahun(dec("70.92"), dec("75"), dec(2))!.toFixed()).toBe("2.04");
    // A lower-is-better target below the latest value: the rate must fall 0,2 a year.
    expect(perubahanPerTahun(dec("4.4"), dec("4"), dec(2))!.toFixed()).toBe("-0.2");
  });

  it("gives nothing once the deadline has passed", () => {
    expect(perubahanPerTahun(dec(1), dec(2), dec(0))).toBeNull();
    expect(perubahanPerTahun(dec(1), dec(2), dec(-1))).toBeNull();
  });
});

describe("SQL functions", () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open(":memory:");
    registerIndicatorFunctions(db);
  });
  afterAll(() => db?.close());

  it("proyeksi_ols / kemiringan_ols over string_agg'd points, NULL from one point", async () => {
    const rows = await db.all(`
      WITH t(k, tahun, nilai) AS (VALUES ('a', 2022, 79.29), ('a', 2023, 81.80), ('a', 2024, 70.92), ('b', 2024, 70.92))
      SELECT k, proyeksi_ols(string_agg(tahun || ':' || nilai, ';' ORDER BY tahun), '2026') AS p,
             kemiringan_ols(string_agg(tahun || ':' || nilai, ';' ORDER BY tahun)) AS b
      FROM t GROUP BY k ORDER BY k`);
    expect(rows).toEqual([
      { k: "a", p: "64.7816666667", b: "-4.1850000000" },
      { k: "b", p: null, b: null },
    ]);
  });

  it("perubahan_per_tahun", async () => {
    expect(await db.value(`SELECT perubahan_per_tahun('70.92', '75', '2')`)).toBe("2.0400000000");
    expect(await db.value(`SELECT perubahan_per_tahun('70.92', NULL, '2')`)).toBeNull();
  });
});
