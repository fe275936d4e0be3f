/** The regenerated report tables and the published-vs-recomputed classes, checked against the seed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

let db: Db;
beforeAll(async () => {
  db = await openSharedWarehouse();
});
afterAll(() => db?.close());

describe("Tabel 3.2 regenerated", () => {
  it("has the 48 Perjanjian Kinerja rows in PK order with the signed targets", async () => {
    const rows = await db.all<{ urutan: number; target_teks: string }>(
      `SELECT urutan, target_teks FROM marts.tabel_3_2 WHERE kode_wilayah = '6403' AND tahun = 2024 ORDER BY urutan`,
    );
    expect(rows).toHaveLength(48);
    expect(rows.map((r) => r.target_teks).slice(0, 5)).toEqual(["71,50", "20,50", "10,37", "100", "4"]);
  });

  it("computes capaian exactly under the declared direction (SAKIP 99,19; stunting 95,43)", async () => {
    const rows = await db.all(
      `SELECT indikator, capaian_tampil::VARCHAR AS c, kriteria FROM marts.tabel_3_2
       WHERE urutan IN (1, 32) AND kode_wilayah = '6403' ORDER BY urutan`,
    );
    expect(rows).toEqual([
      { indikator: "Predikat Akuntabilitas Kinerja Dinas Transmigrasi dan Tenaga Kerja", c: "99.19", kriteria: "Sangat Tinggi" },
      { indikator: "Prevalensi Stunting sesuai dengan target Nasional", c: "95.43", kriteria: "Sangat Tinggi" },
    ]);
  });

  it("recomputes the placement IKU from the AK-I recap (630 / 3.528) instead of the report's 1.963 / 10.408", async () => {
    const [row] = await db.all(
      `SELECT round(realisasi, 2)::VARCHAR AS r, sumber_realisasi FROM marts.tabel_3_2 WHERE urutan = 3 AND kode_wilayah = '6403'`,
    );
    expect(row).toEqual({ r: "17.86", sumber_realisasi: "dihitung dari sumber (ak1_penempatan_per_terdaftar)" });
  });
});

describe("Tabel 3.16: definitions side by side", () => {
  it("shows the report's definition as not recomputable and the alternatives with their figures", async () => {
    const rows = await db.all(
      `SELECT definisi, angka_perhitungan, hasil_tampil::VARCHAR AS hasil FROM marts.tabel_3_16
       WHERE kode_iku = 'pct_pencaker_ditempatkan' AND kode_wilayah = '6403' ORDER BY urutan`,
    );
    expect(rows).toEqual([
      { definisi: "publikasi", angka_perhitungan: "(? / 10.408 x 100)", hasil: null },
      { definisi: "ak1_penempatan_per_terdaftar", angka_perhitungan: "(630 / 3.528 x 100)", hasil: "17.86" },
      { definisi: "ak1_penempatan_per_sisa_akhir", angka_perhitungan: "(630 / 10.408 x 100)", hasil: "6.05" },
      { definisi: "ak1_penempatan_per_tersedia", angka_perhitungan: "(630 / 13.220 x 100)", hasil: "4.77" },
    ]);
  });
});

describe("Tabel 3.18: year over year", () => {
  it("puts 2023 next to 2024 for the SAKIP indicator", async () => {
    const [row] = await db.all(
      `SELECT target_lalu::VARCHAR AS tl, realisasi_lalu::VARCHAR AS rl, capaian_lalu_tampil::VARCHAR AS cl, capaian_tampil::VARCHAR AS c
       FROM marts.tabel_3_18 WHERE kode_iku = 'nilai_sakip_pd' AND tahun = 2024 AND kode_wilayah = '6403'`,
    );
    expect(row).toEqual({ tl: "71.300000", rl: "81.8000000000", cl: "114.73", c: "99.19" });
  });
});

describe("published vs recomputed", () => {
  const kelas = async (tabel: string, urutan: number, ukuran: string) =>
    (
      await db.all<{ kelas: string; alasan: string | null }>(
        `SELECT kelas, alasan FROM marts.published_vs_recomputed WHERE tabel = '${tabel}' AND urutan = ${urutan} AND ukuran = '${ukuran}' AND tahun = 2024`,
      )
    )[0];

  it("gives every published figure a class", async () => {
    const unclassified = await db.value<string>(`SELECT count(*)::VARCHAR FROM marts.published_vs_recomputed WHERE kelas IS NULL`);
    expect(unclassified).toBe("0");
    const total = await db.value<string>(`SELECT count(*)::VARCHAR FROM marts.published_vs_recomputed`);
    expect(total).toBe(await db.value<string>(`SELECT count(*)::VARCHAR FROM intermediate.int_lkjip_klaim`));
  });

  it("classes the report's truncation 99,18 (exact 99,189) as rounding", async () => {
    expect(await kelas("3.2", 1, "capaian")).toMatchObject({ kelas: "rounding" });
  });

  it("classes TPT's 92% (a negative indicator scored as positive) as differs", async () => {
    expect(await kelas("IKU RPJMD", 1, "capaian")).toMatchObject({ kelas: "differs" });
  });

  it("classes the target 90 printed for PK no. 45 (signed at 100) as differs", async () => {
    expect(await kelas("3.2", 46, "target")).toMatchObject({ kelas: "differs" });
  });

  it("explains why a SAKIP realisasi cannot be recomputed", async () => {
    const k = await kelas("3.2", 1, "realisasi");
    expect(k?.kelas).toBe("not_recomputable");
    expect(k?.alasan).toMatch(/tidak ada sumber data mentah/);
  });

  it("classes TKK 95,95 as rounding of 356.298 / 371.349", async () => {
    expect(await kelas("3.7", 1, "realisasi")).toMatchObject({ kelas: "rounding" });
  });
});

describe("Tabel 3.17 and 3.21", () => {
  it("lists the four Dinas IKU with the signed targets (20,50; 10,37; 100; 4)", async () => {
    const rows = await db.all(
      `SELECT kode_iku, target::VARCHAR AS t FROM marts.tabel_3_17 WHERE tahun = 2024 AND kode_wilayah = '6403' ORDER BY urutan`,
    );
    expect(rows).toEqual([
      { kode_iku: "pct_tk_bersertifikat", t: "20.500000" },
      { kode_iku: "pct_pencaker_ditempatkan", t: "10.370000" },
      { kode_iku: "pct_kasus_hi_difasilitasi", t: "100.000000" },
      { kode_iku: "jml_kawasan_transmigrasi", t: "4.000000" },
    ]);
  });

  it("pairs each IKU with its program by code and rates the 2023 kawasan (3 of 4) as not yet successful", async () => {
    const rows = await db.all(
      `SELECT tahun, kode_program, capaian_tampil::VARCHAR AS c, analisis FROM marts.tabel_3_21
       WHERE kode_iku = 'jml_kawasan_transmigrasi' AND kode_wilayah = '6403' ORDER BY tahun`,
    );
    expect(rows).toEqual([
      { tahun: 2023, kode_program: "3.32.02", c: "75.00", analisis: "Belum Berhasil" },
      { tahun: 2024, kode_program: "3.32.02", c: "100.00", analisis: "Berhasil" },
    ]);
  });
});
