/**
 * Another Renstra period, other program codes: a small synthetic office (6409, 2025;
 * test/fixtures/renstra_lain) whose Renstra matrix prints Target 2025 .. Target 2029 and whose budget
 * realisation table lists programs the bundled report does not have (2.07.05, 2.07.06, and 2.07.03
 * misspelt "Produktifitas"). Its marts come out right with no change to code, SQL or configuration:
 * the period is read off the matrix's year columns, program codes off the national nomenclature
 * (config.nomenklatur_program) and spelling variants (config.sinonim_kata).
 * Only load + the models these marts need run (no checks, exports or pages).
 */
import { copyFile, cp, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { MODELS_DIR, runModels } from "../../pipelines/models/run.js";
import { loadRaw, SOURCES } from "../helpers/warehouse.js";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/renstra_lain");
let db: Db;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "renstra-lain-"));
  await cp(FIXTURE, dir, { recursive: true });
  // The IKU manual and the region list are the same for any office.
  await copyFile(join(SOURCES, "plans/manual_iku.csv"), join(dir, "plans/manual_iku.csv"));
  await mkdir(join(dir, "bps"), { recursive: true });
  await copyFile(join(SOURCES, "bps/wilayah_kaltim.csv"), join(dir, "bps/wilayah_kaltim.csv"));
  db = await loadRaw(undefined, dir);
  await runModels(db, () => {}, MODELS_DIR, {
    select: ["marts.renstra_indikator", "marts.renstra_lintasan", "marts.anggaran_realisasi_program", "intermediate.int_kaskade_program"],
  });
});
afterAll(() => db?.close());

describe("a region with a Renstra 2025-2029 and other program codes", () => {
  it("takes the Renstra period from the matrix's year columns", async () => {
    expect(
      await db.all(`SELECT kunci_indikator, tahun_awal_renstra, tahun_akhir_renstra, target_akhir_renstra_teks
                    FROM intermediate.int_renstra_iku WHERE kunci_indikator IN ('pct_pencaker_ditempatkan', 'tpt') ORDER BY 1`),
    ).toEqual([
      { kunci_indikator: "pct_pencaker_ditempatkan", tahun_awal_renstra: 2025, tahun_akhir_renstra: 2029, target_akhir_renstra_teks: "120,00" },
      { kunci_indikator: "tpt", tahun_awal_renstra: 2025, tahun_akhir_renstra: 2029, target_akhir_renstra_teks: "5,20" },
    ]);
  });

  it("gives every year of the period its printed target, an empty one NULL with a note", async () => {
    const rows = await db.all(`SELECT tahun, target::VARCHAR AS target, catatan_target, realisasi::VARCHAR AS realisasi, capaian::VARCHAR AS capaian
      FROM marts.renstra_indikator WHERE kode_wilayah = '6409' AND kunci_indikator = 'pct_pencaker_ditempatkan' AND terpilih ORDER BY tahun`);
    expect(rows).toEqual([
      // 25 placed / 80 registered (AK-I) = 31,25 % against 20,00: 156,25 %.
      { tahun: 2025, target: "20.000000", catatan_target: null, realisasi: "31.2500000000", capaian: "156.2500000000" },
      { tahun: 2026, target: "22.000000", catatan_target: null, realisasi: null, capaian: null },
      {
        tahun: 2027,
        target: null,
        catatan_target: "Renstra tidak mencantumkan target 2027 untuk indikator ini (dibiarkan kosong, tidak diisi).",
        realisasi: null,
        capaian: null,
      },
      { tahun: 2028, target: "26.000000", catatan_target: null, realisasi: null, capaian: null },
      { tahun: 2029, target: "28.000000", catatan_target: null, realisasi: null, capaian: null },
    ]);
    const years = await db.all(`SELECT DISTINCT tahun FROM marts.renstra_indikator WHERE kode_wilayah = '6409' AND kunci_indikator = 'tpt' ORDER BY 1`);
    expect(years.map((r) => r.tahun)).toEqual([2025, 2026, 2027, 2028, 2029]);
  });

  it("measures the trajectory against the period's own last year", async () => {
    const [r] = await db.all(`SELECT tahun_awal_renstra, tahun_akhir_renstra, target_akhir::VARCHAR AS target_akhir, tahun_tersisa,
        capaian_metode_laporan_tampil::VARCHAR AS laporan, capaian_titik_akhir_tampil::VARCHAR AS titik_akhir, status
      FROM marts.renstra_lintasan WHERE kode_wilayah = '6409' AND kunci_indikator = 'pct_pencaker_ditempatkan'`);
    // 31,25 / 120 (Target Akhir Renstra, cumulative) = 26,04 %; 31,25 / 28,00 (the 2029 target) = 111,61 %.
    expect(r).toEqual({
      tahun_awal_renstra: 2025,
      tahun_akhir_renstra: 2029,
      target_akhir: "28.000000",
      tahun_tersisa: 4,
      laporan: "26.04",
      titik_akhir: "111.61",
      status: "on track",
    });
  });

  it("codes programs the bundled report does not have, and a misspelt name, from the nomenclature", async () => {
    const rows = await db.all(`SELECT urutan::INTEGER AS urutan, kode_program, program, pagu::VARCHAR AS pagu, realisasi::VARCHAR AS realisasi,
        sisa::VARCHAR AS sisa, persentase_realisasi_tampil::VARCHAR AS persen
      FROM marts.anggaran_realisasi_program WHERE kode_wilayah = '6409' AND tahun = 2025 ORDER BY urutan`);
    expect(rows).toEqual([
      { urutan: 1, kode_program: "2.07.05", program: "Program Hubungan Industrial", pagu: "1000000000.000000", realisasi: "900000000.000000", sisa: "100000000.000000", persen: "90.00" },
      { urutan: 2, kode_program: "2.07.06", program: "Program Pengawasan Ketenagakerjaan", pagu: "500000000.000000", realisasi: "450000000.000000", sisa: "50000000.000000", persen: "90.00" },
      {
        urutan: 3,
        kode_program: "2.07.03",
        program: "Program Pelatihan Kerja dan Produktifitas Tenaga Kerja",
        pagu: "2000000000.000000",
        realisasi: "1500000000.000000",
        sisa: "500000000.000000",
        persen: "75.00",
      },
      // 2.850.000.000 / 3.500.000.000 = 81,428571 %.
      { urutan: 4, kode_program: null, program: null, pagu: "3500000000.000000", realisasi: "2850000000.000000", sisa: "650000000.000000", persen: "81.43" },
    ]);
  });

  it("names the realisation table by the catalogue's rujukan and maps programs to IKU by indicator", async () => {
    expect(
      await db.all(`SELECT kode_program, kode_iku, tabel FROM intermediate.int_kaskade_program WHERE kode_wilayah = '6409' ORDER BY 1`),
    ).toEqual([
      { kode_program: "2.07.03", kode_iku: "pct_pencaker_ditempatkan", tabel: "Tabel 3.20" },
      { kode_program: "2.07.05", kode_iku: "pct_kasus_hi_difasilitasi", tabel: "Tabel 3.20" },
      { kode_program: "2.07.06", kode_iku: "pct_kasus_hi_difasilitasi", tabel: "Tabel 3.20" },
    ]);
  });
});
