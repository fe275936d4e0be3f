import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, loadAndModel } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

const LAMPIRAN_C = "budget/lampiran_c_pencapaian_kinerja_kegiatan_2024.csv";

let db: Db;
beforeAll(async () => {
  // The code tree and the merged cells are derived by the staging models.
  db = await loadAndModel(byFamily("budget"), ["staging.stg_budget_lampiran_c", "staging.stg_budget_realisasi_program"]);
});
afterAll(() => db.close());

describe("budget loader", () => {
  it("loads every budget file with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "budget");
  });

  describe("Lampiran C", () => {
    it("keeps every printed row with its line number and the grand total out of the data", async () => {
      const [span] = await db.all(`SELECT count(*)::INT AS n, min(source_row) AS first, max(source_row) AS last
        FROM staging.stg_budget_lampiran_c WHERE source_file = '${LAMPIRAN_C}'`);
      expect(span).toEqual({ n: 78, first: 10, last: 87 });
      const levels = await db.all(`SELECT tingkat, count(*)::INT AS n FROM staging.stg_budget_lampiran_c GROUP BY ALL ORDER BY tingkat`);
      expect(levels).toEqual([
        { tingkat: "bidang_urusan", n: 2 },
        { tingkat: "kegiatan", n: 19 },
        { tingkat: "program", n: 7 },
        { tingkat: "sub_kegiatan", n: 48 },
        { tingkat: "urusan", n: 2 },
      ]);
    });

    it("derives level, parent and program from context where the code is malformed or missing", async () => {
      const rows = await db.all(`SELECT source_row, no, kode, tingkat, kode_induk, kode_program
        FROM staging.stg_budget_lampiran_c WHERE source_row IN (10, 11, 22, 23, 49, 59, 60, 63, 78, 79, 80, 84) ORDER BY source_row`);
      expect(rows).toEqual([
        { source_row: 10, no: null, kode: "2", tingkat: "urusan", kode_induk: null, kode_program: null },
        { source_row: 11, no: null, kode: "2,07", tingkat: "bidang_urusan", kode_induk: null, kode_program: null },
        // Printed codes stay as printed; the parent comes from the kegiatan row above.
        { source_row: 22, no: "6", kode: "2.0701.2.05.0004", tingkat: "sub_kegiatan", kode_induk: "2.07.01.2.05", kode_program: "2.07.01" },
        { source_row: 23, no: "7", kode: "2.0701.2.05.0005", tingkat: "sub_kegiatan", kode_induk: "2.07.01.2.05", kode_program: "2.07.01" },
        { source_row: 49, no: "27", kode: "2.07.02.2.01.02", tingkat: "sub_kegiatan", kode_induk: "2.07.02.2.01", kode_program: "2.07.02" },
        { source_row: 59, no: "IV", kode: "2.07.04", tingkat: "program", kode_induk: null, kode_program: "2.07.04" },
        { source_row: 60, no: null, kode: "2.07.04.2.01", tingkat: "kegiatan", kode_induk: "2.07.04", kode_program: "2.07.04" },
        { source_row: 63, no: null, kode: null, tingkat: "sub_kegiatan", kode_induk: "2.07.04.2.01", kode_program: "2.07.04" },
        // Urusan "3" and bidang "3,32" are printed in the NO column; they close program 2.07.05.
        { source_row: 78, no: "3", kode: null, tingkat: "urusan", kode_induk: null, kode_program: null },
        { source_row: 79, no: "3,32", kode: null, tingkat: "bidang_urusan", kode_induk: null, kode_program: null },
        { source_row: 80, no: "VI", kode: "3.32.02", tingkat: "program", kode_induk: null, kode_program: "3.32.02" },
        { source_row: 84, no: "VII", kode: "3.32.04", tingkat: "program", kode_induk: null, kode_program: "3.32.04" },
      ]);
    });

    it("adds kegiatan 2.07.04.2.01 up to 8.472.399.000 only with the row printed without a code", async () => {
      const [sums] = await db.all(`SELECT
          sum(pagu)::VARCHAR AS semua,
          sum(pagu) FILTER (WHERE kode IS NOT NULL)::VARCHAR AS tanpa_baris_tanpa_kode,
          sum(realisasi)::VARCHAR AS realisasi,
          count(*)::INT AS n
        FROM staging.stg_budget_lampiran_c WHERE tingkat = 'sub_kegiatan' AND kode_induk = '2.07.04.2.01'`);
      expect(sums).toEqual({
        semua: "8472399000.000000",
        tanpa_baris_tanpa_kode: "8379000000.000000",
        realisasi: "7533555452.000000",
        n: 4,
      });
      const [kegiatan] = await db.all(`SELECT pagu::VARCHAR AS pagu, realisasi::VARCHAR AS realisasi
        FROM staging.stg_budget_lampiran_c WHERE kode = '2.07.04.2.01'`);
      expect(kegiatan).toEqual({ pagu: "8472399000.000000", realisasi: "7533555452.000000" });
    });

    it("keeps every money subtotal of the tree equal to the sum of its children", async () => {
      const broken = await db.all(`SELECT p.kode, p.pagu::VARCHAR AS pagu, sum(c.pagu)::VARCHAR AS anak
        FROM staging.stg_budget_lampiran_c p JOIN staging.stg_budget_lampiran_c c ON c.kode_induk = p.kode
        WHERE p.tingkat IN ('program', 'kegiatan')
        GROUP BY ALL HAVING p.pagu <> sum(c.pagu) OR p.realisasi <> sum(c.realisasi) OR p.sisa <> sum(c.sisa)`);
      expect(broken).toEqual([]);
      const parents = await db.value<string>(`SELECT count(DISTINCT kode_induk)::VARCHAR FROM staging.stg_budget_lampiran_c`);
      expect(parents).toBe("26");
    });

    it("records the unlabeled last row as the grand total of the program rows", async () => {
      const totals = await db.all(`SELECT kolom, nilai::VARCHAR AS nilai, teks, kolom_bagian, baris_bagian
        FROM raw.stated_totals WHERE source_file = '${LAMPIRAN_C}' AND lingkup = 'kolom' ORDER BY kolom`);
      const filter = "tingkat = 'program'";
      expect(totals).toEqual([
        { kolom: "bobot", nilai: "100.000000", teks: "100,00", kolom_bagian: ["bobot"], baris_bagian: filter },
        { kolom: "pagu", nilai: "52590180033.000000", teks: "52.590.180.033,00", kolom_bagian: ["pagu"], baris_bagian: filter },
        { kolom: "realisasi", nilai: "42790450791.000000", teks: "42.790.450.791,00", kolom_bagian: ["realisasi"], baris_bagian: filter },
        { kolom: "sisa", nilai: "9799729242.000000", teks: "9.799.729.242,00", kolom_bagian: ["sisa"], baris_bagian: filter },
        { kolom: "tertimbang_fisik", nilai: "98.630000", teks: "98,63", kolom_bagian: ["tertimbang_fisik"], baris_bagian: filter },
        { kolom: "tertimbang_keu", nilai: "81.400000", teks: "81,4", kolom_bagian: ["tertimbang_keu"], baris_bagian: filter },
      ]);
      const [programs] = await db.all(`SELECT sum(pagu)::VARCHAR AS pagu, sum(tertimbang_keu)::VARCHAR AS keu
        FROM staging.stg_budget_lampiran_c WHERE ${filter}`);
      // Money adds up; the printed 81,4 is the rounded 81,36 (a finding for the checks).
      expect(programs).toEqual({ pagu: "52590180033.000000", keu: "81.360000" });
      const inData = await db.value<string>(`SELECT count(*)::VARCHAR FROM staging.stg_budget_lampiran_c WHERE source_row = 88`);
      expect(inData).toBe("0");
    });

    it("flags malformed and missing codes, codes printed under NO, and ### cells", async () => {
      const flags = await db.all(`SELECT source_row, kolom, jenis, teks FROM raw.cell_flags
        WHERE source_file = '${LAMPIRAN_C}' AND jenis <> 'dash' ORDER BY source_row, kolom`);
      expect(flags).toEqual([
        { source_row: 11, kolom: "kode", jenis: "kode_tidak_valid", teks: "2,07" },
        { source_row: 22, kolom: "kode", jenis: "kode_tidak_valid", teks: "2.0701.2.05.0004" },
        { source_row: 23, kolom: "kode", jenis: "kode_tidak_valid", teks: "2.0701.2.05.0005" },
        { source_row: 49, kolom: "kode", jenis: "kode_tidak_valid", teks: "2.07.02.2.01.02" },
        { source_row: 63, kolom: "kode", jenis: "kode_tidak_valid", teks: null },
        { source_row: 77, kolom: "capaian", jenis: "broken", teks: "## Orang" },
        { source_row: 77, kolom: "target", jenis: "broken", teks: "### Orang" },
        { source_row: 78, kolom: "kode", jenis: "kode_tidak_valid", teks: null },
        { source_row: 78, kolom: "no", jenis: "kode_di_kolom_no", teks: "3" },
        { source_row: 79, kolom: "kode", jenis: "kode_tidak_valid", teks: null },
        { source_row: 79, kolom: "no", jenis: "kode_di_kolom_no", teks: "3,32" },
      ]);
      const [row77] = await db.all(`SELECT target, target_satuan, capaian, capaian_satuan, rea_fisik_pct::VARCHAR AS rea
        FROM staging.stg_budget_lampiran_c WHERE source_row = 77`);
      expect(row77).toEqual({ target: null, target_satuan: "Orang", capaian: null, capaian_satuan: "Orang", rea: "100.000000" });
    });

    it("reads '-' as zero (accounting format) and bracketed amounts as negative", async () => {
      const rows = await db.all(`SELECT source_row, pagu::VARCHAR AS pagu, bertambah_berkurang::VARCHAR AS bertambah,
          realisasi::VARCHAR AS realisasi, sisa::VARCHAR AS sisa
        FROM staging.stg_budget_lampiran_c WHERE source_row IN (15, 17, 45) ORDER BY source_row`);
      expect(rows).toEqual([
        { source_row: 15, pagu: "100000000.000000", bertambah: "0.000000", realisasi: "62318500.000000", sisa: "37681500.000000" },
        { source_row: 17, pagu: "9989876880.000000", bertambah: "-500000000.000000", realisasi: "8533818557.000000", sisa: "1456058323.000000" },
        { source_row: 45, pagu: "0.000000", bertambah: "-75000000.000000", realisasi: "0.000000", sisa: "0.000000" },
      ]);
      const [dashes] = await db.all(`SELECT count(*)::INT AS n, any_value(keterangan) AS ket FROM raw.cell_flags
        WHERE source_file = '${LAMPIRAN_C}' AND jenis = 'dash'`);
      // 39 "-" under BERTAMBAH plus the 7 figures of row 45 (pagu to sisa).
      expect(dashes).toEqual({ n: 46, ket: "tanda '-' dibaca sebagai nol" });
      // The changes of all sub-kegiatan add up to Tabel 2.6's Bertambah / Berkurang.
      const change = await db.value<string>(`SELECT sum(bertambah_berkurang)::VARCHAR FROM staging.stg_budget_lampiran_c WHERE tingkat = 'sub_kegiatan'`);
      expect(change).toBe("6552864698.000000");
    });

    it("records pagu = realisasi + sisa (SISA DANA (8-10)) as a row claim", async () => {
      const [claims] = await db.all(`SELECT count(*)::INT AS n, count(*) FILTER (WHERE kolom_bagian = ['realisasi', 'sisa'])::INT AS parts
        FROM raw.stated_totals WHERE source_file = '${LAMPIRAN_C}' AND lingkup = 'baris' AND kolom = 'pagu'`);
      expect(claims).toEqual({ n: 74, parts: 74 });
    });
  });

  describe("Tabel 3.22 / 3.23 realisasi per program", () => {
    it("loads the 2023 Pelatihan row exactly, with its inconsistent sisa", async () => {
      const [row] = await db.all(`SELECT program, anggaran::VARCHAR AS anggaran, realisasi::VARCHAR AS realisasi,
          realisasi_pct::VARCHAR AS pct, sisa::VARCHAR AS sisa, tahun
        FROM raw.budget_realisasi_program WHERE source_file = 'budget/realisasi_program_2023.csv' AND source_row = 2`);
      expect(row).toEqual({
        program: "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja",
        anggaran: "12833400000.000000",
        realisasi: "11954520480.000000",
        pct: "93.600000",
        sisa: "818752120.000000",
        tahun: 2023,
      });
      const [claim] = await db.all(`SELECT nilai::VARCHAR AS nilai, kolom_bagian FROM raw.stated_totals
        WHERE source_file = 'budget/realisasi_program_2023.csv' AND source_row = 2 AND lingkup = 'baris'`);
      expect(claim).toEqual({ nilai: "12833400000.000000", kolom_bagian: ["realisasi", "sisa"] });
    });

    it("forward-fills the merged Sasaran / Indikator cells without touching the printed ones", async () => {
      const rows = await db.all(`SELECT tahun, source_row, sasaran, sasaran_isi, indikator_isi FROM (SELECT tahun, source_row, sasaran_tercetak AS sasaran, sasaran AS sasaran_isi, indikator AS indikator_isi
        FROM staging.stg_budget_realisasi_program)
        WHERE source_row IN (3, 7) ORDER BY tahun, source_row`);
      expect(rows).toEqual([
        {
          tahun: 2023, source_row: 3, sasaran: null,
          sasaran_isi: "Meningkatnya kompetensi tenaga kerja yang produktif dan berdaya saing",
          indikator_isi: "Persentase Tenaga Kerja yang Bersertifikat Kompetensi",
        },
        {
          tahun: 2023, source_row: 7, sasaran: null,
          sasaran_isi: "Meningkatnya Perencanaan, Pembangunan dan Pengembangan kawasan transmigrasi baru",
          indikator_isi: "Jumlah Kawasan Transmigrasi yang direncanakan di bangun dan di kembangkan",
        },
        {
          tahun: 2024, source_row: 3, sasaran: null,
          sasaran_isi: "Meningkatnya kompetensi tenaga kerja yang produktif dan berdaya saing",
          indikator_isi: "Persentase Tenaga Kerja yang Bersertifikat Kompetensi",
        },
        {
          tahun: 2024, source_row: 7, sasaran: null,
          sasaran_isi: "Meningkatnya Perencanaan ,Pembangunan dan Pengembangan kawasan Transmigrasi baru",
          indikator_isi: "Jumlah Kawasan Transmigrasi yang direncanakan di bangun dan di kembangkan",
        },
      ]);
      const empty = await db.value<string>(`SELECT count(*)::VARCHAR FROM (SELECT tahun, source_row, sasaran_tercetak AS sasaran, sasaran AS sasaran_isi, indikator AS indikator_isi
        FROM staging.stg_budget_realisasi_program) WHERE sasaran_isi IS NULL OR indikator_isi IS NULL`);
      expect(empty).toBe("0");
    });

    it("keeps 'Total (Rp)' as stated totals, the percentage as a ratio", async () => {
      const totals = await db.all(`SELECT kolom, nilai::VARCHAR AS nilai, lingkup, kolom_bagian FROM raw.stated_totals
        WHERE source_file = 'budget/realisasi_program_2023.csv' AND label = 'Total (Rp)' ORDER BY kolom`);
      expect(totals).toEqual([
        { kolom: "anggaran", nilai: "41558444573.000000", lingkup: "kolom", kolom_bagian: ["anggaran"] },
        { kolom: "realisasi", nilai: "38741178180.000000", lingkup: "kolom", kolom_bagian: ["realisasi"] },
        { kolom: "realisasi_pct", nilai: "93.220000", lingkup: "rasio", kolom_bagian: ["realisasi", "anggaran"] },
        { kolom: "sisa", nilai: "2817266393.000000", lingkup: "kolom", kolom_bagian: ["sisa"] },
      ]);
      // The realisation column does not add up to the printed total (diff 60.127.400).
      const sum = await db.value<string>(`SELECT sum(realisasi)::VARCHAR FROM raw.budget_realisasi_program WHERE tahun = 2023`);
      expect(sum).toBe("38681050780.000000");
      const inData = await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.budget_realisasi_program WHERE sasaran ILIKE 'total%'`);
      expect(inData).toBe("0");
    });
  });

  describe("allocations (Tabel 2.6-2.9, Lampiran B)", () => {
    it("loads the Tabel 2.9 Penempatan row and its broken Sesudah = Sebelum + Bertambah claim", async () => {
      const [row] = await db.all(`SELECT program, sebelum::VARCHAR AS sebelum, sesudah::VARCHAR AS sesudah, bertambah_berkurang::VARCHAR AS bertambah
        FROM raw.budget_alokasi_program WHERE source_row = 4`);
      expect(row).toEqual({
        program: "Program Penempatan Tenaga Kerja",
        sebelum: "7959000000.000000",
        sesudah: "8672399000.000000",
        bertambah: "613399000.000000",
      });
      const [claim] = await db.all(`SELECT nilai::VARCHAR AS nilai, kolom_bagian FROM raw.stated_totals
        WHERE source_file = 'budget/alokasi_per_program_2024.csv' AND source_row = 4 AND lingkup = 'baris'`);
      expect(claim).toEqual({ nilai: "8672399000.000000", kolom_bagian: ["sebelum", "bertambah_berkurang"] });
    });

    it("reads 'Rp. -' as not stated and both bracket styles as negative", async () => {
      const notStated = await db.all(`SELECT source_row, sebelum::VARCHAR AS sebelum, sesudah, bertambah_berkurang
        FROM raw.budget_alokasi_program WHERE sesudah IS NULL ORDER BY source_row`);
      expect(notStated).toEqual([
        { source_row: 5, sebelum: "100000000.000000", sesudah: null, bertambah_berkurang: null },
        { source_row: 7, sebelum: "1100000000.000000", sesudah: null, bertambah_berkurang: null },
        { source_row: 8, sebelum: "300000000.000000", sesudah: null, bertambah_berkurang: null },
      ]);
      const flags = await db.all(`SELECT source_row, kolom, teks, keterangan FROM raw.cell_flags
        WHERE source_file = 'budget/alokasi_per_sasaran_2024.csv' ORDER BY kolom`);
      expect(flags).toEqual([
        { source_row: 6, kolom: "bertambah_berkurang", teks: "Rp. -", keterangan: "tanda '-' dibaca sebagai tidak dinyatakan" },
        { source_row: 6, kolom: "sesudah", teks: "Rp. -", keterangan: "tanda '-' dibaca sebagai tidak dinyatakan" },
      ]);
      const negatives = await db.all(`
        SELECT 'belanja' AS t, bertambah_berkurang::VARCHAR AS v FROM raw.budget_alokasi_uraian WHERE uraian = 'Belanja Modal'
        UNION ALL SELECT 'sasaran', bertambah_berkurang::VARCHAR FROM raw.budget_alokasi_sasaran WHERE source_row = 2
        UNION ALL SELECT 'program', bertambah_berkurang::VARCHAR FROM raw.budget_alokasi_program WHERE source_row = 2
        ORDER BY t`);
      expect(negatives).toEqual([
        { t: "belanja", v: "-989390100.000000" },
        { t: "program", v: "-145172002.000000" },
        { t: "sasaran", v: "-145172002.000000" },
      ]);
    });

    it("maps the printed headers of Tabel 2.6 to its columns (the header row is not data)", async () => {
      const cols = await db.all(`SELECT kolom, source_column, huruf_kolom FROM raw.source_columns
        WHERE source_file = 'budget/alokasi_anggaran_2024.csv' ORDER BY posisi`);
      expect(cols).toEqual([
        { kolom: "uraian", source_column: "Uraian", huruf_kolom: "A" },
        { kolom: "sebelum", source_column: "Sebelum Perubahan", huruf_kolom: "B" },
        { kolom: "sesudah", source_column: "Sesudah Perubahan", huruf_kolom: "C" },
        { kolom: "bertambah_berkurang", source_column: "Bertambah / Berkurang", huruf_kolom: "D" },
      ]);
      const [row] = await db.all(`SELECT sebelum::VARCHAR AS sebelum, sesudah::VARCHAR AS sesudah, bertambah_berkurang::VARCHAR AS bertambah
        FROM raw.budget_alokasi_uraian WHERE source_file = 'budget/alokasi_anggaran_2024.csv'`);
      expect(row).toEqual({ sebelum: "46037315335.000000", sesudah: "52590180033.000000", bertambah: "6552864698.000000" });
    });

    it("keeps Tabel 2.6 and 2.7 in one table and Lampiran B's JUMLAH ANGGARAN as a stated total", async () => {
      const uraian = await db.all(`SELECT source_file, uraian, sesudah::VARCHAR AS sesudah FROM raw.budget_alokasi_uraian ORDER BY source_file, source_row`);
      expect(uraian).toEqual([
        { source_file: "budget/alokasi_anggaran_2024.csv", uraian: "Alokasi Anggaran", sesudah: "52590180033.000000" },
        { source_file: "budget/alokasi_belanja_2024.csv", uraian: "Belanja Operasi", sesudah: "50986928133.000000" },
        { source_file: "budget/alokasi_belanja_2024.csv", uraian: "Belanja Modal", sesudah: "1603251900.000000" },
      ]);
      const [jumlah] = await db.all(`SELECT label, nilai::VARCHAR AS nilai FROM raw.stated_totals
        WHERE source_file = 'budget/kegiatan_anggaran_perubahan_2024.csv' AND lingkup = 'kolom'`);
      expect(jumlah).toEqual({ label: "JUMLAH ANGGARAN", nilai: "52590180033.000000" });
      const sum = await db.value<string>(`SELECT sum(anggaran)::VARCHAR FROM raw.budget_kegiatan_anggaran_perubahan`);
      expect(sum).toBe("52590180033.000000");
    });
  });
});
