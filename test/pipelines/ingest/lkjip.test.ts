import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, loadAndModel, SOURCES } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

/** The claims as the ingest tests name their columns (the printed header is judul_kolom there). */
const KLAIM = "(SELECT *, judul_kolom AS source_column FROM intermediate.int_lkjip_klaim)";

let db: Db;
beforeAll(async () => {
  // Row context (table, row order, merged cells) is the staging models'; the claims are unpivoted
  // by intermediate.int_lkjip_klaim.
  db = await loadAndModel(byFamily("lkjip"), ["intermediate.int_lkjip_klaim"]);
});
afterAll(() => db.close());

/** Printed headers of row-label columns; every other column of an lkjip file holds claims. */
const LABEL_HEADERS = new Set(
  [
    "No", "No.", "SASARAN", "Sasaran Strategis", "INDIKATOR", "INDIKATOR KINERJA UTAMA", "Indikator Kinerja",
    "Indikator kinerja Sasaran", "IKU", "Formulasi Penghitungan", "SATUAN", "Program", "Program Penunjang",
    "Bagian", "Paragraf", "Ukuran", "Tahun",
  ].map((h) => h.toLowerCase()),
);

/** Non-empty claim cells per file, counted straight from the CSVs (independent of the layouts). */
function claimCellsInSources(): Record<string, number> {
  const dir = join(SOURCES, "lkjip/2024");
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    const [header, ...body]: string[][] = parse(readFileSync(join(dir, name), "utf8"), { relax_column_count: true });
    out[`lkjip/2024/${name}`] = body
      .flatMap((row) => row.filter((cell, j) => !LABEL_HEADERS.has(header![j]!.trim().toLowerCase()) && cell.trim() !== ""))
      .length;
  }
  return out;
}

async function claim(where: string) {
  return db.all(`SELECT tabel, urutan, label_baris, kolom, source_column, teks, nilai::VARCHAR AS nilai, desimal, persen, satuan_sel
    FROM ${KLAIM} WHERE ${where} ORDER BY source_file, source_row, kolom`);
}

