import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAngka, parseKuantitas, type AngkaOptions } from "../../../pipelines/lib/angka.js";

type Case = [text: string, expected: string | "empty" | "dash" | "broken" | "invalid", options?: AngkaOptions];

// Every format the office's sheets print, and the ways they go wrong.
const CASES: Case[] = [
  ["15.094.099.333,00", "15094099333"],
  ["Rp. 46.037.315.335,-", "46037315335"],
  ["(Rp. 989.390.100)", "-989390100"],
  ["Rp. (145.172.002)", "-145172002"],
  ["(500.000.000,00)", "-500000000"],
  ["-1.234", "-1234"],
  ["Rp. -", "dash"],
  ["-", "dash"],
  ["", "empty"],
  ["   ", "empty"],
  ["7,3T", "7300000000000"],
  ["14,8T", "14800000000000"],
  ["73T", "73000000000000"],
  ["99,18%", "99.18"],
  ["111%", "111"],
  ["93,6%", "93.6"],
  ["08", "8"],
  ["1,495", "1495", { thousands: "," }],
  ["Rp. 3,766,379,19", "3766379.19", { thousands: "," }],
  ["Rp. 3.536.506,28", "3536506.28"],
  ["1.495", "1495"],
  ["81,4", "81.4"],
  ["0,5", "0.5"],
  ["4.05", "4.05", { style: "machine" }],
  ["3179673.00", "3179673", { style: "machine" }],
  ["###", "broken"],
  ["##", "broken"],
  ["1.2.3,4,5", "invalid"],
  ["12,3,4", "invalid"],
  ["Rp", "invalid"],
  ["Rp.", "invalid"],
  ["12.34", "invalid"],
  ["1.2345", "invalid"],
  ["1,", "invalid"],
  [",5", "invalid"],
  ["12a", "invalid"],
  ["Zona Hijau", "invalid"],
  ["1.234.56", "invalid"],
  ["1,495.5", "invalid", { thousands: "," }],
  ["4,05", "invalid", { style: "machine" }],
];

describe("parseAngka", () => {
  it.each(CASES)("%s -> %s", (text, expected, options) => {
    const a = parseAngka(text, options);
    if (a.kind === "number") expect(a.value.toFixed()).toBe(expected);
    else expect(a.kind).toBe(expected);
  });

  it("keeps the printed decimals and the percent sign (needed to tell rounding from error)", () => {
    const a = parseAngka("99,18%");
    expect(a).toMatchObject({ kind: "number", decimals: 2, percent: true });
    expect(parseAngka("111")).toMatchObject({ decimals: 0, percent: false });
    expect(parseAngka("7,3T")).toMatchObject({ scale: "T", decimals: 1 });
  });

  it("explains why a figure is unreadable", () => {
    const a = parseAngka("1.2.3,4,5");
    expect(a.kind === "invalid" && a.reason).toMatch(/desimal/);
    const b = parseAngka("12.34");
    expect(b.kind === "invalid" && b.reason).toMatch(/ribuan/);
  });

  it("is exact for rupiah beyond float precision", () => {
    const a = parseAngka("1.234.567.890.123.456,78");
    expect(a.kind === "number" && a.value.toFixed()).toBe("1234567890123456.78");
  });

  it("reads back any amount it formats the Indonesian way (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 0, max: 99 }), (whole, sen) => {
        const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const text = `Rp. ${grouped},${String(sen).padStart(2, "0")}`;
        const a = parseAngka(text);
        return a.kind === "number" && a.value.toFixed(2) === `${whole}.${String(sen).padStart(2, "0")}`;
      }),
    );
  });
});

describe("parseKuantitas", () => {
  it.each([
    ["3 Dokumen", "3", "Dokumen"],
    ["69 Orang/Bulan", "69", "Orang/Bulan"],
    ["15 satuan permukiman", "15", "satuan permukiman"],
    ["70 Orang", "70", "Orang"],
  ])("%s", (text, value, unit) => {
    const k = parseKuantitas(text);
    expect(k.angka.kind === "number" && k.angka.value.toFixed()).toBe(value);
    expect(k.satuan).toBe(unit);
  });

  it("flags an overflowed cell but keeps its unit", () => {
    expect(parseKuantitas("### Orang")).toEqual({ angka: { kind: "broken" }, satuan: "Orang" });
  });
});
