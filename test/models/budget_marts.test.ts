/**
 * Budget marts against the LKjIP 2024 as printed (seed: Tabel 2.9, 3.20, 3.22, 3.23, Lampiran C).
 * The warehouse is built once from the bundled sources; every assertion reads a mart cell.
 */
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Row } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

const MARTS = ["tabel_3_20", "tabel_3_22", "tabel_3_23", "lampiran_c_total", "anggaran_perubahan", "anggaran_realisasi_program"];

let db: Db;

beforeAll(async () => {
  db = await openSharedWarehouse();
});

afterAll(() => db?.close());

/** A DECIMAL cell (exact text) as a plain number string: "16052340000.000000" -> "16052340000". */
const n = (v: unknown): string | null => (v == null ? null : new Decimal(String(v)).toFixed());

async function rows(sql: string): Promise<Row[]> {
  return db.all(sql);
}

async function one(sql: string): Promise<Row> {
  const r = await rows(sql);
  expect(r).toHaveLength(1);
  return r[0]!;
}

describe("marts.tabel_3_22 (2024, from Lampiran C)", () => {
  it("has the printed program rows and a recomputed Total row last", async () => {
    const r = await rows(`SELECT urutan, jenis_baris, tahun, tahun_laporan FROM marts.tabel_3_22 WHERE kode_wilayah = '6403' ORDER BY urutan`);
    expect(r).toHaveLength(8);
    expect(r.map((x) => x.jenis_baris)).toEqual([...Array(7).fill("program"), "total"]);
    expect(r.every((x) => x.tahun === 2024 && x.tahun_laporan === 2024)).toBe(true);
  });

  it("Pelatihan Kerja: anggaran, realisasi, sisa and exact % as in Tabel 3.22 / Lampiran C", async () => {
    const p = await one(`SELECT * FROM marts.tabel_3_22 WHERE kode_wilayah = '6403' AND kode_program = '2.07.03'`);
    expect(p.urutan).toBe("1");
    expect(p.program).toBe("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja");
    expect(p.sasaran).toBe("Meningkatnya kompetensi tenaga kerja yang produktif dan berdaya saing");
    expect(p.indikator).toBe("Persentase Tenaga Kerja yang Bersertifikat Kompetensi");
    expect(n(p.pagu)).toBe("16052340000");
    expect(n(p.realisasi)).toBe("11567169818");
    expect(n(p.sisa)).toBe("4485170182");
    // 11.567.169.818 / 16.052.340.000 x 100 = 72,0590883...; the table prints it truncated (72,05).
    expect(n(p.persentase_realisasi)).toBe("72.059088");
    expect(n(p.persentase_realisasi_tampil)).toBe("72.06");
    expect(n(p.persentase_realisasi_tercetak)).toBe("72.05");
    expect(p.sumber).toBe("lampiran_c");
    expect(p.source_file).toEqual(["budget/lampiran_c_pencapaian_kinerja_kegiatan_2024.csv", "budget/realisasi_program_2024.csv"]);
    expect(p.source_row).toEqual([50, 2]);
  });

  it("Total (Rp): 52.590.180.033 / 42.790.450.791 / 9.799.729.242, 81,366%", async () => {
    const t = await one(`SELECT * FROM marts.tabel_3_22 WHERE kode_wilayah = '6403' AND jenis_baris = 'total'`);
    expect(t.urutan).toBe("8");
    expect(t.sasaran).toBe("Total (Rp)");
    expect(n(t.pagu)).toBe("52590180033");
    expect(n(t.realisasi)).toBe("42790450791");
    expect(n(t.sisa)).toBe("9799729242");
    expect(n(t.persentase_realisasi)).toBe("81.365857");
    expect(n(t.persentase_realisasi_tampil)).toBe("81.37");
  });

  it("every program row's amounts equal what Tabel 3.22 prints (Lampiran C and the table agree in 2024)", async () => {
    const r = await rows(`SELECT kode_program, pagu, pagu_tercetak, realisasi, realisasi_tercetak, sisa, sisa_tercetak
      FROM marts.tabel_3_22 WHERE jenis_baris = 'program'`);
    for (const x of r) {
      expect({ k: x.kode_program, pagu: n(x.pagu), realisasi: n(x.realisasi), sisa: n(x.sisa) }).toEqual({
        k: x.kode_program,
        pagu: n(x.pagu_tercetak),
        realisasi: n(x.realisasi_tercetak),
        sisa: n(x.sisa_tercetak),
      });
    }
  });
});