describe("lkjip loader", () => {
  it("loads every table of the report with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "lkjip");
  });

  it("records no printed totals and no cell flags (the tables have none)", async () => {
    expect(await db.value(`SELECT count(*)::INT FROM raw.stated_totals`)).toBe(0);
    expect(await db.value(`SELECT count(*)::INT FROM raw.cell_flags`)).toBe(0);
  });

  it("numbers the tables from the file names and the rows within each file", async () => {
    const tabel = await db.all(`SELECT DISTINCT tabel FROM ${KLAIM} ORDER BY tabel`);
    expect(tabel.map((r) => r.tabel)).toEqual([
      "2.5", "3.11", "3.13", "3.15", "3.16", "3.17", "3.18", "3.19", "3.2", "3.20", "3.21", "3.4", "3.5", "3.7", "3.9",
      "IKU RPJMD", "narasi",
    ]);
    const ranges = await db.all(`SELECT tabel, min(urutan)::INT AS lo, max(urutan)::INT AS hi, count(*)::INT AS n
      FROM staging.stg_lkjip_capaian_kinerja GROUP BY tabel`);
    expect(ranges).toEqual([{ tabel: "3.2", lo: 1, hi: 48, n: 48 }]);
    const shared = await db.all(`SELECT tabel, urutan, indikator FROM staging.stg_lkjip_capaian_indikator ORDER BY source_file`);
    expect(shared.map((r) => r.tabel)).toEqual(["3.11", "3.13", "3.15", "3.4", "3.7", "3.9"]);
    expect(shared.every((r) => r.urutan === 1)).toBe(true);
  });

  it("forward-fills merged No./Sasaran cells into *_isi and leaves the printed cells empty", async () => {
    const pk = await db.all(`SELECT source_row, urutan, no, no_isi, sasaran, sasaran_isi FROM staging.stg_lkjip_perjanjian_kinerja
      WHERE source_row IN (7, 8, 9) ORDER BY source_row`);
    const lhkpn = "Mewujudkan Tingkat Kepatuhan atas Laporan Harta Kekayaan Aparatur Negara";
    expect(pk).toEqual([
      { source_row: 7, urutan: 6, no: "6", no_isi: "6", sasaran: lhkpn, sasaran_isi: lhkpn },
      { source_row: 8, urutan: 7, no: null, no_isi: "6", sasaran: null, sasaran_isi: lhkpn },
      {
        source_row: 9, urutan: 8, no: "7", no_isi: "7",
        sasaran: "Mewujudkan Tingkat Kepatuhan Penyampaian Sasarn Kinerja Pegawai (SKP)",
        sasaran_isi: "Mewujudkan Tingkat Kepatuhan Penyampaian Sasarn Kinerja Pegawai (SKP)",
      },
    ]);
    const iku = await db.all(`SELECT indikator, sasaran, sasaran_isi FROM staging.stg_lkjip_capaian_iku_rpjmd WHERE source_row = 3`);
    expect(iku).toEqual([{ indikator: "PDRB per Kapita", sasaran: null, sasaran_isi: "Menurunnya Pengangguran di Masyarakat" }]);
  });

  it("has one claim row per non-empty value cell of every lkjip CSV", async () => {
    const expected = claimCellsInSources();
    const rows = await db.all<{ source_file: string; n: number }>(
      `SELECT source_file, count(*)::INT AS n FROM ${KLAIM} GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.source_file, r.n]))).toEqual(expected);
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(591);
    const empty = await db.value(`SELECT count(*)::INT FROM ${KLAIM} WHERE teks IS NULL OR trim(teks) = ''`);
    expect(empty).toBe(0);
  });

  it("Tabel 3.2: SAKIP 71,50 / 70,92 / 99,18 and investment 7,3T / 14,8T", async () => {
    expect(await claim(`tabel = '3.2' AND urutan = 1`)).toEqual([
      { tabel: "3.2", urutan: 1, label_baris: "Nilai SAKIP Perangkat Daerah", kolom: "capaian", source_column: "CAPAIAN KINERJA (%)", teks: "99,18", nilai: "99.180000", desimal: 2, persen: false, satuan_sel: null },
      { tabel: "3.2", urutan: 1, label_baris: "Nilai SAKIP Perangkat Daerah", kolom: "kriteria", source_column: "KRITERIA PENILAIAN", teks: "Sangat Tinggi", nilai: null, desimal: null, persen: false, satuan_sel: null },
      { tabel: "3.2", urutan: 1, label_baris: "Nilai SAKIP Perangkat Daerah", kolom: "realisasi", source_column: "REALISASI", teks: "70,92", nilai: "70.920000", desimal: 2, persen: false, satuan_sel: null },
      { tabel: "3.2", urutan: 1, label_baris: "Nilai SAKIP Perangkat Daerah", kolom: "target", source_column: "TARGET", teks: "71,50", nilai: "71.500000", desimal: 2, persen: false, satuan_sel: null },
    ]);
    const investasi = await claim(`tabel = '3.2' AND label_baris = 'Capaian Investasi Kabupaten Kutai Kartanegara' AND kolom IN ('target', 'realisasi')`);
    expect(investasi.map((r) => [r.kolom, r.teks, r.nilai, r.desimal])).toEqual([
      ["realisasi", "14,8T", "14800000000000.000000", 1],
      ["target", "7,3T", "7300000000000.000000", 1],
    ]);
    // The second "Nilai SAKIP Perangkat Daerah" row (sasaran 25) is a different claim: urutan keeps them apart.
    const sakip = await db.all(`SELECT urutan, teks FROM ${KLAIM}
      WHERE tabel = '3.2' AND label_baris = 'Nilai SAKIP Perangkat Daerah' AND kolom = 'target' ORDER BY urutan`);
    expect(sakip).toEqual([{ urutan: 1, teks: "71,50" }, { urutan: 26, teks: "100" }]);
  });

  it("Tabel 3.18: 2023 SAKIP percentage 114% is flagged as a percent", async () => {
    const rows = await claim(`tabel = '3.18' AND urutan = 1 AND kolom IN ('capaian_2023', 'capaian_2024')`);
    expect(rows).toEqual([
      { tabel: "3.18", urutan: 1, label_baris: "Predikat Akuntabilitas Kinerja Dinas Transmigrasi dan Tenaga Kerja", kolom: "capaian_2023", source_column: "Tahun 2023 / Persentase Realisasi Kinerja", teks: "114%", nilai: "114.000000", desimal: 0, persen: true, satuan_sel: null },
      { tabel: "3.18", urutan: 1, label_baris: "Predikat Akuntabilitas Kinerja Dinas Transmigrasi dan Tenaga Kerja", kolom: "capaian_2024", source_column: "Tahun 2024 / Persentase Realisasi Kinerja", teks: "99,18%", nilai: "99.180000", desimal: 2, persen: true, satuan_sel: null },
    ]);
  });

  it("Tabel 3.16: the printed computation is kept verbatim with no number", async () => {
    const rows = await claim(`tabel = '3.16' AND urutan = 2`);
    expect(rows).toEqual([
      { tabel: "3.16", urutan: 2, label_baris: "Persentase Pencari Kerja yang terdaftar ditempatkan", kolom: "hasil", source_column: "Hasil", teks: "18,86%", nilai: "18.860000", desimal: 2, persen: true, satuan_sel: null },
      { tabel: "3.16", urutan: 2, label_baris: "Persentase Pencari Kerja yang terdaftar ditempatkan", kolom: "perhitungan", source_column: "Angka Perhitungan", teks: "(1.963 / 10.408 x 100)", nilai: null, desimal: null, persen: false, satuan_sel: null },
    ]);
    const noNumber = await db.all(`SELECT teks FROM ${KLAIM} WHERE tabel = '3.16' AND kolom = 'perhitungan' AND nilai IS NULL ORDER BY urutan`);
    expect(noNumber.map((r) => r.teks)).toEqual([
      "(2.370 / 10.408 x 100)", "(1.963 / 10.408 x 100)", "(88 Kasus / 88 Terdaftar x 100)", "(4 Dokumen / 4 Dokumen x 100)",
    ]);
  });

  it("keys follow meaning while source_column keeps the printed header (Tabel 3.4 'Capaian' is the realisation)", async () => {
    const rows = await db.all(`SELECT kolom, source_column, teks FROM ${KLAIM} WHERE tabel = '3.4' ORDER BY kolom`);
    expect(rows).toEqual([
      { kolom: "capaian", source_column: "Persentase", teks: "99,18" },
      { kolom: "realisasi", source_column: "Capaian", teks: "70,92" },
      { kolom: "target", source_column: "Target", teks: "71,50" },
    ]);
  });

  it("narasi: the 73T investment target, labels from Bagian | Paragraf | Ukuran, unit words read as quantities", async () => {
    expect(await claim(`tabel = 'narasi' AND teks = '73T'`)).toEqual([
      {
        tabel: "narasi", urutan: 110, label_baris: "III.1 | Indikator Kinerja ke-33 | Target Capaian Investasi Kabupaten",
        kolom: "klaim", source_column: "Nilai", teks: "73T", nilai: "73000000000000.000000", desimal: 0, persen: false, satuan_sel: null,
      },
    ]);
    const units = await db.all(`SELECT teks, nilai::VARCHAR AS nilai, desimal, satuan_sel FROM ${KLAIM}
      WHERE tabel = 'narasi' AND urutan IN (6, 161, 173, 184, 201, 217, 92) ORDER BY urutan`);
    expect(units).toEqual([
      { teks: "4,40 Persen", nilai: "4.400000", desimal: 2, satuan_sel: "Persen" },
      { teks: "ke-24", nilai: null, desimal: null, satuan_sel: null },
      { teks: "70,92 (Tujuh Puluh Koma Sembilan Dua)", nilai: "70.920000", desimal: 2, satuan_sel: "(Tujuh Puluh Koma Sembilan Dua)" },
      { teks: "2.370 Orang", nilai: "2370.000000", desimal: 0, satuan_sel: "Orang" },
      { teks: "4 (Empat) Dokumen", nilai: "4.000000", desimal: 0, satuan_sel: "(Empat) Dokumen" },
      { teks: "Belum Tercapai", nilai: null, desimal: null, satuan_sel: null },
      { teks: "Rp. 52.590.180.033,-", nilai: "52590180033.000000", desimal: 0, satuan_sel: null },
    ]);
    // The table as loaded keeps the strict teks_angka reading: no number for a figure with a unit word.
    const raw = await db.all(`SELECT klaim, klaim_nilai::VARCHAR AS klaim_nilai, tahun, tahun_klaim FROM staging.stg_lkjip_narasi WHERE urutan IN (173, 203) ORDER BY urutan`);
    expect(raw).toEqual([
      { klaim: "2.370 Orang", klaim_nilai: null, tahun: 2024, tahun_klaim: "2024" },
      { klaim: "93,22%", klaim_nilai: "93.220000", tahun: 2024, tahun_klaim: "2023" },
    ]);
  });
});
