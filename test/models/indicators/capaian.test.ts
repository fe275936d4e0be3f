import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capaian, capaianRentang, parseRentang, persen } from "../../../models/indicators/capaian.js";
import { dec } from "../../../models/indicators/exact.js";
import { kriteria, loadSkala } from "../../../models/indicators/kriteria.js";
import { kelasPublikasi, tampilkan } from "../../../models/indicators/pembulatan.js";

const shown = (r: ReturnType<typeof capaian>) => (r.ok ? tampilkan(r.nilai).toFixed(2) : r.alasan);

describe("capaian (the report's own examples)", () => {
  it("SAKIP 70,92 against 71,50 is 99,19 (the report truncates to 99,18)", () => {
    expect(shown(capaian(dec("70.92"), dec("71.50"), "positif"))).toBe("99.19");
  });
  it("TPT 4,05 against 4,40 as a negative indicator is 107,95 (the report prints 92)", () => {
    expect(shown(capaian(dec("4.05"), dec("4.40"), "negatif"))).toBe("107.95");
  });
  it("stunting 14,64 against 14 as a negative indicator is 95,43 (the report prints 100)", () => {
    expect(shown(capaian(dec("14.64"), dec("14"), "negatif"))).toBe("95.43");
  });
  it("refuses a zero target instead of dividing by it", () => {
    expect(capaian(dec(5), dec(0), "positif")).toEqual({ ok: false, alasan: "target nol: capaian tidak terdefinisi" });
  });
  it("is exact: 1/3 of target is 33,333... not a float", () => {
    const c = capaian(dec(1), dec(3), "positif");
    expect(c.ok && c.nilai.toFixed(20)).toBe("33.33333333333333333333");
  });
});

describe("capaian moves in the declared direction (property)", () => {
  const positive = fc.integer({ min: 1, max: 10_000_000 }).map((n) => dec(n).div(100));
  it("a higher realisasi never lowers a positive indicator's capaian, and never raises a negative one's", () => {
    fc.assert(
      fc.property(positive, positive, positive, (target, a, b) => {
        const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
        const pLo = capaian(lo, target, "positif");
        const pHi = capaian(hi, target, "positif");
        const nLo = capaian(lo, target, "negatif");
        const nHi = capaian(hi, target, "negatif");
        return pLo.ok && pHi.ok && nLo.ok && nHi.ok && pHi.nilai.gte(pLo.nilai) && nHi.nilai.lte(nLo.nilai);
      }),
    );
  });
  it("both polarities give exactly 100 when realisasi equals target", () => {
    fc.assert(
      fc.property(positive, (t) => {
        const p = capaian(t, t, "positif");
        const n = capaian(t, t, "negatif");
        return p.ok && n.ok && p.nilai.equals(100) && n.nilai.equals(100);
      }),
    );
  });
});

describe("range targets", () => {
  const r = parseRentang("Angka inflasi maksimal 1,5% - 3,5%")!;
  it("reads the printed range", () => {
    expect([r.bawah.toFixed(), r.atas.toFixed()]).toEqual(["1.5", "3.5"]);
  });
  it.each([
    ["2.8", "100.00"],
    ["1.5", "100.00"],
    ["3.5", "100.00"],
    ["4.2", "80.00"],
    ["1.2", "80.00"],
  ])("inflation %s -> %s", (v, expected) => {
    expect(shown(capaianRentang(dec(v), r.bawah, r.atas))).toBe(expected);
  });
});

describe("Permendagri 86/2017 scale", () => {
  it.each([
    ["100", "Sangat Tinggi"],
    ["181.87", "Sangat Tinggi"],
    ["91", "Sangat Tinggi"],
    ["90.5", "Tinggi"],
    ["76", "Tinggi"],
    ["75.5", "Sedang"],
    ["65.9", "Rendah"],
    ["50.5", "Sangat Rendah"],
    ["0", "Sangat Rendah"],
  ])("%s is %s (gaps fall to the lower band)", (c, band) => {
    expect(kriteria(dec(c)).kriteria).toBe(band);
  });
  it("has five bands from the configuration file", () => {
    expect(loadSkala().map((b) => b.kriteria)).toEqual(["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]);
  });
});

describe("display policy and published-figure classes", () => {
  it("keeps capping off unless asked", () => {
    expect(tampilkan(dec("181.87")).toFixed(2)).toBe("181.87");
    expect(tampilkan(dec("181.87"), "bulat_2", true).toFixed(2)).toBe("100.00");
    expect(tampilkan(dec("99.189"), "potong_2").toFixed(2)).toBe("99.18");
  });
  it.each([
    ["99.18", 2, "99.1888", "rounding"],
    ["99.19", 2, "99.1888", "rounding"],
    ["72.06", 2, "72.0591", "rounding"],
    ["72.05", 2, "72.0591", "rounding"],
    ["111", 0, "111.0731", "rounding"],
    ["100", 0, "181.87", "rounding"],
    ["92", 0, "107.95", "differs"],
    ["66.41", 2, "78.36", "differs"],
    ["100", 0, "100", "equal"],
  ])("published %s (%d decimals) vs exact %s is %s", (pub, places, exact, cls) => {
    expect(kelasPublikasi(dec(pub), places, dec(exact))).toBe(cls);
  });
  it("ratio in percent is exact", () => {
    expect(persen(dec(630), dec(3528))!.toFixed(4)).toBe("17.8571");
    expect(persen(dec(1), dec(0))).toBeNull();
  });
});