describe("marts.tabel_3_23 (2023, from the printed Tabel 3.23)", () => {
  it("recomputes the Pelatihan sisa (878.879.520) beside the printed 818.752.120", async () => {
    const p = await one(`SELECT * FROM marts.tabel_3_23 WHERE kode_wilayah = '6403' AND kode_program = '2.07.03'`);
    expect(p.tahun).toBe(2023);
    expect(p.tahun_laporan).toBe(2024);
    expect(p.sumber).toBe("tabel_realisasi_program");
    expect(n(p.pagu)).toBe("12833400000");
    expect(n(p.realisasi)).toBe("11954520480");
    expect(n(p.sisa)).toBe("878879520");
    expect(n(p.sisa_tercetak)).toBe("818752120");
    // 93,6% printed; the printed realisasi gives 93,15%.
    expect(n(p.persentase_realisasi)).toBe("93.151624");
    expect(n(p.persentase_realisasi_tercetak)).toBe("93.6");
  });

  it("Total row sums the printed realisasi (38.681.050.780, not the printed 38.741.178.180)", async () => {
    const t = await one(`SELECT * FROM marts.tabel_3_23 WHERE kode_wilayah = '6403' AND jenis_baris = 'total'`);
    expect(t.urutan).toBe("8");
    expect(n(t.pagu)).toBe("41558444573");
    expect(n(t.realisasi)).toBe("38681050780");
    expect(n(t.sisa)).toBe("2877393793");
  });
});

describe("marts.tabel_3_20 (efficiency)", () => {
  it("lists the programs of pct_tk_bersertifikat and pct_pencaker_ditempatkan with 100 - % realisasi", async () => {
    const r = await rows(`SELECT * FROM marts.tabel_3_20 WHERE kode_wilayah = '6403' ORDER BY urutan`);
    expect(r.map((x) => [x.kode_iku, x.kode_program])).toEqual([
      ["pct_tk_bersertifikat", "2.07.03"],
      ["pct_pencaker_ditempatkan", "2.07.04"],
    ]);
    // Printed: 72,06% -> 27,94%; 88,96% -> 11,04%.
    expect(r.map((x) => [n(x.persentase_realisasi_anggaran_tampil), n(x.efisiensi_100_kurang_anggaran_tampil)])).toEqual([
      ["72.06", "27.94"],
      ["88.96", "11.04"],
    ]);
    expect(n(r[0]!.efisiensi_100_kurang_anggaran)).toBe("27.940912");
    expect(r.map((x) => x.ket)).toEqual(["Efisiensi", "Efisiensi"]);
  });

  it("applies the narrative method (capaian - % anggaran) only where capaian reaches 100", async () => {
    const r = await rows(
      `SELECT kode_iku, round(capaian_kinerja_sasaran, 2)::VARCHAR AS c, round(efisiensi_capaian_kurang_anggaran, 2)::VARCHAR AS e
       FROM marts.tabel_3_20 ORDER BY urutan`,
    );
    // Training: 16,35 realised against 20,50 is 79,78% (< 100): no efficiency by the narrative's rule.
    // Placement: 172,20% - 88,96% = 83,24 points.
    expect(r).toEqual([
      { kode_iku: "pct_tk_bersertifikat", c: "79.78", e: null },
      { kode_iku: "pct_pencaker_ditempatkan", c: "172.20", e: "83.24" },
    ]);
  });
});

describe("marts.lampiran_c_total", () => {
  it("recomputes the grand total from the 48 sub-kegiatan", async () => {
    const t = await one(`SELECT * FROM marts.lampiran_c_total WHERE kode_wilayah = '6403' AND tahun = 2024 AND jenis_baris = 'total'`);
    expect(t.urutan).toBe("8");
    expect(t.jumlah_sub_kegiatan).toBe("48");
    expect(n(t.pagu)).toBe("52590180033");
    expect(n(t.realisasi)).toBe("42790450791");
    expect(n(t.sisa)).toBe("9799729242");
    expect(n(t.bertambah_berkurang)).toBe("6552864698");
    // Printed BOBOT total 100,00: the sub-kegiatan's printed (rounded) bobot sum to 100,08.
    expect(n(t.bobot)).toBe("100.08");
    expect(n(t.bobot_eksak)).toBe("100");
    // Printed TERTIMBANG FISIK 98,63 is the exact-share weighting; the printed bobot give 98,70.
    expect(n(t.tertimbang_fisik)).toBe("98.697428");
    expect(new Decimal(String(t.tertimbang_fisik_eksak)).toDecimalPlaces(2).toFixed(2)).toBe("98.63");
    expect(n(t.persentase_realisasi)).toBe("81.365857");
    expect(n(t.tertimbang_keu_eksak)).toBe("81.365857");
  });

  it("gives each program its weighted physical and financial progress", async () => {
    const p = await one(`SELECT * FROM marts.lampiran_c_total WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_program = '2.07.03'`);
    expect(n(p.pagu)).toBe("16052340000");
    expect(n(p.bobot_tercetak)).toBe("30.52");
    expect(n(p.tertimbang_fisik)).toBe("30.48");
    expect(n(p.tertimbang_fisik_tercetak)).toBe("30.48");
    expect(n(p.progres_keu)).toBe("72.059088");
    expect(new Decimal(String(p.progres_fisik)).greaterThan(new Decimal(String(p.progres_keu)))).toBe(true);
  });
});

