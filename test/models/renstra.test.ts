/**
 * Renstra trajectories and the performance cascade.
 *
 * 1. On the bundled sources (the LKjIP 2024): every vintage kept, the default choice, Tabel 3.19
 *    reproduced by the report's method (SAKIP 79,29 + 81,80 + 70,92 = 232,01; 232,01 / 366,4 = 63,32%),
 *    NULL targets with a catatan, and the cascade from RPJMD to budget lines (Program Perencanaan
 *    Tenaga Kerja mapped to two sasaran by different tables).
 * 2. With analysts' resolutions added to sources/resolutions.csv: the chosen vintage follows them.
 * 3. marts.renstra_lintasan on small hand-checked fixtures: the two methods disagreeing, the projection,
 *    the required annual change and the status rule at its boundaries.
 */
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db, type Row } from "../../pipelines/lib/duckdb.js";
import { discoverModels } from "../../pipelines/models/discover.js";
import { MODELS_DIR } from "../../pipelines/models/run.js";
import { registerIndicatorFunctions } from "../../models/indicators/register.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";
import { copySources, loadAndModel } from "../helpers/warehouse.js";

/** Load and the models the marts under test read: no checks, exports or site are needed here. */
const buildFrom = (sourcesDir: string): Promise<Db> =>
  loadAndModel(() => true, ["marts.renstra_indikator", "marts.renstra_lintasan"], sourcesDir);

