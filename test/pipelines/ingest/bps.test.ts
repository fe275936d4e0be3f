import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, copySources, loadAndModel } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

const STAGING = ["staging.stg_bps_kabkota_tahun"];
let db: Db;
beforeAll(async () => {
  // The long table (one row per printed cell) is the staging model.
  db = await loadAndModel(byFamily("bps"), STAGING);
});
afterAll(() => db.close());

/** Loads the bps family from a copy of the sources changed by `edit`. */
async function loadEdited(edit: (dir: string) => Promise<void>): Promise<Db> {
  const dir = await copySources();
  await edit(dir);
  return loadAndModel(byFamily("bps"), STAGING, dir);
}

async function replaceIn(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, "utf8");
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

describe("bps loader", () => {
  it("loads every file with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "bps");
  });

  it("keeps the BPS tables' title lines and footnotes as notes, not data", async () => {
    const notes = await db.all(`SELECT source_row, jenis, teks FROM raw.source_notes
      WHERE source_file = 'bps/tpt_kabkota.csv' ORDER BY source_row`);
    expect(notes).toEqual([
      { source_row: 1, jenis: "judul", teks: "Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)" },
      { source_row: 6, jenis: "catatan", teks: "Sumber: Badan Pusat Statistik, Survei Angkatan Kerja Nasional (Sakernas) Agustus" },
      { source_row: 7, jenis: "catatan", teks: "Catatan: angka dikutip dalam LKjIP 2024 Distransnaker Kukar (III.1, tabel capaian IKU Pemerintah Daerah)" },
    ]);
    const titles = await db.all(`SELECT source_file, teks FROM raw.source_notes WHERE jenis = 'judul' AND source_file LIKE 'bps/%kabkota.csv' ORDER BY 1`);
    expect(titles).toEqual([
      { source_file: "bps/angkatan_kerja_kabkota.csv", teks: "Jumlah Angkatan Kerja Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Jiwa)" },
      { source_file: "bps/penduduk_bekerja_kabkota.csv", teks: "Jumlah Penduduk yang Bekerja Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Jiwa)" },
      { source_file: "bps/tpt_kabkota.csv", teks: "Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)" },
    ]);
    const footnotes = await db.all(`SELECT source_file, list(source_row ORDER BY source_row) AS baris FROM raw.source_notes
      WHERE jenis = 'catatan' GROUP BY 1 ORDER BY 1`);
    expect(footnotes).toEqual([
      { source_file: "bps/angkatan_kerja_kabkota.csv", baris: [6, 7] },
      { source_file: "bps/penduduk_bekerja_kabkota.csv", baris: [6, 7] },
      { source_file: "bps/tpt_kabkota.csv", baris: [6, 7] },
    ]);
  });

  it("builds the long table (staging): measure from the title, region code from the name, provenance down to the cell", async () => {
    const rows = await db.all(`
      SELECT l.source_file, l.source_row, l.source_column, s.huruf_kolom, l.kode_wilayah, l.nama_wilayah, l.tahun, l.ukuran, l.nilai::VARCHAR AS nilai
      FROM staging.stg_bps_kabkota_tahun l
      JOIN raw.source_columns s ON s.source_file = l.source_file AND s.source_column = l.source_column
      ORDER BY l.ukuran`);
    expect(rows).toEqual([
      { source_file: "bps/angkatan_kerja_kabkota.csv", source_row: 4, source_column: "2024", huruf_kolom: "B", kode_wilayah: "6403", nama_wilayah: "Kutai Kartanegara", tahun: 2024, ukuran: "angkatan_kerja", nilai: "371349.000000" },
      { source_file: "bps/penduduk_bekerja_kabkota.csv", source_row: 4, source_column: "2024", huruf_kolom: "B", kode_wilayah: "6403", nama_wilayah: "Kutai Kartanegara", tahun: 2024, ukuran: "bekerja", nilai: "356298.000000" },
      { source_file: "bps/tpt_kabkota.csv", source_row: 4, source_column: "2024", huruf_kolom: "B", kode_wilayah: "6403", nama_wilayah: "Kutai Kartanegara", tahun: 2024, ukuran: "tpt", nilai: "4.050000" },
    ]);
    // The sha in the long table is the file's, so a changed file cannot pass for the loaded one.
    const sha = await db.all(`SELECT count(*)::INT AS n FROM staging.stg_bps_kabkota_tahun l
      JOIN raw.source_files f ON f.source_file = l.source_file AND f.source_sha256 = l.source_sha256`);
    expect(sha).toEqual([{ n: 3 }]);
    // The wide table stays wide, its rows coded with the region they are about.
    const wide = await db.all(`SELECT source_row, kode_wilayah, tahun, tahun_2024::VARCHAR AS tahun_2024, tahun_2023 FROM raw.bps_kabkota_tahun
      WHERE source_file = 'bps/tpt_kabkota.csv'`);
    expect(wide).toEqual([{ source_row: 4, kode_wilayah: "6403", tahun: 2024, tahun_2024: "4.050000", tahun_2023: null }]);
  });

  it("keeps both published TPT figures for Kukar 2024, each with its source", async () => {
    const rows = await db.all(`SELECT source_row, kode_wilayah, tahun, nilai::VARCHAR AS nilai, satuan, url_sumber
      FROM raw.bps_published_figures WHERE kode_wilayah = '6403' AND ukuran = 'tpt' AND tahun = 2024 ORDER BY source_row`);
    expect(rows).toEqual([
      { source_row: 9, kode_wilayah: "6403", tahun: 2024, nilai: "4.110000", satuan: "percent", url_sumber: "https://presisi.co/read/2026/02/13/19661/tingkat-pengangguran-terbuka-di-kukar-naik-ke-angka-440-persen-apa-solusinya" },
      { source_row: 19, kode_wilayah: "6403", tahun: 2024, nilai: "4.050000", satuan: "percent", url_sumber: "https://eksekutor.com/?p=95762" },
    ]);
  });

  it("sets provenance region and year from each published row (empty year stays empty)", async () => {
    const rows = await db.all(`SELECT source_file, count(*)::INT AS n, count(*) FILTER (kode_wilayah IS DISTINCT FROM kode_bps)::INT AS other_code,
        count(*) FILTER (tahun IS NULL)::INT AS no_year
      FROM raw.bps_published_figures GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { source_file: "bps/published-figures/labour_force.csv", n: 130, other_code: 0, no_year: 0 },
      { source_file: "bps/published-figures/other.csv", n: 57, other_code: 0, no_year: 26 },
    ]);
    const codeRow = await db.all(`SELECT kode_wilayah, tahun, tahun_data, ukuran, nilai::VARCHAR AS nilai FROM raw.bps_published_figures
      WHERE source_file = 'bps/published-figures/other.csv' AND source_row = 17`);
    expect(codeRow).toEqual([{ kode_wilayah: "6403", tahun: null, tahun_data: null, ukuran: "kemendagri_style_code", nilai: "6402.000000" }]);
    // Decimals read machine-style: "1846.55" thousand persons, not 184655.
    const thousands = await db.all(`SELECT nilai::VARCHAR AS nilai, satuan FROM raw.bps_published_figures
      WHERE source_file = 'bps/published-figures/labour_force.csv' AND kode_wilayah = '64' AND tahun = 2021 AND ukuran = 'angkatan_kerja' AND satuan = 'thousand persons'`);
    expect(thousands).toEqual([{ nilai: "1846.550000", satuan: "thousand persons" }]);
  });

  it("keeps every published 2024 UMK for Kukar, the wrong 3565506 included", async () => {
    const rows = await db.all(`SELECT source_row, kode_wilayah, jenis_upah, nilai_rupiah::VARCHAR AS nilai_rupiah
      FROM raw.bps_published_wages WHERE kode_wilayah = '6403' AND tahun = 2024 AND jenis_upah LIKE 'UMK%' ORDER BY source_row`);
    expect(rows).toEqual([
      { source_row: 10, kode_wilayah: "6403", jenis_upah: "UMK", nilai_rupiah: "3536506.280000" },
      { source_row: 11, kode_wilayah: "6403", jenis_upah: "UMK", nilai_rupiah: "3536506.280000" },
      { source_row: 12, kode_wilayah: "6403", jenis_upah: "UMK", nilai_rupiah: "3536506.280000" },
      { source_row: 13, kode_wilayah: "6403", jenis_upah: "UMK (rounded in source)", nilai_rupiah: "3536506.000000" },
      { source_row: 14, kode_wilayah: "6403", jenis_upah: "UMK (as stated)", nilai_rupiah: "3565506.000000" },
      { source_row: 16, kode_wilayah: "6403", jenis_upah: "UMK", nilai_rupiah: "3536506.280000" },
    ]);
  });

  it("loads the region master with one code per name", async () => {
    const rows = await db.all(`SELECT kode_wilayah, kode_bps, nama_wilayah FROM raw.bps_wilayah ORDER BY kode_bps`);
    expect(rows.length).toBe(11);
    expect(rows[0]).toEqual({ kode_wilayah: "64", kode_bps: "64", nama_wilayah: "Provinsi Kalimantan Timur" });
    expect(rows).toContainEqual({ kode_wilayah: "6403", kode_bps: "6403", nama_wilayah: "Kabupaten Kutai Kartanegara" });
  });

  it("fails naming file, row and column when a BPS table names an unknown region", async () => {
    const load = loadEdited((dir) => replaceIn(join(dir, "bps/tpt_kabkota.csv"), "Kutai Kartanegara,", "Kutai Kertanegara,"));
    await expect(load).rejects.toThrow(/bps\/tpt_kabkota\.csv, baris 4, kolom "Kabupaten\/Kota": nama wilayah tidak ada dalam referensi wilayah.*"Kutai Kertanegara"/);
  });

  it("fails naming the file when a BPS table's title names no known measure", async () => {
    const load = loadEdited((dir) =>
      replaceIn(join(dir, "bps/tpt_kabkota.csv"), "Tingkat Pengangguran Terbuka Menurut", "Tingkat Partisipasi Angkatan Kerja Menurut"),
    );
    await expect(load).rejects.toThrow(/bps\/tpt_kabkota\.csv, baris 1: judul tabel BPS tidak menyebut ukuran yang dikenal/);
  });

  it("fails when a name or alias of the region master points at two codes", async () => {
    const load = loadEdited((dir) => replaceIn(join(dir, "bps/wilayah_kaltim.csv"), "Bontang\n", "Bontang|Kukar\n"));
    await expect(load).rejects.toThrow(/bps\/wilayah_kaltim\.csv, baris \d+, kolom "alias": nama\/alias wilayah menunjuk lebih dari satu kode: 6403, 6474 \(isi sel: "Kukar"\)/);
  });

  it("reads a contiguous BPS table through DuckDB with exact rows, dashes as missing and the province coded 64", async () => {
    const dl = await loadEdited(async (dir) => {
      await writeFile(
        join(dir, "bps/tpt_kabkota_uji.csv"),
        [
          "Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)",
          "Kabupaten/Kota,2023,2024",
          'Mahakam Ulu,-,"1,50"',
          'KUTAI  KARTANEGARA,"2,25","3,75"',
          'Kalimantan Timur,"5,00","6,00"',
          '"Sumber: berkas uji, bukan angka BPS"',
          "",
        ].join("\n"),
      );
      await appendFile(join(dir, "catalogue.csv"), "bps/tpt_kabkota_uji.csv,bps,bps.kabkota_tahun,64,2024,csv,uji,uji,uji,\n");
    });
    try {
      const rows = await dl.all(`SELECT source_row, source_column, kode_wilayah, nama_wilayah, tahun, nilai::VARCHAR AS nilai
        FROM staging.stg_bps_kabkota_tahun WHERE source_file = 'bps/tpt_kabkota_uji.csv' ORDER BY source_row, tahun`);
      expect(rows).toEqual([
        { source_row: 3, source_column: "2023", kode_wilayah: "6411", nama_wilayah: "Mahakam Ulu", tahun: 2023, nilai: null },
        { source_row: 3, source_column: "2024", kode_wilayah: "6411", nama_wilayah: "Mahakam Ulu", tahun: 2024, nilai: "1.500000" },
        { source_row: 4, source_column: "2023", kode_wilayah: "6403", nama_wilayah: "KUTAI  KARTANEGARA", tahun: 2023, nilai: "2.250000" },
        { source_row: 4, source_column: "2024", kode_wilayah: "6403", nama_wilayah: "KUTAI  KARTANEGARA", tahun: 2024, nilai: "3.750000" },
        { source_row: 5, source_column: "2023", kode_wilayah: "64", nama_wilayah: "Kalimantan Timur", tahun: 2023, nilai: "5.000000" },
        { source_row: 5, source_column: "2024", kode_wilayah: "64", nama_wilayah: "Kalimantan Timur", tahun: 2024, nilai: "6.000000" },
      ]);
      const flags = await dl.all(`SELECT source_row, source_column, kode_wilayah, jenis, teks FROM raw.cell_flags WHERE source_file = 'bps/tpt_kabkota_uji.csv'`);
      expect(flags).toEqual([{ source_row: 3, source_column: "2023", kode_wilayah: "6411", jenis: "dash", teks: "-" }]);
      const notes = await dl.all(`SELECT source_row, jenis FROM raw.source_notes WHERE source_file = 'bps/tpt_kabkota_uji.csv' ORDER BY 1`);
      expect(notes).toEqual([{ source_row: 1, jenis: "judul" }, { source_row: 6, jenis: "catatan" }]);
    } finally {
      dl.close();
    }
  });
});
