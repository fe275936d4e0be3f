import { describe, expect, it } from "vitest";
import { formatAngka, formatBilangan, formatPersen, formatRupiah } from "../../../pipelines/lib/format.js";

describe("formatRupiah", () => {
  it.each([
    ["15094099333", "15.094.099.333"],
    ["15094099333.000000", "15.094.099.333"],
    ["3536506.28", "3.536.506,28"],
    ["3536506.280000", "3.536.506,28"],
    ["3536506.2", "3.536.506,20"],
    ["-145172002", "-145.172.002"],
    ["-145172002.000000", "-145.172.002"],
    ["1234567890123456.78", "1.234.567.890.123.456,78"],
    ["1234567890123456.780000", "1.234.567.890.123.456,78"],
    ["999.995", "1.000"],
    ["0.004", "0"],
    ["-0.004", "0"],
    ["0", "0"],
    ["100", "100"],
    ["1000", "1.000"],
  ])("%s -> %s", (input, expected) => {
    expect(formatRupiah(input)).toBe(expected);
  });
});

describe("formatPersen", () => {
  it.each([
    ["99.1888", "99,19"],
    ["99.185", "99,19"],
    ["99.184999", "99,18"],
    ["72.059", "72,06"],
    ["100", "100,00"],
    ["0", "0,00"],
    ["-3.5", "-3,50"],
    ["1234.5", "1.234,50"],
  ])("%s -> %s", (input, expected) => {
    expect(formatPersen(input)).toBe(expected);
  });
});

describe("formatAngka", () => {
  it.each([
    ["1234.500000", "1.234,5"],
    ["12.000000", "12"],
    ["0.000100", "0,0001"],
    ["-1234567.125", "-1.234.567,125"],
    ["1234567890123456.78", "1.234.567.890.123.456,78"],
    ["1e+20", "100.000.000.000.000.000.000"],
  ])("%s -> %s", (input, expected) => {
    expect(formatAngka(input)).toBe(expected);
  });
});

describe("formatBilangan", () => {
  it.each([
    ["12345", "12.345"],
    ["12345.000000", "12.345"],
    ["-1000", "-1.000"],
    ["0", "0"],
    ["999", "999"],
  ])("%s -> %s", (input, expected) => {
    expect(formatBilangan(input)).toBe(expected);
  });

  it("refuses a fraction instead of rounding it away", () => {
    expect(() => formatBilangan("12.5")).toThrow(/bukan bilangan bulat/);
  });
});

describe("input", () => {
  it.each(["", "abc", "NaN", "Infinity", "0x1F", "1.234,5"])("rejects %j", (input) => {
    for (const f of [formatRupiah, formatPersen, formatAngka, formatBilangan]) expect(() => f(input)).toThrow(/bukan angka/);
  });
});