describe("on the LKjIP 2024 sources", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openSharedWarehouse();
  });
  afterAll(() => db?.close());

  const lintasan = async (kunci: string): Promise<Row> => {
    const rows = await db.all(`SELECT * FROM marts.renstra_lintasan WHERE kode_wilayah = '6403' AND kunci_indikator = '${kunci}'`);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  describe("marts.renstra_indikator", () => {
    it("has every Renstra year 2021-2026 per IKU, a year the seed gives no target for NULL with a catatan", async () => {
      const rows = await db.all<{ tahun: number; target: string | null; catatan_target: string | null }>(
        `SELECT DISTINCT tahun, target::VARCHAR AS target, catatan_target FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'nilai_sakip_pd' ORDER BY tahun`,
      );
      expect(rows.map((r) => [r.tahun, r.target])).toEqual([
        [2021, null],
        [2022, null],
        [2023, "71.300000"],
        [2024, "71.500000"],
        [2025, null],
        [2026, null],
      ]);
      expect(rows[4]!.catatan_target).toBe("Renstra tidak mencantumkan target 2025 untuk indikator ini (dibiarkan kosong, tidak diisi).");
      const iku = await db.all(`SELECT DISTINCT kunci_indikator FROM marts.renstra_indikator WHERE kode_wilayah = '6403' ORDER BY 1`);
      expect(iku.map((r) => r.kunci_indikator)).toEqual([
        "jml_kawasan_transmigrasi",
        "nilai_sakip_pd",
        "pct_kasus_hi_difasilitasi",
        "pct_pencaker_ditempatkan",
        "pct_tk_bersertifikat",
        "pdrb_per_kapita",
        "tkk",
        "tpt",
      ]);
    });

    it("takes SAKIP 2022 and 2023 from Tabel 3.5 and 2024 from the report", async () => {
      const rows = await db.all(
        `SELECT tahun, realisasi::VARCHAR AS r, sumber FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'nilai_sakip_pd' AND terpilih AND realisasi IS NOT NULL ORDER BY tahun`,
      );
      expect(rows).toEqual([
        { tahun: 2022, r: "79.2900000000", sumber: "LKjIP 2024 (Tabel 3.5)" },
        { tahun: 2023, r: "81.8000000000", sumber: "LKjIP 2024 (Tabel 3.18, Tabel 3.5)" },
        { tahun: 2024, r: "70.9200000000", sumber: "LKjIP 2024 (Tabel 3.18, Tabel 3.2, Tabel 3.21, Tabel 3.4, Tabel 3.5, narasi)" },
      ]);
    });

    it("keeps every vintage of TPT 2024 (4,05 BPS table and LKjIP, 4,11 quoted from BPS) and chooses the BPS table", async () => {
      const rows = await db.all(
        `SELECT jenis_sumber, realisasi::VARCHAR AS r, terpilih, capaian_tampil::VARCHAR AS c FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'tpt' AND tahun = 2024 ORDER BY peringkat_bawaan, jenis_sumber, realisasi`,
      );
      // The 4,11 is an outlet quoting BPS (not a BPS page): it ranks with the other outlets.
      expect(rows).toEqual([
        { jenis_sumber: "tabel_bps", r: "4.0500000000", terpilih: true, c: "107.95" },
        { jenis_sumber: "klaim_lkjip", r: "4.0500000000", terpilih: false, c: "107.95" },
        { jenis_sumber: "kutipan_lain", r: "4.0500000000", terpilih: false, c: "107.95" },
        { jenis_sumber: "kutipan_lain", r: "4.1100000000", terpilih: false, c: "106.59" },
      ]);
      const [tpt2024] = await db.all(
        `SELECT nilai_berbeda, jumlah_vintage::VARCHAR AS n, provenance FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'tpt' AND tahun = 2024 AND terpilih`,
      );
      expect(tpt2024).toEqual({ nilai_berbeda: true, n: "4", provenance: "bps/tpt_kabkota.csv baris 4 kolom 2024" });
    });

    it("derives TKK from the BPS tables of the same year (356.298 / 371.349) beside the report's 95,95", async () => {
      const rows = await db.all(
        `SELECT jenis_sumber, realisasi::VARCHAR AS r, terpilih FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'tkk' AND tahun = 2024 ORDER BY peringkat_bawaan`,
      );
      expect(rows).toEqual([
        { jenis_sumber: "tabel_bps", r: "95.9469394020", terpilih: true },
        { jenis_sumber: "klaim_lkjip", r: "95.9500000000", terpilih: false },
      ]);
    });

    it("covers every year the BPS tables and quotes give for TPT, outside the Renstra period flagged", async () => {
      const rows = await db.all(
        `SELECT tahun, realisasi::VARCHAR AS r, dalam_periode_renstra AS d FROM marts.renstra_indikator
         WHERE kode_wilayah = '6403' AND kunci_indikator = 'tpt' AND terpilih AND realisasi IS NOT NULL ORDER BY tahun`,
      );
      expect(rows).toEqual([
        { tahun: 2020, r: "5.7000000000", d: false },
        { tahun: 2022, r: "4.1400000000", d: true },
        { tahun: 2023, r: "4.0500000000", d: true },
        { tahun: 2024, r: "4.0500000000", d: true },
        { tahun: 2025, r: "4.4000000000", d: true },
      ]);
    });

    it("has exactly one chosen row per region x indicator x year", async () => {
      const bad = await db.all(
        `SELECT kode_wilayah, kunci_indikator, tahun FROM marts.renstra_indikator
         GROUP BY ALL HAVING count(*) FILTER (WHERE terpilih) <> 1`,
      );
      expect(bad).toEqual([]);
    });
  });

  describe("marts.renstra_lintasan", () => {
    it("reproduces Tabel 3.19 for SAKIP by the report's method: 232,01 and 63,32%", async () => {
      const r = await lintasan("nilai_sakip_pd");
      expect(r.realisasi_kumulatif_lkjip).toBe("232.0100000000");
      expect(r.tahun_kumulatif_lkjip).toEqual([2022, 2023, 2024]);
      expect(r.target_kumulatif).toBe("366.400000");
      expect(r.capaian_metode_laporan_lkjip).toBe("63.3215065502");
      expect(r.realisasi_kumulatif_tercetak).toBe("232.010000");
      expect(r.capaian_kumulatif_tercetak).toBe("63.320000");
      expect(r.kelas_realisasi_kumulatif).toBe("equal");
      expect(r.kelas_capaian_kumulatif).toBe("rounding");
      expect(r.capaian_metode_laporan_tampil).toBe("63.32");
    });

    it("projects SAKIP from 3 points to 2026 and rates it against the latest target (no 2026 target)", async () => {
      const r = await lintasan("nilai_sakip_pd");
      expect(r.jumlah_titik_proyeksi).toBe("3");
      expect(r.kemiringan_per_tahun).toBe("-4.1850000000");
      expect(r.proyeksi_akhir).toBe("64.7816666667");
      expect(r.target_akhir).toBeNull();
      expect(r.capaian_titik_akhir).toBeNull();
      expect(r.target_acuan).toBe("71.500000");
      // 64,78 / 71,50 = 90,60%: below the Sangat Tinggi bound of 91.
      expect(r.status).toBe("off track");
      expect(String(r.catatan_metode)).toContain("Renstra tidak mencantumkan target 2026");
    });

    it("explains where Tabel 3.19 sums years the warehouse does not have, or prints the last year", async () => {
      const tk = await lintasan("pct_tk_bersertifikat");
      expect(tk.realisasi_kumulatif_lkjip).toBe("45.6700000000");
      expect(tk.kelas_realisasi_kumulatif).toBe("differs");
      expect(String(tk.catatan_metode)).toContain("selisih 15,38");
      const kawasan = await lintasan("jml_kawasan_transmigrasi");
      expect(String(kawasan.catatan_metode)).toContain("angka tercetak sama dengan realisasi tahun terakhir, bukan jumlah");
    });

    it("does not sum a lower-is-better rate (TPT) and projects it from 4 points", async () => {
      const r = await lintasan("tpt");
      expect(r.capaian_metode_laporan).toBeNull();
      expect(r.tahun_titik).toEqual([2022, 2023, 2024, 2025]);
      expect(r.kemiringan_per_tahun).toBe("0.0780000000");
      expect(r.proyeksi_akhir).toBe("4.3550000000");
      expect(r.status).toBe("on track");
    });

    it("projects TKK from the years TPT gives (100 - TPT where no source states bekerja and angkatan kerja)", async () => {
      // Only 2024 has both BPS tables; 2022, 2023 and 2025 are 100 - the chosen TPT quote.
      const r = await lintasan("tkk");
      expect(r.jumlah_titik).toBe("4");
      expect(r.jumlah_titik_proyeksi).toBe("4");
      expect(r.dasar_nilai_acuan).toBe("proyeksi OLS 2026 dari 4 titik (2022, 2023, 2024, 2025)");
    });
  });

  describe("marts.kaskade_kinerja", () => {
    it("shows Program Perencanaan Tenaga Kerja under both sasaran with each source, flagged pemetaan_ganda", async () => {
      const rows = await db.all(
        `SELECT DISTINCT kode_iku, sumber_pemetaan, pemetaan_ganda FROM marts.kaskade_kinerja
         WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_program = '2.07.02' ORDER BY kode_iku`,
      );
      expect(rows).toEqual([
        { kode_iku: "pct_pencaker_ditempatkan", sumber_pemetaan: "Tabel 2.8 (Sebelum Perubahan)", pemetaan_ganda: true },
        { kode_iku: "pct_tk_bersertifikat", sumber_pemetaan: "Tabel 3.22", pemetaan_ganda: true },
      ]);
      // 2023 has only Tabel 3.23: one mapping, no flag.
      const y2023 = await db.all(
        `SELECT DISTINCT kode_iku, sumber_pemetaan, pemetaan_ganda FROM marts.kaskade_kinerja
         WHERE kode_wilayah = '6403' AND tahun = 2023 AND kode_program = '2.07.02'`,
      );
      expect(y2023).toEqual([{ kode_iku: "pct_tk_bersertifikat", sumber_pemetaan: "Tabel 3.23", pemetaan_ganda: false }]);
    });

    it("answers which budget lines serve an IKU, how much, and what capaian it reached", async () => {
      const [tot] = await db.all(
        `SELECT sum(pagu)::VARCHAR AS pagu, sum(realisasi)::VARCHAR AS realisasi, count(*)::VARCHAR AS baris,
                min(capaian_iku_tampil)::VARCHAR AS capaian, min(sasaran_rpjmd) AS sasaran_rpjmd, min(misi_rpjmd) AS misi
         FROM marts.kaskade_kinerja WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_iku = 'pct_tk_bersertifikat'`,
      );
      // Lampiran C: 2.07.03 (16.052.340.000 / 11.567.169.818) + 2.07.02 (100.000.000 / 94.394.740).
      expect(tot).toEqual({
        pagu: "16152340000.000000",
        realisasi: "11661564558.000000",
        baris: "5",
        capaian: "79.78",
        sasaran_rpjmd: "Menurunnya Pengangguran di Masyarakat",
        misi: "Meningkatkan Pembangunan Sumber Daya Manusi yang Berakhlak Mulia, Unggul dan Berbudaya (Misi 2)",
      });
    });

    it("keeps the Tabel 2.4 program without a budget (3.32.03) and notes where its kegiatan really sits", async () => {
      const [p] = await db.all(
        `SELECT tingkat_baris, pagu, sumber_anggaran, catatan FROM marts.kaskade_kinerja
         WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_program = '3.32.03'`,
      );
      expect(p!.tingkat_baris).toBe("program");
      expect(p!.pagu).toBeNull();
      expect(p!.sumber_anggaran).toBe("tidak ada");
      const [k] = await db.all(
        `SELECT kegiatan_di_tabel_2_4, catatan FROM marts.kaskade_kinerja
         WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_kegiatan = '3.32.02.2.01' LIMIT 1`,
      );
      expect(k!.kegiatan_di_tabel_2_4).toBe(true);
      expect(String(k!.catatan)).toContain("Tabel 2.4 mencantumkan kegiatan ini di bawah Program Pembangunan Kawasan Transmigrasi");
    });

    it("drops no spending: the lines of 2024 add up to the Lampiran C program totals", async () => {
      const [r] = await db.all(
        `WITH per_program AS (SELECT DISTINCT kode_program, kode_sub_kegiatan, source_row, pagu FROM (
             SELECT kode_program, kode_sub_kegiatan, anggaran_source_row[1] AS source_row, pagu FROM marts.kaskade_kinerja
             WHERE kode_wilayah = '6403' AND tahun = 2024 AND tingkat_baris = 'sub_kegiatan'))
         SELECT sum(pagu)::VARCHAR AS pagu FROM per_program`,
      );
      expect(r!.pagu).toBe("52590180033.000000");
    });
  });
});

