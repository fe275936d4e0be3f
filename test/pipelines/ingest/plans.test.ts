import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../pipelines/lib/duckdb.js";
import { byFamily, copySources, loadAndModel, loadRaw, SOURCES } from "../../helpers/warehouse.js";
import { expectMatchesSeed } from "../../helpers/expected.js";

let db: Db;
beforeAll(async () => {
  // Merged cells and row numbers are derived by the staging models (macro isi).
  db = await loadAndModel(byFamily("plans"), [
    "staging.stg_plans_perjanjian_kinerja",
    "staging.stg_plans_keselarasan_program",
    "staging.stg_plans_tujuan_sasaran_dinas",
  ]);
});
afterAll(() => db.close());

describe("plans loader", () => {
  it("loads every plans file with the seed's row counts and cells", async () => {
    await expectMatchesSeed(db, "plans");
  });

  it("PK: 48 indicator rows addressed by urutan; sasaran 6's second indicator inherits No. and SASARAN", async () => {
    const rows = await db.all(`SELECT urutan, source_row, no, no_isi, sasaran, sasaran_isi, satuan, target
      FROM (SELECT urutan, source_row, no_tercetak AS no, no_pk AS no_isi, sasaran_tercetak AS sasaran, sasaran AS sasaran_isi, satuan,
        target_teks AS target, target AS target_nilai, target_desimal FROM staging.stg_plans_perjanjian_kinerja) WHERE urutan IN (6, 7, 8) ORDER BY urutan`);
    const sasaran6 = "Mewujudkan Tingkat Kepatuhan atas Laporan Harta Kekayaan Aparatur Negara";
    expect(rows).toEqual([
      { urutan: 6, source_row: 7, no: "6", no_isi: "6", sasaran: sasaran6, sasaran_isi: sasaran6, satuan: "Persen", target: "100" },
      { urutan: 7, source_row: 8, no: null, no_isi: "6", sasaran: null, sasaran_isi: sasaran6, satuan: "Persen", target: "100" },
      {
        urutan: 8, source_row: 9, no: "7", no_isi: "7",
        sasaran: "Mewujudkan Tingkat Kepatuhan Penyampaian Sasaran Kinerja Pegawai (SKP)",
        sasaran_isi: "Mewujudkan Tingkat Kepatuhan Penyampaian Sasaran Kinerja Pegawai (SKP)",
        satuan: "Persen", target: "100",
      },
    ]);
    const span = await db.all(`SELECT min(urutan) AS lo, max(urutan) AS hi, count(DISTINCT urutan)::INT AS n,
        count(DISTINCT no_isi)::INT AS sasaran, count(*) FILTER (WHERE sasaran_isi IS NULL OR no_isi IS NULL)::INT AS unfilled
      FROM (SELECT urutan, source_row, no_tercetak AS no, no_pk AS no_isi, sasaran_tercetak AS sasaran, sasaran AS sasaran_isi, satuan,
        target_teks AS target, target AS target_nilai, target_desimal FROM staging.stg_plans_perjanjian_kinerja)`);
    expect(span).toEqual([{ lo: 1, hi: 48, n: 48, sasaran: 47, unfilled: 0 }]);
  });

  it("PK targets keep the printed claim next to its number", async () => {
    const rows = await db.all(`SELECT no, satuan, target, target_nilai::VARCHAR AS nilai, target_desimal AS desimal
      FROM raw.plans_perjanjian_kinerja WHERE no IN ('1', '20', '33', '36', '41') ORDER BY source_row`);
    expect(rows).toEqual([
      { no: "1", satuan: "Nilai", target: "71,50", nilai: "71.500000", desimal: 2 },
      { no: "20", satuan: "Pesen", target: "100", nilai: "100.000000", desimal: 0 },
      { no: "33", satuan: "Rupiah", target: "7,3T", nilai: "7300000000000.000000", desimal: 1 },
      { no: "36", satuan: "Nilai", target: "3,6", nilai: "3.600000", desimal: 1 },
      { no: "41", satuan: "Predikat", target: "Zona Hijau", nilai: null, desimal: null },
    ]);
  });

  it("Renstra targets: printed years as numbers, unprinted years empty", async () => {
    const rows = await db.all(`SELECT indikator, target_2021, target_2023, target_2023_nilai::VARCHAR AS t2023,
        target_2024_nilai::VARCHAR AS t2024, target_akhir, target_akhir_nilai::VARCHAR AS akhir
      FROM raw.plans_renstra_target WHERE indikator IN ('Persentase Pencari Kerja yang terdaftar ditempatkan', 'Tingkat Kesempatan Kerja')
      ORDER BY source_row`);
    expect(rows).toEqual([
      { indikator: "Persentase Pencari Kerja yang terdaftar ditempatkan", target_2021: null, target_2023: "8,39", t2023: "8.390000", t2024: "10.370000", target_akhir: "51,85", akhir: "51.850000" },
      { indikator: "Tingkat Kesempatan Kerja", target_2021: null, target_2023: null, t2023: null, t2024: "95.600000", target_akhir: null, akhir: null },
    ]);
  });

  it("Tabel 2.4: one row per kegiatan, with Sasaran/Indikator/Program carried down to continuation rows", async () => {
    const rows = await db.all(`SELECT program_tercetak AS program, program AS program_isi, count(*)::INT AS kegiatan
      FROM staging.stg_plans_keselarasan_program GROUP BY ALL ORDER BY min(source_row)`);
    const penunjang = "Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota";
    expect(rows).toEqual([
      { program: "Program Pelatihan kerja dan Produktivitas Tenaga Kerja", program_isi: "Program Pelatihan kerja dan Produktivitas Tenaga Kerja", kegiatan: 1 },
      { program: "Program Penempatan Tenaga Kerja", program_isi: "Program Penempatan Tenaga Kerja", kegiatan: 1 },
      { program: "Program Hubungan Industrial", program_isi: "Program Hubungan Industrial", kegiatan: 1 },
      { program: null, program_isi: "Program Hubungan Industrial", kegiatan: 1 },
      { program: "Program Pembangunan Kawasan Transmigrasi", program_isi: "Program Pembangunan Kawasan Transmigrasi", kegiatan: 1 },
      { program: penunjang, program_isi: penunjang, kegiatan: 1 },
      { program: null, program_isi: penunjang, kegiatan: 6 },
    ]);
    const [last] = await db.all(`SELECT sasaran_tercetak AS sasaran, sasaran AS sasaran_isi, indikator AS indikator_isi
      FROM staging.stg_plans_keselarasan_program WHERE source_row = 13`);
    expect(last).toEqual({
      sasaran: null,
      sasaran_isi: "Meningkatkan Transparansi dan Akuntabilitas Kinerja Dinas Transmigrasi dan Tenaga Kerja",
      indikator_isi: "Nilai akuntabilitas Kinerja Dinas Transmigrasi dan Tenaga Kerja",
    });
  });

  it("Tabel 2.2: Tujuan 1 is carried to its three sasaran", async () => {
    const rows = await db.all(`SELECT no_tercetak AS no, no_tujuan AS no_isi, indikator_tujuan AS indikator_tujuan_isi
      FROM staging.stg_plans_tujuan_sasaran_dinas ORDER BY source_row`);
    expect(rows).toEqual([
      { no: "1.", no_isi: "1.", indikator_tujuan_isi: "Tingkat kesempatan kerja" },
      { no: null, no_isi: "1.", indikator_tujuan_isi: "Tingkat kesempatan kerja" },
      { no: null, no_isi: "1.", indikator_tujuan_isi: "Tingkat kesempatan kerja" },
      { no: "2.", no_isi: "2.", indikator_tujuan_isi: "Jumlah Kawasan Desa/Kimtrans yang ditata/dibangun" },
    ]);
  });

  it("UMK decree: the amount is an exact number, the year column does not clash with provenance", async () => {
    const rows = await db.all(`SELECT upah_minimum::VARCHAR AS upah_minimum, tahun, tahun_berlaku, kode_wilayah FROM raw.plans_umk`);
    expect(rows).toEqual([{ upah_minimum: "3536506.280000", tahun: 2024, tahun_berlaku: "2024", kode_wilayah: "6403" }]);
  });

  it("Tabel 1.1: JUMLAH PNS dan non PNS is a stated total (108), not a data row", async () => {
    const totals = await db.all(`SELECT source_row, label, kolom, nilai::VARCHAR AS nilai, lingkup, kolom_bagian FROM raw.stated_totals
      WHERE source_file = 'plans/pegawai_pendidikan.csv' AND lingkup = 'kolom' ORDER BY kolom`);
    expect(totals).toEqual(
      [
        ["jumlah", "108.000000"],
        ["non_asn", "38.000000"],
        ["pns_i", "0.000000"],
        ["pns_ii", "28.000000"],
        ["pns_iii", "35.000000"],
        ["pns_iv", "7.000000"],
      ].map(([kolom, nilai]) => ({ source_row: 9, label: "JUMLAH PNS dan non PNS", kolom, nilai, lingkup: "kolom", kolom_bagian: [kolom] })),
    );
    const jumlahRows = await db.all(`SELECT source_row FROM raw.plans_pegawai_pendidikan
      WHERE no ILIKE '%jumlah%' OR pendidikan ILIKE '%jumlah%' OR source_row = 9`);
    expect(jumlahRows).toEqual([]);
    const dataSum = await db.value(`SELECT sum(jumlah)::VARCHAR FROM raw.plans_pegawai_pendidikan`);
    expect(dataSum).toBe("108.000000");
  });

  it("Tabel 1.1: SLTA row is 49, and the JUMLAH column is a printed row total of the five count columns", async () => {
    const [slta] = await db.all(`SELECT no, pns_iv, pns_iii::VARCHAR AS pns_iii, pns_ii::VARCHAR AS pns_ii, pns_i, non_asn::VARCHAR AS non_asn,
        jumlah::VARCHAR AS jumlah FROM raw.plans_pegawai_pendidikan WHERE pendidikan = 'SLTA'`);
    expect(slta).toEqual({ no: "5", pns_iv: null, pns_iii: "3.000000", pns_ii: "27.000000", pns_i: null, non_asn: "19.000000", jumlah: "49.000000" });
    const rowTotal = await db.all(`SELECT label, nilai::VARCHAR AS nilai, kolom_bagian FROM raw.stated_totals
      WHERE source_file = 'plans/pegawai_pendidikan.csv' AND lingkup = 'baris' AND source_row = 6`);
    expect(rowTotal).toEqual([{ label: "SLTA", nilai: "49.000000", kolom_bagian: ["pns_iv", "pns_iii", "pns_ii", "pns_i", "non_asn"] }]);
    // The S3 row prints no figures at all: no row-total claim comes from it.
    const s3 = await db.all(`SELECT count(*)::INT AS n FROM raw.stated_totals WHERE source_file = 'plans/pegawai_pendidikan.csv' AND source_row = 2`);
    expect(s3).toEqual([{ n: 0 }]);
  });

  it("Tabel 1.2/1.3: '-' is zero and flagged; JUMLAH PEGAWAI rows are stated totals (42 + 28 = 70)", async () => {
    const [gol1] = await db.all(`SELECT laki_laki::VARCHAR AS l, perempuan::VARCHAR AS p, jumlah::VARCHAR AS j
      FROM raw.plans_pegawai_golongan WHERE golongan = 'I'`);
    expect(gol1).toEqual({ l: "0.000000", p: "0.000000", j: "0.000000" });
    const flags = await db.all(`SELECT source_file, count(*)::INT AS n FROM raw.cell_flags WHERE jenis = 'dash' GROUP BY ALL ORDER BY 1`);
    expect(flags).toEqual([
      { source_file: "plans/pegawai_eselon.csv", n: 5 },
      { source_file: "plans/pegawai_golongan.csv", n: 2 },
    ]);
    const totals = await db.all(`SELECT source_file, label, kolom, nilai::VARCHAR AS nilai FROM raw.stated_totals
      WHERE source_file IN ('plans/pegawai_golongan.csv', 'plans/pegawai_eselon.csv') AND lingkup = 'kolom' ORDER BY source_file, kolom`);
    expect(totals).toEqual(
      ["plans/pegawai_eselon.csv", "plans/pegawai_golongan.csv"].flatMap((source_file) =>
        [
          ["jumlah", "70.000000"],
          ["laki_laki", "42.000000"],
          ["perempuan", "28.000000"],
        ].map(([kolom, nilai]) => ({ source_file, label: "JUMLAH PEGAWAI", kolom, nilai })),
      ),
    );
    const [eselonRows] = await db.all(`SELECT count(*)::INT AS n, count(*) FILTER (WHERE no ILIKE 'jumlah%')::INT AS jumlah FROM raw.plans_pegawai_eselon`);
    expect(eselonRows).toEqual({ n: 6, jumlah: 0 });
  });

  it("IKU manual: every Kode is snake_case and unique, every Arah is declared", async () => {
    const rows = await db.all(`SELECT arah, count(*)::INT AS n FROM raw.plans_manual_iku GROUP BY arah ORDER BY arah`);
    expect(rows).toEqual([
      { arah: "negatif", n: 2 },
      { arah: "positif", n: 7 },
      { arah: "rentang", n: 1 },
    ]);
  });
});

