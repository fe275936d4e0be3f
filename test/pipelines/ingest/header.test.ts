/** Header matching: a column whose printed header carries a year of the document is found by pattern. */
import { describe, expect, it } from "vitest";
import type { GridRow } from "../../../pipelines/ingest/grid.js";
import { locateHeader } from "../../../pipelines/ingest/header.js";
import { perbandinganRealisasi, realisasiVsRenstra } from "../../../pipelines/ingest/lkjip/layout.js";

const grid = (header: string[]): GridRow[] => [{ row: 1, cells: header }, { row: 2, cells: ["IKU A", "500", "320", "64"] }];

describe("locateHeader with year patterns", () => {
  it("finds Tabel 3.19's columns whatever year the report prints", () => {
    for (const [akhir, sampai] of [["2026", "2024"], ["2029", "2027"]]) {
      const r = locateHeader(
        grid([
          "Indikator Kinerja",
          `Target Sasaran Akhir Renstra (${akhir})`,
          `Realisasi Target Sasaran Renstra Sampai Tahun ${sampai}`,
          `Persentase Realisasi Target Sasaran Renstra Sampai Tahun ${sampai}`,
        ]),
        realisasiVsRenstra,
      );
      expect(r.ok && r.match.positions).toEqual({ indikator: 0, target_renstra: 1, realisasi_kumulatif: 2, capaian_kumulatif: 3 });
    }
  });

  it("names the missing column with <tahun> for the year", () => {
    const r = locateHeader(grid(["Indikator Kinerja", "Target Sasaran Akhir Renstra", "Realisasi", "Persentase"]), realisasiVsRenstra);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('"realisasi target sasaran renstra sampai tahun <tahun>"');
  });

  it("keys Tabel 3.18's year columns by the years the header prints (a 2025 report: 2024 and 2025)", () => {
    const r = locateHeader(
      grid([
        "Sasaran Strategis", "Indikator Kinerja", "SATUAN",
        "Tahun 2024 / Target Kinerja", "Tahun 2024 / Realisasi Kinerja", "Tahun 2024 / Persentase Realisasi Kinerja",
        "Tahun 2025 / Target Kinerja", "Tahun 2025 / Realisasi Kinerja", "Tahun 2025 / Persentase Realisasi Kinerja", "Ket.",
      ]),
      perbandinganRealisasi,
    );
    expect(r.ok).toBe(true);
    const found = Object.entries(r.ok ? r.match.positions : {}).filter(([, at]) => at !== null);
    expect(Object.fromEntries(found)).toEqual({
      sasaran: 0, indikator: 1, satuan: 2,
      target_2024: 3, realisasi_2024: 4, capaian_2024: 5, target_2025: 6, realisasi_2025: 7, capaian_2025: 8, keterangan: 9,
    });
  });
});
