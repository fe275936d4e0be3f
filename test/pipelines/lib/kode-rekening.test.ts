import { describe, expect, it } from "vitest";
import { parentKode, parseKodeRekening } from "../../../pipelines/lib/kode-rekening.js";

describe("parseKodeRekening", () => {
  it("splits a sub-kegiatan code into its levels", () => {
    expect(parseKodeRekening("2.07.01.2.01.0001")).toEqual({
      teks: "2.07.01.2.01.0001",
      kode: "2.07.01.2.01.0001",
      tingkat: "sub_kegiatan",
      urusan: "2",
      bidang_urusan: "2.07",
      program: "2.07.01",
      kegiatan: "2.07.01.2.01",
      sub_kegiatan: "2.07.01.2.01.0001",
      masalah: null,
    });
  });

  it.each([
    ["2", "urusan"],
    ["2.07", "bidang_urusan"],
    ["3.32.02", "program"],
    ["3.32.02.2.01", "kegiatan"],
  ])("%s is a %s", (code, level) => {
    expect(parseKodeRekening(code)).toMatchObject({ tingkat: level, masalah: null });
  });

  it.each([
    ["2.0701.2.05.0004", /segmen ke-2/],
    ["2.07.02.2.01.02", /segmen ke-6 '02' harus 4 digit/],
    ["2,07", /koma/],
    ["", /kosong/],
    ["2.07.01.2", /jumlah segmen 4/],
    ["I", /karakter/],
  ])("flags malformed %s without guessing", (code, reason) => {
    const k = parseKodeRekening(code);
    expect(k.kode).toBeNull();
    expect(k.tingkat).toBeNull();
    expect(k.masalah).toMatch(reason);
  });

  it("finds the parent one level up", () => {
    expect(parentKode("2.07.01.2.01.0001")).toBe("2.07.01.2.01");
    expect(parentKode("2.07.01.2.01")).toBe("2.07.01");
    expect(parentKode("2.07.01")).toBe("2.07");
    expect(parentKode("2")).toBeNull();
  });
});