describe("plans loader rejects a bad IKU manual", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copySources();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the copy's manual_iku.csv as the bundled one with some lines edited. */
  async function corrupt(edit: (lines: string[]) => void): Promise<void> {
    const lines = (await readFile(join(SOURCES, "plans/manual_iku.csv"), "utf8")).split("\n");
    edit(lines);
    await writeFile(join(dir, "plans/manual_iku.csv"), lines.join("\n"));
  }

  it("fails on an Arah outside positif / negatif / rentang, naming file, row and column", async () => {
    // Row 4 of the file (pct_tk_bersertifikat): positif -> naik.
    await corrupt((lines) => {
      expect(lines[3]).toContain(",positif,");
      lines[3] = lines[3]!.replace(",positif,", ",naik,");
    });
    await expect(loadRaw(byFamily("plans"), dir)).rejects.toThrow(/plans\/manual_iku\.csv, baris 4, kolom "Arah": arah harus salah satu dari: positif, negatif, rentang \(isi sel: "naik"\)/);
  });

  it("fails on a duplicate or non-snake_case Kode", async () => {
    await corrupt((lines) => {
      lines[3] = lines[3]!.replace(/^pct_tk_bersertifikat,/, "tkk,");
      lines[4] = lines[4]!.replace(/^pct_pencaker_ditempatkan,/, "Pct-Pencaker,");
    });
    const load = loadRaw(byFamily("plans"), dir);
    await expect(load).rejects.toThrow(/manual_iku\.csv, baris 4, kolom "Kode": kode IKU ganda \(sudah dipakai di baris 3\)/);
    await expect(load).rejects.toThrow(/manual_iku\.csv, baris 5, kolom "Kode": kode IKU harus snake_case/);
  });
});