describe("with analysts' resolutions", () => {
  let db: Db;
  beforeAll(async () => {
    const src = await copySources();
    // TPT 2024: the 4,11 quoted from BPS stands; SAKIP 2023: a value no source states (the analyst's own).
    await appendFile(
      join(src, "resolutions.csv"),
      [
        `tpt|6403|2024|tahunan,"4,11","Angka BPS rilis terbaru (uji).",Tim uji,2026-01-01`,
        `realisasi|6403|2023|tahunan|nilai_sakip_pd,"80,00","Nilai SAKIP 2023 hasil evaluasi ulang (uji).",Tim uji,2026-01-01`,
        "",
      ].join("\n"),
    );
    db = await buildFrom(src);
  });
  afterAll(() => db?.close());

  it("chooses the vintage a resolution designates, and says so", async () => {
    const rows = await db.all(
      `SELECT jenis_sumber, realisasi::VARCHAR AS r, dasar_pilihan FROM marts.renstra_indikator
       WHERE kode_wilayah = '6403' AND kunci_indikator = 'tpt' AND tahun = 2024 AND terpilih`,
    );
    expect(rows).toEqual([
      { jenis_sumber: "kutipan_lain", r: "4.1100000000", dasar_pilihan: "resolusi: Angka BPS rilis terbaru (uji). (Tim uji, 2026-01-01)" },
    ]);
  });

  it("adds a resolved value no source states as its own vintage and uses it, keeping the report's", async () => {
    const rows = await db.all(
      `SELECT jenis_sumber, realisasi::VARCHAR AS r, terpilih, provenance FROM marts.renstra_indikator
       WHERE kode_wilayah = '6403' AND kunci_indikator = 'nilai_sakip_pd' AND tahun = 2023 ORDER BY peringkat_bawaan`,
    );
    expect(rows).toEqual([
      { jenis_sumber: "resolusi", r: "80.0000000000", terpilih: true, provenance: "resolutions.csv baris 5" },
      { jenis_sumber: "klaim_lkjip", r: "81.8000000000", terpilih: false, provenance: "lkjip/2024/tabel_3_18.csv baris 2; lkjip/2024/tabel_3_5.csv baris 2" },
    ]);
    // The report's method on the report's own figures is unchanged; on the chosen values it is not.
    const [l] = await db.all(
      `SELECT realisasi_kumulatif::VARCHAR AS k, realisasi_kumulatif_lkjip::VARCHAR AS kl FROM marts.renstra_lintasan
       WHERE kode_wilayah = '6403' AND kunci_indikator = 'nilai_sakip_pd'`,
    );
    expect(l).toEqual({ k: "230.2100000000", kl: "232.0100000000" });
  });
});