describe("marts.anggaran_perubahan", () => {
  it("Penempatan: Lampiran C change 713.399.000 against Tabel 2.9's 613.399.000", async () => {
    const p = await one(`SELECT * FROM marts.anggaran_perubahan WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_program = '2.07.04'`);
    expect(n(p.sebelum)).toBe("7959000000");
    expect(n(p.sesudah)).toBe("8672399000");
    expect(n(p.bertambah_berkurang)).toBe("613399000");
    expect(n(p.sesudah_lampiran_c)).toBe("8672399000");
    expect(n(p.bertambah_berkurang_lampiran_c)).toBe("713399000");
    expect(n(p.sebelum_lampiran_c)).toBe("7959000000");
    expect(n(p.selisih_bertambah_berkurang)).toBe("-100000000");
    expect(n(p.selisih_identitas_tabel)).toBe("-100000000");
    expect(n(p.selisih_sesudah)).toBe("0");
  });

  it("keeps Tabel 2.9's 'Rp. -' as NULL beside the budget Lampiran C kept", async () => {
    const p = await one(`SELECT * FROM marts.anggaran_perubahan WHERE kode_wilayah = '6403' AND tahun = 2024 AND kode_program = '2.07.02'`);
    expect(p.sesudah).toBeNull();
    expect(p.selisih_sesudah).toBeNull();
    expect(n(p.sesudah_lampiran_c)).toBe("100000000");
    expect(n(p.bertambah_berkurang_lampiran_c)).toBe("0");
    expect(p.keterangan_lampiran_b).toBe("APBD");
  });

  it("total row: Tabel 2.9 states 51.090.180.033 after the APBD-P, Lampiran C 52.590.180.033", async () => {
    const t = await one(`SELECT * FROM marts.anggaran_perubahan WHERE kode_wilayah = '6403' AND tahun = 2024 AND jenis_baris = 'total'`);
    expect(n(t.sebelum)).toBe("46037315335");
    expect(n(t.sesudah)).toBe("51090180033");
    expect(n(t.sesudah_lampiran_c)).toBe("52590180033");
    expect(n(t.bertambah_berkurang_lampiran_c)).toBe("6552864698");
  });
});

describe("intermediate budget models", () => {
  it("resolves every printed program name to a program code", async () => {
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM intermediate.int_anggaran_kode_program WHERE kode_program IS NULL`)).toBe("0");
  });

  it("Lampiran C subtotals add up for pagu, realisasi and sisa; bobot only up to rounding", async () => {
    const r = await rows(`SELECT kode, selisih_pagu, selisih_realisasi, selisih_sisa, selisih_bobot
      FROM intermediate.int_anggaran_pohon WHERE tingkat IN ('program', 'kegiatan')`);
    expect(r).toHaveLength(26);
    for (const x of r) {
      expect({ kode: x.kode, d: [n(x.selisih_pagu), n(x.selisih_realisasi), n(x.selisih_sisa)] }).toEqual({ kode: x.kode, d: ["0", "0", "0"] });
      expect(new Decimal(String(x.selisih_bobot)).abs().lessThanOrEqualTo("0.02")).toBe(true);
    }
  });

  it("int_anggaran_program says where each year's amounts come from", async () => {
    const r = await rows(`SELECT tahun, sumber, count(*)::VARCHAR AS n FROM intermediate.int_anggaran_program GROUP BY ALL ORDER BY tahun`);
    expect(r).toEqual([
      { tahun: 2023, sumber: "tabel_realisasi_program", n: "7" },
      { tahun: 2024, sumber: "lampiran_c", n: "7" },
    ]);
  });
});

describe("every budget mart row", () => {
  it.each(MARTS)("%s: kode_wilayah, tahun and provenance are set", async (mart) => {
    const total = await db.value<string>(`SELECT count(*)::VARCHAR FROM marts.${mart}`);
    expect(Number(total)).toBeGreaterThan(0);
    const bad = await db.value<string>(
      `SELECT count(*)::VARCHAR FROM marts.${mart}
       WHERE kode_wilayah IS NULL OR tahun IS NULL OR urutan IS NULL
          OR source_file IS NULL OR len(source_file) = 0 OR len(source_file) <> len(source_row)
          OR list_contains(list_transform(source_row, lambda x: x IS NULL), true)`,
    );
    expect(bad).toBe("0");
  });
});
