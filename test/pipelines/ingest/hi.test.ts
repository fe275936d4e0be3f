import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, loadRaw } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

const DATA = "hi/data_bidang_hi_2024.csv";
const SEKTOR = "hi/perselisihan_per_sektor_2024.csv";
const KET = "hi/keterangan_2024.csv";
const KEC = "hi/perselisihan_per_kecamatan_2024.csv";

let db: Db;
beforeAll(async () => {
  db = await loadRaw(byFamily("hi"));
});
afterAll(() => db.close());

/** Stated totals of one file's printed total rows, as { kolom: nilai }. */
async function columnTotals(file: string): Promise<Record<string, string>> {
  const rows = await db.all<{ kolom: string; nilai: string }>(
    `SELECT kolom, nilai::VARCHAR AS nilai FROM raw.stated_totals
     WHERE source_file = '${file}' AND lingkup = 'kolom' ORDER BY kolom`,
  );
  return Object.fromEntries(rows.map((r) => [r.kolom, r.nilai]));
}

describe("hi loader", () => {
  it("loads the four sheets with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "hi");
  });

  describe("data sheet (key/value, comma thousands)", () => {
    async function butir(bagian: string, b: string | null) {
      const [row] = await db.all<{ nilai: string | null; satuan: string | null; uraian: string; bagian_judul: string }>(
        `SELECT nilai::VARCHAR AS nilai, satuan, uraian, bagian_judul FROM raw.hi_data_sheet
         WHERE bagian = '${bagian}' AND ${b === null ? "butir IS NULL" : `butir = '${b}'`}`,
      );
      return row;
    }

    it("reads comma-grouped thousands, comma-grouped sen, leading zeros and dashes", async () => {
      expect((await butir("5", "e"))?.nilai).toBe("1495.000000");
      expect(await butir("10", "a")).toMatchObject({ nilai: "3766379.190000", satuan: "sen" });
      expect((await butir("10", "e"))?.nilai).toBe("3841706.770000");
      expect((await butir("7", "d"))?.nilai).toBe("8.000000");
      expect((await butir("8", "b"))?.nilai).toBe("8.000000");
      expect(await butir("4", "c")).toMatchObject({ nilai: "0.000000", satuan: "jam" });
      expect((await butir("11", "b"))?.nilai).toBe("0.000000");
    });

    it("loads an empty Nilai as NULL, not zero", async () => {
      expect(await butir("1", "a")).toMatchObject({ nilai: null, satuan: "Perusahaan" });
      expect(await butir("1", "b")).toMatchObject({ nilai: null, satuan: "Tenaga Kerja" });
    });

    it("keeps section titles as data rows with NULL nilai and carries them as bagian_judul", async () => {
      const titles = await db.all(
        `SELECT bagian, uraian, nilai FROM raw.hi_data_sheet WHERE butir IS NULL ORDER BY source_row`,
      );
      expect(titles).toHaveLength(11);
      expect(titles[6]).toEqual({ bagian: "7", uraian: "Pemutusan Hubungan Kerja", nilai: null });
      expect(await butir("7", "c")).toMatchObject({
        uraian: "Perselisihan Secara Perjanjian Bersama",
        nilai: "47.000000",
        bagian_judul: "Pemutusan Hubungan Kerja",
      });
      expect((await butir("10", "b"))?.bagian_judul).toBe("Upah Minimum Kabupaten");
      expect((await butir("1", "a"))?.bagian_judul).toBe("Data Jumlah Perusahaan");
      const unfilled = await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.hi_data_sheet WHERE bagian_judul IS NULL`);
      expect(unfilled).toBe("0");
      // Every butir row's title is its own section's title row.
      const mismatched = await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.hi_data_sheet d
        JOIN raw.hi_data_sheet t ON t.butir IS NULL AND t.bagian = d.bagian
        WHERE d.bagian_judul <> t.uraian`);
      expect(mismatched).toBe("0");
    });

    it("keeps the titles and the 'Belum Final' footnote as notes", async () => {
      const notes = await db.all(
        `SELECT source_row, jenis, teks FROM raw.source_notes WHERE source_file = '${DATA}' ORDER BY source_row`,
      );
      expect(notes).toEqual([
        { source_row: 1, jenis: "judul", teks: "DATA BIDANG HUBUNGAN INDUSTRIAL TAHUN 2024" },
        { source_row: 2, jenis: "judul", teks: "UNIT KERJA : DINAS TRANSMIGRASI DAN TENAGA KERJA KABUPATEN KUTAI KARTANEGARA" },
        { source_row: 52, jenis: "catatan", teks: "Data (Belum Final)" },
      ]);
    });
  });

  describe("per sektor", () => {
    it("keeps the JUMLAH row out of the data and states its totals as printed", async () => {
      const labels = await db.all(`SELECT sektor FROM raw.hi_per_sektor WHERE sektor ILIKE 'jumlah%' OR no = '-'`);
      expect(labels).toEqual([]);
      const t = await columnTotals(SEKTOR);
      expect(t).toMatchObject({
        kasus_sektor: "88.000000",
        tenaga_kerja: "1199.000000",
        kasus_terselesaikan: "88.000000",
        hak_kasus: "10.000000",
        phk_kasus: "77.000000",
        phk_pb: "32.000000",
        phk_anjuran: "45.000000",
        antar_sp_tk: "800.000000",
        antar_sp_anjuran: "0.000000",
      });
      expect(Object.keys(t)).toHaveLength(19);
      const [row] = await db.all(
        `SELECT DISTINCT source_row, label FROM raw.stated_totals WHERE source_file = '${SEKTOR}' AND lingkup = 'kolom'`,
      );
      expect(row).toEqual({ source_row: 17, label: "JUMLAH KASUS MASUK YANG TERSELESAIKAN" });
    });

    it("describes the blank-per-sector columns' totals as sums across dispute types", async () => {
      const rows = await db.all(`SELECT kolom, kolom_bagian FROM raw.stated_totals
        WHERE source_file = '${SEKTOR}' AND kolom IN ('tenaga_kerja', 'kasus_terselesaikan', 'kasus_sektor') AND lingkup = 'kolom'
        ORDER BY kolom`);
      expect(rows).toEqual([
        { kolom: "kasus_sektor", kolom_bagian: ["kasus_sektor"] },
        { kolom: "kasus_terselesaikan", kolom_bagian: ["hak_kasus", "phk_kasus", "kepentingan_kasus", "antar_sp_kasus"] },
        { kolom: "tenaga_kerja", kolom_bagian: ["hak_tk", "phk_tk", "kepentingan_tk", "antar_sp_tk"] },
      ]);
      // Those two columns are blank on every sector row, not zero.
      const blank = await db.value<string>(
        `SELECT count(*)::VARCHAR FROM raw.hi_per_sektor WHERE tenaga_kerja IS NULL AND kasus_terselesaikan IS NULL`,
      );
      expect(blank).toBe("9");
    });

    it("states 'Kasus per-Sektor terselesaikan' as the row total of the four kasus columns", async () => {
      const rows = await db.all(`SELECT source_row, label, nilai::VARCHAR AS nilai, kolom_bagian FROM raw.stated_totals
        WHERE source_file = '${SEKTOR}' AND lingkup = 'baris' ORDER BY source_row`);
      const bagian = ["hak_kasus", "phk_kasus", "kepentingan_kasus", "antar_sp_kasus"];
      expect(rows).toEqual([
        { source_row: 8, label: "PERTANIAN, PETERNAKAN, KEHUTANAN, PERIKANAN,", nilai: "34.000000", kolom_bagian: bagian },
        { source_row: 9, label: "PERTAMBANGAN, PENGGALIAN", nilai: "54.000000", kolom_bagian: bagian },
      ]);
    });

    it("reads '-' as zero in the dispute columns and flags it", async () => {
      const [row] = await db.all(`SELECT kepentingan_kasus::VARCHAR AS k, antar_sp_tk::VARCHAR AS sp, antar_sp_anjuran::VARCHAR AS anj
        FROM raw.hi_per_sektor WHERE source_row = 8`);
      expect(row).toEqual({ k: "0.000000", sp: "800.000000", anj: "0.000000" });
      const flags = await db.value<string>(
        `SELECT count(*)::VARCHAR FROM raw.cell_flags WHERE source_file = '${SEKTOR}' AND teks = '-'`,
      );
      // 7 blank sectors x 16 columns, plus 5 (row 8) + 8 (row 9) on the two filled sector rows.
      expect(flags).toBe("125");
    });
  });

  it("loads KETERANGAN A-F as key/value rows", async () => {
    const rows = await db.all<{ kode: string; jumlah: string }>(
      `SELECT kode, jumlah::VARCHAR AS jumlah FROM raw.hi_keterangan WHERE source_file = '${KET}' ORDER BY source_row`,
    );
    expect(rows.map((r) => [r.kode, r.jumlah])).toEqual([
      ["A", "88.000000"],
      ["B", "1199.000000"],
      ["C", "40.000000"],
      ["D", "6.000000"],
      ["E", "48.000000"],
      ["F", "94.000000"],
    ]);
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.hi_keterangan WHERE km IS NOT NULL`)).toBe("0");
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.stated_totals WHERE source_file = '${KET}'`)).toBe("0");
  });

  describe("per kecamatan", () => {
    it("recognises the unlabelled, shifted last row as the printed total and loads it unshifted", async () => {
      expect(await columnTotals(KEC)).toEqual({ kasus: "1199.000000", karyawan: "1174.000000", l: "25.000000" });
      // The printed NO cell (94, the true case count) survives as the total row's label only.
      const labels = await db.all(
        `SELECT DISTINCT source_row, label FROM raw.stated_totals WHERE source_file = '${KEC}' AND lingkup = 'kolom'`,
      );
      expect(labels).toEqual([{ source_row: 20, label: "94" }]);
      const inData = await db.value<string>(
        `SELECT count(*)::VARCHAR FROM raw.hi_per_kecamatan WHERE kecamatan IS NULL OR source_row = 20`,
      );
      expect(inData).toBe("0");
    });

    it("leaves the shift for the reconciliation to find: stated totals differ from the column sums", async () => {
      const rows = await db.all(`SELECT s.kolom, s.nilai::VARCHAR AS stated,
          (SELECT sum(CASE s.kolom WHEN 'kasus' THEN kasus WHEN 'karyawan' THEN karyawan WHEN 'l' THEN l END)
           FROM raw.hi_per_kecamatan)::VARCHAR AS summed
        FROM raw.stated_totals s WHERE s.source_file = '${KEC}' AND s.lingkup = 'kolom' ORDER BY s.kolom`);
      expect(rows).toEqual([
        { kolom: "karyawan", stated: "1174.000000", summed: "1199.000000" },
        { kolom: "kasus", stated: "1199.000000", summed: "94.000000" },
        { kolom: "l", stated: "25.000000", summed: "1174.000000" },
      ]);
    });

    it("states KARYAWAN as the row total of L + P on every kecamatan row", async () => {
      const rows = await db.all<{ label: string; nilai: string; kolom_bagian: string[] }>(`SELECT label, nilai::VARCHAR AS nilai, kolom_bagian
        FROM raw.stated_totals WHERE source_file = '${KEC}' AND lingkup = 'baris' ORDER BY source_row`);
      expect(rows).toHaveLength(18);
      expect(rows.every((r) => r.kolom_bagian.join("+") === "l+p")).toBe(true);
      expect(rows[9]).toEqual({ label: "KEC. MUARA KAMAN", nilai: "1003.000000", kolom_bagian: ["l", "p"] });
      const [kaman] = await db.all(
        `SELECT no, l::VARCHAR AS l, p::VARCHAR AS p FROM raw.hi_per_kecamatan WHERE kecamatan = 'KEC. MUARA KAMAN'`,
      );
      expect(kaman).toEqual({ no: "10", l: "978.000000", p: "25.000000" });
    });
  });
});