describe("marts.renstra_lintasan on hand-checked fixtures", () => {
  let db: Db;

  // One row per indicator x year 2022-2026 (the Renstra period of the fixture), as renstra_indikator has.
  // [kunci, arah, target akhir (cumulative), year, target, realisasi]
  type Baris = [string, "positif" | "negatif", string | null, number, string | null, string | null];
  const years = [2022, 2023, 2024, 2025, 2026];
  const path = (kunci: string, arah: "positif" | "negatif", akhir: string | null, t: (string | null)[], r: (string | null)[]): Baris[] =>
    years.map((y, i) => [kunci, arah, akhir, y, t[i] ?? null, r[i] ?? null]);
  const FIXTURE: Baris[] = [
    // Every year on target 100: report's method 300 / 500 = 60%, endpoint 100 / 100 = 100%.
    ...path("tepat", "positif", "500", ["100", "100", "100", "100", "100"], ["100", "100", "100"]),
    // Flat at 91 against 100: projection 91, capaian 91 = the Sangat Tinggi bound: at risk.
    ...path("batas", "positif", null, ["100", "100", "100", "100", "100"], [null, "91", "91"]),
    // Flat at 90,99: just below the bound: off track.
    ...path("bawah", "positif", null, ["100", "100", "100", "100", "100"], [null, "90.99", "90.99"]),
    // Lower is better, falling 0,2 a year to exactly the 2026 target 4,0: on track (capaian 100).
    ...path("turun", "negatif", null, [null, null, "4.4", "4.2", "4.0"], [null, null, "4.4", "4.2"]),
    // One point only: no projection; 40 against 50 = 80%: off track; needs (50 - 40) / 2 = 5 a year.
    ...path("satu", "positif", null, [null, null, null, null, "50"], [null, null, "40"]),
    // No realisation at all.
    ...path("kosong", "positif", null, ["10", "10", "10", "10", "10"], []),
    // No 2026 target: rated against the latest annual target (2024: 10); trend 8 -> 10 gives 14 in 2026.
    ...path("tanpa_akhir", "positif", null, [null, "10", "10", null, null], [null, "8", "10"]),
  ];

  beforeAll(async () => {
    db = await Db.open(":memory:");
    registerIndicatorFunctions(db);
    for (const s of ["config", "intermediate", "marts"]) await db.run(`CREATE SCHEMA ${s}`);
    await db.run(`CREATE TABLE config.skala_kinerja AS
      SELECT * FROM read_csv('${join(MODELS_DIR, "config", "skala_kinerja.csv")}', header = true, all_varchar = true)`);
    const values = FIXTURE.map(
      ([k, a, akhir, y, t, r]) =>
        `('X1', '${k}', '${a}', ${akhir ?? "NULL"}, ${y}, ${t === null ? "NULL" : `'${t}'`}, ${r === null ? "NULL" : `'${r}'`})`,
    ).join(",\n");
    await db.run(`CREATE TABLE fixture AS
      SELECT kode_wilayah, kunci_indikator, arah, CAST(akhir AS DECIMAL(28,6)) AS akhir, tahun,
             CAST(target AS DECIMAL(28,6)) AS target, CAST(realisasi AS DECIMAL(28,10)) AS realisasi
      FROM (VALUES ${values}) v(kode_wilayah, kunci_indikator, arah, akhir, tahun, target, realisasi)`);
    await db.run(`CREATE TABLE marts.renstra_indikator AS
      SELECT kode_wilayah, tahun, kunci_indikator, 'iku_dinas' AS peran, kunci_indikator AS indikator, 'Persen' AS satuan, arah,
             2022 AS tahun_awal_renstra, 2026 AS tahun_akhir_renstra, true AS dalam_periode_renstra,
             target, 'renstra' AS sumber_target, target AS target_renstra,
             akhir AS target_akhir_renstra, CAST(akhir AS VARCHAR) AS target_akhir_renstra_teks,
             realisasi, CASE WHEN realisasi IS NOT NULL THEN 'klaim_lkjip' END AS jenis_sumber,
             CASE WHEN realisasi IS NOT NULL THEN 'uji' END AS sumber, true AS terpilih,
             CAST(capaian(realisasi::VARCHAR, target::VARCHAR, arah) AS DECIMAL(28,10)) AS capaian
      FROM fixture`);
    await db.run(`CREATE TABLE intermediate.int_renstra_realisasi AS
      SELECT kode_wilayah, kunci_indikator, tahun, 'klaim_lkjip' AS jenis_sumber, realisasi AS nilai, 2024 AS tahun_sumber,
             1 AS jumlah_rujukan, ['uji.csv'] AS source_file, [tahun] AS source_row
      FROM fixture WHERE realisasi IS NOT NULL`);
    // Tabel 3.19 as a report would print it for "tepat": 300 and 60%.
    await db.run(`CREATE TABLE intermediate.int_klaim_peta AS
      SELECT * FROM (VALUES
        ('X1', 'tepat', 2024, '3.19', 'realisasi_kumulatif', 300.000000, 0, 'uji_3_19.csv', 2),
        ('X1', 'tepat', 2024, '3.19', 'capaian_kumulatif', 60.000000, 0, 'uji_3_19.csv', 2),
        ('X1', 'tepat', 2024, '3.19', 'target_renstra', 500.000000, 0, 'uji_3_19.csv', 2)
      ) v(kode_wilayah, kunci_indikator, tahun_laporan, tabel, ukuran, nilai, desimal, source_file, source_row)`);
    const model = (await discoverModels(MODELS_DIR)).find((m) => m.name === "marts.renstra_lintasan")!;
    await db.run(`CREATE TABLE marts.renstra_lintasan AS ${model.sql}`);
  });
  afterAll(() => db?.close());

  const row = async (k: string): Promise<Row> => (await db.all(`SELECT * FROM marts.renstra_lintasan WHERE kunci_indikator = '${k}'`))[0]!;

  it("report's method and endpoint method disagree where every year is on target", async () => {
    const r = await row("tepat");
    expect(r.realisasi_kumulatif).toBe("300.0000000000");
    expect(r.capaian_metode_laporan).toBe("60.0000000000");
    expect(r.target_akhir).toBe("100.000000");
    expect(r.capaian_titik_akhir).toBe("100.0000000000");
    expect(String(r.catatan_metode)).toContain("Keduanya memberi kesimpulan berbeda tentang tercapainya target akhir.");
    // The printed Tabel 3.19 figures of the fixture are reproduced by the report's method.
    expect(r.kelas_realisasi_kumulatif).toBe("equal");
    expect(r.kelas_capaian_kumulatif).toBe("equal");
    // Flat at the target: projection 100, capaian exactly 100: on track (the bound is inclusive).
    expect(r.proyeksi_akhir).toBe("100.0000000000");
    expect(r.status).toBe("on track");
    expect(r.perubahan_per_tahun_diperlukan).toBe("0.0000000000");
  });

  it("uses the sum of annual targets when the Renstra prints no cumulative target", async () => {
    const r = await row("batas");
    expect(r.target_kumulatif).toBe("500.000000");
    expect(r.dasar_target_kumulatif).toBe("jumlah target tahunan Renstra");
    expect(r.capaian_metode_laporan).toBe("36.4000000000");
  });

  it("status boundaries: 91 is at risk, 90,99 off track", async () => {
    expect((await row("batas")).capaian_acuan).toBe("91.0000000000");
    expect((await row("batas")).status).toBe("at risk");
    expect((await row("bawah")).capaian_acuan).toBe("90.9900000000");
    expect((await row("bawah")).status).toBe("off track");
  });

  it("a lower-is-better indicator: no report's method, endpoint and required change direction-aware", async () => {
    const r = await row("turun");
    expect(r.capaian_metode_laporan).toBeNull();
    expect(String(r.catatan_metode)).toContain("tidak bermakna");
    // Latest 4,2 against the 2026 target 4,0: (4 - (4,2 - 4)) / 4 = 95%.
    expect(r.capaian_titik_akhir).toBe("95.0000000000");
    expect(r.perubahan_per_tahun_diperlukan).toBe("-0.2000000000");
    expect(r.proyeksi_akhir).toBe("4.0000000000");
    expect(r.jumlah_titik_proyeksi).toBe("2");
    expect(r.status).toBe("on track");
  });

  it("a single point: no projection, the latest realisation is rated, the change per year is stated", async () => {
    const r = await row("satu");
    expect(r.jumlah_titik_proyeksi).toBe("0");
    expect(r.proyeksi_akhir).toBeNull();
    expect(r.kemiringan_per_tahun).toBeNull();
    expect(r.nilai_acuan).toBe("40.0000000000");
    expect(r.capaian_acuan).toBe("80.0000000000");
    expect(r.status).toBe("off track");
    expect(r.tahun_tersisa).toBe(2);
    expect(r.perubahan_per_tahun_diperlukan).toBe("5.0000000000");
  });

  it("no realisation: no data", async () => {
    const r = await row("kosong");
    expect(r.jumlah_titik).toBe("0");
    expect(r.status).toBe("no data");
  });

  it("without a 2026 target: rated against the latest annual target and says so", async () => {
    const r = await row("tanpa_akhir");
    expect(r.tahun_target_acuan).toBe(2024);
    expect(r.proyeksi_akhir).toBe("14.0000000000");
    expect(r.status).toBe("on track");
    expect(r.capaian_titik_akhir).toBeNull();
    expect(String(r.catatan_status)).toContain("Target 2026 tidak tercantum: dibandingkan dengan target tahunan terakhir (2024: 10)");
  });
});
