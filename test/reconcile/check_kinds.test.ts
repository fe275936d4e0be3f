/**
 * Every check kind of the catalogue (models/checks/katalog.csv), run on small synthetic tables: it fires
 * where the data is wrong, naming the offending cell (file, row, column), and stays silent where the data
 * is right. Each block creates only the input tables and columns that check's SQL reads, so a test reads
 * as the identity it exercises; the check SQL itself is read from models/checks/ as the build reads it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import {
  CHECKS, MODELS, STATED_TOTALS_COLUMNS, cellOf, checkDb, failing, item, runCheck, runShiftedTotals, runStatedTotals, statedTotal, table,
  type Evaluated,
} from "../helpers/checks.js";

// One database for the file (functions, configuration and macros cost ~0,25 s of CPU to set up); each
// test runs inside a transaction that is rolled back, so no test sees another's tables.
let db: Db;
beforeAll(async () => {
  db = await checkDb();
});
afterAll(() => db.close());
beforeEach(() => db.run("BEGIN TRANSACTION"));
afterEach(() => db.run("ROLLBACK"));

/** Catalogue ids this file covers; the first test fails when the catalogue gains a check without a test. */
const COVERED = [
  "total_tercetak", "arus_pencaker", "pohon_anggaran", "klaim_vs_hitung", "konsistensi_target",
  "keluarga_angka", "alokasi_sasaran", "anomali_skala", "sel_bermasalah", "pemetaan_program", "total_bergeser",
  "angka_tertinggal", "identitas_rasio", "tanda_kosong", "klaim_turunan", "kode_wilayah",
  "identitas_hitungan", "varian_ukuran",
];

const cells = (r: Evaluated) => r.anggota.map(cellOf);
const fix = (r: Evaluated, cell: string) => r.kandidat.find((k) => cellOf(k) === cell)?.nilai_pemulih;

it("covers every check in the catalogue", async () => {
  const rows: { id: string }[] = parse(await readFile(join(CHECKS, "katalog.csv"), "utf8"), { columns: true, bom: true });
  expect(rows.map((r) => r.id).sort()).toEqual([...COVERED].sort());
});

describe("total_tercetak (printed totals vs the sum of their parts)", () => {
  const F = "uji/tabel.csv";
  beforeEach(async () => {
    // Three data rows; the printed row totals (c = a + b) and column totals live in raw.stated_totals,
    // never as data rows. Row 3 prints c = 10 although 7 + 2 = 9; the total row 5 prints a = 21
    // although 10 + 7 + 3 = 20.
    await table(db, "raw.uji_tabel",
      { source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER", tingkat: "VARCHAR",
        a: "DECIMAL(28,6)", b: "DECIMAL(28,6)", c: "DECIMAL(28,6)", p: "DECIMAL(28,6)" },
      [
        [F, null, 2, "program", 10, 5, 15, "33.33"],
        [F, null, 3, "program", 7, 2, 10, "33.33"],
        [F, null, 4, "kegiatan", 3, 1, 4, "33.33"],
      ]);
    const st = (t: Omit<Parameters<typeof statedTotal>[0], "file" | "rawTable">) => statedTotal({ file: F, rawTable: "uji_tabel", ...t });
    await table(db, "raw.stated_totals", STATED_TOTALS_COLUMNS, [
      // lingkup baris: the row-total column c of each data row.
      st({ row: 2, kolom: "c", nilai: "15", teks: "15", lingkup: "baris", bagian: ["a", "b"] }),
      st({ row: 3, kolom: "c", nilai: "10", teks: "10", lingkup: "baris", bagian: ["a", "b"] }),
      st({ row: 4, kolom: "c", nilai: "4", teks: "4", lingkup: "baris", bagian: ["a", "b"] }),
      // lingkup kolom: the total row 5.
      st({ row: 5, label: "Jumlah", kolom: "a", nilai: "21", teks: "21", lingkup: "kolom", bagian: ["a"] }),
      st({ row: 5, label: "Jumlah", kolom: "b", nilai: "8", teks: "8", lingkup: "kolom", bagian: ["b"] }),
      // Three parts printed with two decimals (33,33 each) and a total 100,00: within 3 x 0,005.
      st({ row: 5, label: "Jumlah", kolom: "p", nilai: "100.00", teks: "100,00", lingkup: "kolom", bagian: ["p"] }),
      // "-" read as missing: the total is not stated, which is a warning, not an error.
      st({ row: 5, label: "Jumlah", kolom: "c", nilai: null, teks: "-", lingkup: "kolom", bagian: ["c"] }),
      // A total over the program rows only (the Lampiran C pattern): 10 + 7 = 17, the kegiatan row excluded.
      st({ row: 6, label: "Jumlah program", kolom: "a", nilai: "17", teks: "17", lingkup: "kolom", bagian: ["a"], barisBagian: "tingkat = 'program'" }),
      // lingkup rasio: printed percentages of two column sums, b / a = 8 / 20 = 40 %.
      st({ row: 7, label: "Persen", kolom: "pct", nilai: "40.00", teks: "40,00", lingkup: "rasio", bagian: ["b", "a"] }),
      st({ row: 8, label: "Persen", kolom: "pct", nilai: "41", teks: "41", lingkup: "rasio", bagian: ["b", "a"] }),
      // a / p = 20 / 99,99 = 20,002000...: printed 20,00 is that value rounded to its two decimals.
      st({ row: 7, label: "Persen", kolom: "pct_ap", nilai: "20.00", teks: "20,00", lingkup: "rasio", bagian: ["a", "p"] }),
    ]);
  });

  it("kolom: a wrong total row fires as error and names the total cell and every part", async () => {
    const r = item(await runStatedTotals(db), `${F}:5:a:a`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "21.000000", nilai_diharapkan: "20.000000" });
    expect(cells(r)).toEqual([`${F}:5:a`, `${F}:2:a`, `${F}:3:a`, `${F}:4:a`]);
    expect(r.anggota[0]).toMatchObject({ peran: "total_tercetak", teks: "21" });
    // One edit of the total, or of any one part, would restore the identity.
    expect(fix(r, `${F}:5:a`)).toBe("20.000000");
    expect(fix(r, `${F}:3:a`)).toBe("8.000000");
  });

  it("kolom: a correct total stays silent; a two-decimal total off by less than n x 0,005 is rounding", async () => {
    const rows = await runStatedTotals(db);
    expect(item(rows, `${F}:5:b:b`)).toMatchObject({ gagal: false });
    expect(item(rows, `${F}:5:p:p`)).toMatchObject({ gagal: true, keparahan: "rounding", nilai_diharapkan: "99.990000" });
  });

  it("kolom: a total printed as '-' (not stated) is a warning, not an error", async () => {
    expect(item(await runStatedTotals(db), `${F}:5:c:c`)).toMatchObject({ gagal: true, keparahan: "warning", nilai_aktual: null });
  });

  it("kolom: a total over a row subset (baris_bagian) sums only those rows", async () => {
    expect(item(await runStatedTotals(db), `${F}:6:a:a`)).toMatchObject({ gagal: false, nilai_diharapkan: "17.000000" });
  });

  it("baris: a wrong row total fires and names the total and the parts of that row; right rows stay silent", async () => {
    const rows = await runStatedTotals(db);
    const r = item(rows, `${F}:3:c:a+b`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "10.000000", nilai_diharapkan: "9.000000" });
    expect(cells(r)).toEqual([`${F}:3:c`, `${F}:3:a`, `${F}:3:b`]);
    expect(fix(r, `${F}:3:a`)).toBe("8.000000");
    expect(item(rows, `${F}:2:c:a+b`).gagal).toBe(false);
    expect(item(rows, `${F}:4:c:a+b`).gagal).toBe(false);
  });

  it("rasio: a wrong printed percentage is an error, an exact one silent, a rounded one rounding", async () => {
    const rows = (await runStatedTotals(db)).filter((r) => r.kunci.includes(":pct"));
    const by = (row: number, kolom: string) => rows.find((r) => r.kunci === `total:${F}:${row}:${kolom}`)!;
    expect(by(8, "pct")).toMatchObject({ gagal: true, keparahan: "error", nilai_diharapkan: "40.000000" });
    expect(cells(by(8, "pct"))).toEqual([`${F}:8:pct`]);
    expect(by(7, "pct")).toMatchObject({ gagal: false });
    expect(by(7, "pct_ap")).toMatchObject({ gagal: true, keparahan: "rounding" });
  });
});

describe("arus_pencaker (AK-I stock-flow identity)", () => {
  const F = "uji/ak1.csv";
  beforeEach(async () => {
    await table(db, "intermediate.int_ak1_arus_pencaker",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", source_file: "VARCHAR", source_row: "INTEGER", jenis_kelamin: "VARCHAR", pendidikan: "VARCHAR",
        sisa_lalu: "DECIMAL(28,6)", terdaftar: "DECIMAL(28,6)", penempatan: "DECIMAL(28,6)", penghapusan: "DECIMAL(28,6)", sisa_akhir: "DECIMAL(28,6)" },
      [
        ["6403", 2024, F, 3, "L", "SMA", 100, 40, 10, 30, 100], // 100 + 40 - 10 - 30 = 100
        ["6403", 2024, F, 4, "L", "S1", 20, 10, 5, 5, 25], // 20 + 10 - 5 - 5 = 20, printed 25
      ]);
    const st = (kolom: string, nilai: number, row = 5, bagian = [kolom]) =>
      statedTotal({ file: F, row, rawTable: "ak1_rekap", layout: "ak1.rekap", label: row === 5 ? "Jumlah" : "Jumlah (L+W)", kolom, nilai: String(nilai), teks: String(nilai), lingkup: "kolom", bagian });
    await table(db, "raw.stated_totals", STATED_TOTALS_COLUMNS, [
      // The printed Jumlah row: L holds (120 + 50 - 15 - 35 = 120), W does not (60 + 30 - 10 - 20 = 60, printed 61).
      st("sisa_lalu_l", 120), st("terdaftar_l", 50), st("penempatan_l", 15), st("penghapusan_l", 35), st("sisa_akhir_l", 120),
      st("sisa_lalu_w", 60), st("terdaftar_w", 30), st("penempatan_w", 10), st("penghapusan_w", 20), st("sisa_akhir_w", 61),
      // A Jumlah (L+W) total sums two columns: not a per-sex identity, so the check must ignore it.
      st("sisa_lalu_l", 999, 6, ["sisa_lalu_l", "sisa_lalu_w"]),
    ]);
  });

  it("fires on a data row whose closing stock breaks the identity, naming its sisa akhir cell", async () => {
    const r = item(await runCheck(db, "arus_pencaker"), `${F}:4:L`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "25.000000", nilai_diharapkan: "20.000000" });
    expect(r.anggota.find((a) => a.peran === "sisa_akhir")).toMatchObject({ source_file: F, source_row: 4, kolom: "sisa_akhir_l", nilai: "25.000000" });
    expect(fix(r, `${F}:4:sisa_akhir_l`)).toBe("20.000000");
    expect(fix(r, `${F}:4:terdaftar_l`)).toBe("15.000000");
  });

  it("fires on the printed Jumlah row per sex, and stays silent where the identity holds", async () => {
    const rows = await runCheck(db, "arus_pencaker");
    expect(item(rows, `${F}:5:W`)).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "61.000000", nilai_diharapkan: "60.000000" });
    expect(cells(item(rows, `${F}:5:W`))).toContain(`${F}:5:sisa_akhir_w`);
    expect(item(rows, `${F}:5:L`).gagal).toBe(false);
    expect(item(rows, `${F}:3:L`).gagal).toBe(false);
    expect(rows.some((r) => r.kunci.includes(`${F}:6:`))).toBe(false);
  });
});

describe("pohon_anggaran (Lampiran C parent vs its children)", () => {
  const F = "uji/lampiran_c.csv";
  const ANGKA = ["pagu", "realisasi", "sisa", "bobot", "tertimbang_fisik", "tertimbang_keu"];
  beforeEach(async () => {
    const dec = Object.fromEntries(ANGKA.map((k) => [k, "DECIMAL(28,6)"]));
    await table(db, "staging.stg_budget_lampiran_c",
      { source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER", ...dec },
      [
        [F, null, 11, 150, 120, 30, "0.33", "0.25", "0.10"],
        [F, null, 12, 100, 80, 20, "0.66", "0.25", "0.25"],
      ]);
    // The program row 10 as printed, next to the sums of its direct children (anak_*), as
    // intermediate.int_anggaran_pohon computes them.
    await table(db, "intermediate.int_anggaran_pohon",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", tingkat: "VARCHAR", kode: "VARCHAR", uraian: "VARCHAR", ...dec,
        ...Object.fromEntries(ANGKA.map((k) => [`anak_${k}`, "DECIMAL(38,6)"])), source_file: "VARCHAR", source_row: "INTEGER", anak_source_rows: "INTEGER[]" },
      [
        ["6403", 2024, "program", "2.07.03", "Program Pelatihan", 300, 200, 50, "1.00", "0.50", "0.40",
          250, 200, 50, "0.99", "0.50", "0.35", F, 10, [11, 12]],
        // A sub kegiatan is a leaf: never checked as a parent.
        ["6403", 2024, "sub_kegiatan", "2.07.03.2.01.0001", "Leaf", 1, 1, 0, "0.01", "0.01", "0.01",
          null, null, null, null, null, null, F, 11, []],
      ]);
  });

  it("fires when a printed program figure is not the sum of its children, naming parent and children", async () => {
    const r = item(await runCheck(db, "pohon_anggaran"), `${F}:10:pagu`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "300.000000", nilai_diharapkan: "250.000000" });
    expect(cells(r)).toEqual([`${F}:10:pagu`, `${F}:11:pagu`, `${F}:12:pagu`]);
    expect(r.anggota[0]!.peran).toBe("induk");
    expect(fix(r, `${F}:10:pagu`)).toBe("250.000000");
    expect(fix(r, `${F}:12:pagu`)).toBe("150.000000");
    // Beyond n x 0,005 a two-decimal column is an error too.
    expect(item(await runCheck(db, "pohon_anggaran"), `${F}:10:tertimbang_keu`)).toMatchObject({ gagal: true, keparahan: "error" });
  });

  it("stays silent where parent = children, and calls a two-decimal gap within n x 0,005 rounding", async () => {
    const rows = await runCheck(db, "pohon_anggaran");
    for (const k of ["realisasi", "sisa", "tertimbang_fisik"]) expect(item(rows, `${F}:10:${k}`).gagal).toBe(false);
    expect(item(rows, `${F}:10:bobot`)).toMatchObject({ gagal: true, keparahan: "rounding" });
    expect(rows.some((r) => r.kunci.includes(`${F}:11:`))).toBe(false);
  });
});

/** marts.published_vs_recomputed, with the columns klaim_vs_hitung and konsistensi_target read. */
async function publishedVsRecomputed(rows: [string, string, number, string, string, string | null, string, string, string | null, string][]) {
  await table(db, "marts.published_vs_recomputed",
    { kode_wilayah: "VARCHAR", tahun: "INTEGER", tabel: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER",
      kolom: "VARCHAR", kunci_indikator: "VARCHAR", ukuran: "VARCHAR", label_baris: "VARCHAR", nilai_terbit_teks: "VARCHAR",
      nilai_terbit: "DECIMAL(28,6)", nilai_dihitung_teks: "VARCHAR", nilai_dihitung: "DECIMAL(38,10)", kelas: "VARCHAR", dasar_perhitungan: "VARCHAR" },
    rows.map(([tabel, file, row, kolom, ukuran, terbit, teks, kelas, dihitung, kunci]) => [
      "6403", 2024, tabel, file, null, row, kolom, kunci, ukuran, `baris ${row}`, teks, terbit, null, dihitung, kelas, "uji",
    ]));
}

describe("klaim_vs_hitung (published figures vs recomputed)", () => {
  const F = "uji/tabel_3_2.csv";
  beforeEach(async () => {
    await publishedVsRecomputed([
      ["3.2", F, 4, "realisasi", "realisasi", "18.86", "18,86", "differs", "17.8571428571", "pct_ditempatkan"],
      ["3.2", F, 2, "capaian", "capaian", "99.18", "99,18", "rounding", "99.1888111888", "nilai_sakip"],
      ["3.2", F, 3, "capaian", "capaian", "100", "100", "equal", "100", "tkk"],
      ["3.2", F, 5, "realisasi", "realisasi", "4", "4", "not_recomputable", null, "kawasan"],
      // Targets belong to konsistensi_target, not here.
      ["3.2", F, 6, "target", "target", "90", "90", "differs", "100", "kinerja_pd"],
    ]);
  });

  it("fires as error on a differing figure, naming the printed cell and the value that would fix it", async () => {
    const r = item(await runCheck(db, "klaim_vs_hitung"), `${F}:4:realisasi`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "18.860000", nilai_diharapkan: "17.857143", tabel: "LKjIP Tabel 3.2" });
    expect(r.anggota[0]).toMatchObject({ peran: "tercetak", source_file: F, source_row: 4, kolom: "realisasi", teks: "18,86" });
    expect(fix(r, `${F}:4:realisasi`)).toBe("17.857143");
  });

  it("reports rounding as rounding, stays silent on equal, skips non-recomputable figures and targets", async () => {
    const rows = await runCheck(db, "klaim_vs_hitung");
    expect(item(rows, `${F}:2:capaian`)).toMatchObject({ gagal: true, keparahan: "rounding" });
    expect(item(rows, `${F}:3:capaian`).gagal).toBe(false);
    expect(rows.map((r) => r.kunci)).not.toContain(`klaim:${F}:5:realisasi`);
    expect(rows.map((r) => r.kunci)).not.toContain(`klaim:${F}:6:target`);
  });
});

describe("konsistensi_target (printed targets vs the signed Perjanjian Kinerja)", () => {
  const F = "uji/tabel_3_2.csv";
  beforeEach(async () => {
    await publishedVsRecomputed([
      ["3.2", F, 47, "target", "target", "90", "90", "differs", "100", "kinerja_pd"],
      ["3.2", F, 3, "target", "target", "95.60", "95,60", "equal", "95.6", "tkk"],
    ]);
    await table(db, "intermediate.int_target_indikator",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", kunci_indikator: "VARCHAR", indikator: "VARCHAR", target: "DECIMAL(28,6)",
        sumber_target: "VARCHAR", source_file: "VARCHAR", source_row: "INTEGER" },
      [
        ["6403", 2024, "tkk", "TKK", "95.60", "perjanjian_kinerja", "uji/pk.csv", 3],
        ["6403", 2024, "tkk", "TKK", "95.60", "renstra", "uji/renstra.csv", 7],
        ["6403", 2024, "sakip", "SAKIP", "71.50", "perjanjian_kinerja", "uji/pk.csv", 2],
        ["6403", 2024, "sakip", "SAKIP", "366.4", "renstra", "uji/renstra.csv", 4],
      ]);
  });

  it("fires when a printed target differs from the PK, naming the printed target cell", async () => {
    const r = item(await runCheck(db, "konsistensi_target"), `target:${F}:47:target`);
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_aktual: "90.000000", nilai_diharapkan: "100.000000" });
    expect(cells(r)).toEqual([`${F}:47:target`]);
  });

  it("fires when the Renstra matrix and the PK disagree, naming both cells", async () => {
    const r = item(await runCheck(db, "konsistensi_target"), "target_renstra:sakip:");
    expect(r).toMatchObject({ gagal: true, keparahan: "error", nilai_diharapkan: "71.500000", nilai_aktual: "366.400000" });
    expect(cells(r)).toEqual(["uji/pk.csv:2:target", "uji/renstra.csv:4:target_2024"]);
  });

  it("stays silent on equal targets", async () => {
    const rows = await runCheck(db, "konsistensi_target");
    expect(item(rows, `target:${F}:3:target`).gagal).toBe(false);
    expect(item(rows, "target_renstra:tkk:").gagal).toBe(false);
  });
});

describe("keluarga_angka (figure families)", () => {
  type M = [keluarga: string, nilai: string | null, teks: string | null, desimal: number | null, jenis: string, sumber: string, file: string, row: number, kolom: string];
  beforeEach(async () => {
    const m: M[] = [
      // Official statements disagree (the HI case count): error.
      ["kasus_hi_masuk|6403|2024|tahunan", "88", "(88 Kasus / 88 Terdaftar x 100)", 0, "lkjip", "LKjIP Tabel 3.16", "uji/tabel_3_16.csv", 4, "angka_perhitungan"],
      ["kasus_hi_masuk|6403|2024|tahunan", "94", null, null, "kantor", "Lembar data HI", "uji/hi_data.csv", 30, "nilai"],
      ["kasus_hi_masuk|6403|2024|tahunan", "94", null, null, "kantor", "KETERANGAN HI", "uji/hi_keterangan.csv", 7, "jlh"],
      // Official statements agree; only an outlet quote differs: warning.
      ["tpt|6403|2023|tahunan", "4.05", null, 2, "tabel_bps", "BPS", "uji/bps.csv", 3, "2023"],
      ["tpt|6403|2023|tahunan", "4.05", null, null, "kutipan", "outlet-a", "uji/quotes.csv", 7, "value"],
      ["tpt|6403|2023|tahunan", "4.9", null, null, "kutipan", "outlet-b", "uji/quotes.csv", 18, "value"],
      // 81,4 is 81,36 printed with one decimal: rounding.
      ["persen_realisasi|6403|2024|tahunan", "81.36", "81,36", 2, "kantor", "Tabel 3.22", "uji/realisasi.csv", 9, "pct"],
      ["persen_realisasi|6403|2024|tahunan", "81.4", "81,4", 1, "kantor", "Lampiran C", "uji/lampiran_c.csv", 88, "keu"],
      ["persen_realisasi|6403|2024|tahunan", "81.36", "81,36%", 2, "lkjip", "LKjIP narasi", "uji/narasi.csv", 203, "nilai"],
      // Everyone agrees: silent.
      ["pencaker_ditempatkan|6403|2024|tahunan", "630", null, null, "kantor", "AK-I", "uji/ak1.csv", 14, "penempatan"],
      ["pencaker_ditempatkan|6403|2024|tahunan", "630", "630 orang", 0, "lkjip", "LKjIP narasi", "uji/narasi.csv", 50, "nilai"],
      // Text members compare case-insensitively: "Sangat Tinggi" = "sangat tinggi", "Tinggi" differs.
      ["kriteria|6403|2024|tahunan|sakip", null, "Sangat Tinggi", null, "lkjip", "LKjIP Tabel 3.2", "uji/tabel_3_2.csv", 2, "kriteria"],
      ["kriteria|6403|2024|tahunan|sakip", null, "sangat tinggi", null, "lkjip", "LKjIP narasi", "uji/narasi.csv", 18, "nilai"],
      ["kriteria|6403|2024|tahunan|sakip", null, "Tinggi", null, "lkjip", "LKjIP narasi", "uji/narasi.csv", 163, "nilai"],
      ["kriteria|6403|2024|tahunan|tkk", null, "Sangat Tinggi", null, "lkjip", "LKjIP Tabel 3.2", "uji/tabel_3_2.csv", 3, "kriteria"],
      ["kriteria|6403|2024|tahunan|tkk", null, "sangat tinggi ", null, "lkjip", "LKjIP narasi", "uji/narasi.csv", 19, "nilai"],
    ];
    await table(db, "intermediate.int_keluarga_angka",
      { keluarga: "VARCHAR", kode_wilayah: "VARCHAR", tahun: "INTEGER", ukuran: "VARCHAR", kunci_indikator: "VARCHAR", nilai: "DECIMAL(38,6)",
        teks: "VARCHAR", desimal: "INTEGER", jenis_sumber: "VARCHAR", sumber: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR",
        source_row: "INTEGER", kolom: "VARCHAR" },
      m.map(([keluarga, nilai, teks, desimal, jenis, sumber, file, row, kolom]) => {
        const [ukuran, kode, tahun] = keluarga.split("|");
        return [keluarga, kode!, Number(tahun), ukuran!, null, nilai, teks, desimal, jenis, sumber, file, null, row, kolom];
      }));
  });

  it("error: official members disagree; the odd member is named with the value the others state", async () => {
    const r = item(await runCheck(db, "keluarga_angka"), "kasus_hi_masuk");
    expect(r).toMatchObject({ gagal: true, keparahan: "error", keluarga: "kasus_hi_masuk|6403|2024|tahunan", nilai_diharapkan: "94.000000", nilai_aktual: "88.000000" });
    expect(cells(r)).toEqual(expect.arrayContaining(["uji/tabel_3_16.csv:4:angka_perhitungan", "uji/hi_data.csv:30:nilai", "uji/hi_keterangan.csv:7:jlh"]));
    expect(fix(r, "uji/tabel_3_16.csv:4:angka_perhitungan")).toBe("94.000000");
  });

  it("warning: only outlet quotes disagree with the agreeing official statement", async () => {
    const r = item(await runCheck(db, "keluarga_angka"), "tpt|6403|2023");
    expect(r).toMatchObject({ gagal: true, keparahan: "warning", nilai_diharapkan: "4.050000", nilai_aktual: "4.900000" });
    expect(cells(r)).toContain("uji/quotes.csv:18:value");
  });

  it("rounding: every member is the most precise one rounded to its own printed decimals", async () => {
    const r = item(await runCheck(db, "keluarga_angka"), "persen_realisasi");
    expect(r).toMatchObject({ gagal: true, keparahan: "rounding" });
    expect(cells(r)).toContain("uji/lampiran_c.csv:88:keu");
  });

  it("text members: a different word is an error, a different case is not", async () => {
    const rows = await runCheck(db, "keluarga_angka");
    const r = item(rows, "kriteria|6403|2024|tahunan|sakip");
    expect(r).toMatchObject({ gagal: true, keparahan: "error" });
    expect(r.anggota.find((a) => a.teks === "Tinggi")).toMatchObject({ source_file: "uji/narasi.csv", source_row: 163 });
    expect(item(rows, "kriteria|6403|2024|tahunan|tkk").gagal).toBe(false);
  });

  it("stays silent when every member states the same figure", async () => {
    expect(item(await runCheck(db, "keluarga_angka"), "pencaker_ditempatkan").gagal).toBe(false);
  });
});

describe("alokasi_sasaran (Tabel 2.8 vs the programs mapped to each sasaran)", () => {
  const F = "uji/alokasi_per_sasaran.csv";
  beforeEach(async () => {
    await table(db, "staging.stg_budget_alokasi_sasaran",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", sasaran: "VARCHAR", sesudah: "DECIMAL(28,6)", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      [
        ["6403", 2024, "Meningkatnya kompetensi tenaga kerja yang produktif dan berdaya saing", "16052340000", F, null, 3],
        ["6403", 2024, "Meningkatnya Transparansi dan Akuntabilitas Kinerja Dinas", "15094099333", F, null, 2],
        // Nothing in the realisation table resembles this sasaran: not evaluated at all.
        ["6403", 2024, "Terwujudnya kawasan transmigrasi", "100", F, null, 6],
      ]);
    await table(db, "intermediate.int_anggaran_sasaran",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", sasaran: "VARCHAR", pagu: "DECIMAL(38,6)", jumlah_program: "BIGINT" },
      [
        // Worded slightly differently, as the report does in each table: matched by similarity.
        ["6403", 2024, "Meningkatnya kompetensi tenaga kerja yang produktif dan berdaya saing.", "16152340000", 2],
        ["6403", 2024, "Meningkatnya transparansi dan akuntabilitas kinerja Dinas", "15094099333", 1],
      ]);
  });

  it("fires as warning when the allocation differs from the mapped programs, naming the allocation cell", async () => {
    const r = item(await runCheck(db, "alokasi_sasaran"), `${F}:3`);
    expect(r).toMatchObject({ gagal: true, keparahan: "warning", nilai_aktual: "16052340000.000000", nilai_diharapkan: "16152340000.000000" });
    expect(r.anggota[0]).toMatchObject({ peran: "alokasi_sasaran", source_file: F, source_row: 3, kolom: "sesudah" });
  });

  it("stays silent when they agree, and does not guess a match for an unlike sasaran", async () => {
    const rows = await runCheck(db, "alokasi_sasaran");
    expect(item(rows, `${F}:2`).gagal).toBe(false);
    expect(rows.some((r) => r.kunci.endsWith(`${F}:6`))).toBe(false);
  });
});

describe("anomali_skala (units and scales)", () => {
  beforeEach(async () => {
    await table(db, "marts.capaian_indikator",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", kunci_indikator: "VARCHAR", indikator: "VARCHAR", target: "DECIMAL(28,6)", target_teks: "VARCHAR",
        realisasi: "DECIMAL(32,10)", capaian: "DECIMAL(28,10)", target_source_file: "VARCHAR", target_source_row: "INTEGER",
        realisasi_klaim_source_file: "VARCHAR", realisasi_klaim_source_row: "INTEGER" },
      [
        // 94,44 against 8,95: a percentage against an index, capaian 1.055 %.
        ["6403", 2024, "ipp", "Indeks Pelayanan Publik", "8.95", "8,95", "94.44", "1055.2", "uji/pk.csv", 42, "uji/tabel_3_2.csv", 42],
        ["6403", 2024, "tkk", "Tingkat Kesempatan Kerja", "95.60", "95,60", "95.95", "100.3629", "uji/pk.csv", 3, "uji/tabel_3_2.csv", 3],
      ]);
    await table(db, "staging.stg_budget_lampiran_c",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", tingkat: "VARCHAR", uraian: "VARCHAR", target: "DECIMAL(28,6)", target_satuan: "VARCHAR",
        capaian: "DECIMAL(28,6)", capaian_satuan: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      [
        ["6403", 2024, "sub_kegiatan", "Pengadaan Gedung Kantor", 3, "unit", 2, "Laporan", "uji/lampiran_c.csv", null, 37],
        ["6403", 2024, "sub_kegiatan", "Pelatihan", 577, "Orang", 577, "orang", "uji/lampiran_c.csv", null, 52],
      ]);
  });

  it("fires when target and realisasi are on different scales, naming both cells", async () => {
    const r = item(await runCheck(db, "anomali_skala"), "skala:6403:2024:ipp");
    expect(r).toMatchObject({ gagal: true, keparahan: "warning" });
    expect(cells(r)).toEqual(["uji/pk.csv:42:target", "uji/tabel_3_2.csv:42:realisasi"]);
  });

  it("fires when a sub kegiatan's target and achievement units differ, naming the row", async () => {
    const r = item(await runCheck(db, "anomali_skala"), "satuan:uji/lampiran_c.csv:37");
    expect(r).toMatchObject({ gagal: true, keparahan: "warning" });
    expect(cells(r)).toEqual(["uji/lampiran_c.csv:37:target", "uji/lampiran_c.csv:37:capaian"]);
  });

  it("stays silent on a plausible capaian and on units that differ only in case", async () => {
    const rows = await runCheck(db, "anomali_skala");
    expect(item(rows, "skala:6403:2024:tkk").gagal).toBe(false);
    expect(item(rows, "satuan:uji/lampiran_c.csv:52").gagal).toBe(false);
  });
});

describe("sel_bermasalah (source cells that cannot be read whole)", () => {
  beforeEach(async () => {
    await table(db, "raw.cell_flags",
      { source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER", kode_wilayah: "VARCHAR", tahun: "INTEGER",
        source_column: "VARCHAR", kolom: "VARCHAR", jenis: "VARCHAR", teks: "VARCHAR", keterangan: "VARCHAR" },
      [
        ["uji/lampiran_c.csv", null, 20, "6403", 2024, "CAPAIAN", "capaian", "broken", "###", "sel rusak"],
        ["uji/lampiran_c.csv", null, 21, "6403", 2024, "KODE", "kode", "kode_tidak_valid", "2.0701.2.05.0004", "kode cacat"],
        ["uji/lampiran_c.csv", null, 22, "6403", 2024, "NO", "no", "kode_di_kolom_no", "2.07.01", "kode di kolom No"],
        // "-" read per the column's rule is recorded, but is not a problem cell.
        ["uji/hi.csv", null, 5, "6403", 2024, "JASA", "jasa", "dash", "-", "dibaca 0"],
      ]);
  });

  it("fires as warning on a broken, malformed or misplaced cell, naming it", async () => {
    const rows = await runCheck(db, "sel_bermasalah");
    expect(failing(rows).map((r) => [r.keparahan, cells(r)])).toEqual([
      ["warning", ["uji/lampiran_c.csv:20:capaian"]],
      ["warning", ["uji/lampiran_c.csv:21:kode"]],
      ["warning", ["uji/lampiran_c.csv:22:no"]],
    ]);
    expect(item(rows, ":20:capaian:broken").anggota[0]).toMatchObject({ peran: "broken", teks: "###" });
  });

  it("stays silent on a dash that was read by the column's rule", async () => {
    expect((await runCheck(db, "sel_bermasalah")).some((r) => r.kunci.includes("uji/hi.csv"))).toBe(false);
  });
});

describe("pemetaan_program (one program mapped to different sasaran)", () => {
  beforeEach(async () => {
    await table(db, "intermediate.int_kaskade_program",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", kode_program: "VARCHAR", kode_iku: "VARCHAR", tabel: "VARCHAR",
        sasaran_tercetak: "VARCHAR", source_file: "VARCHAR", source_row: "INTEGER" },
      [
        // Program 2.07.02 sits under the training sasaran in one table and under placement in another.
        ["6403", 2024, "2.07.02", "pct_tk_bersertifikat", "Tabel 3.22", "kompetensi", "uji/realisasi.csv", 3],
        ["6403", 2024, "2.07.02", "pct_pencaker_ditempatkan", "Tabel 2.8", "penempatan", "uji/alokasi.csv", 4],
        // Program 2.07.04 is mapped the same way by both tables.
        ["6403", 2024, "2.07.04", "pct_pencaker_ditempatkan", "Tabel 3.22", "penempatan", "uji/realisasi.csv", 4],
        ["6403", 2024, "2.07.04", "pct_pencaker_ditempatkan", "Tabel 2.4", "penempatan", "uji/keselarasan.csv", 7],
      ]);
  });

  it("fires as warning on a program with two sasaran, naming both statements", async () => {
    const rows = await runCheck(db, "pemetaan_program");
    expect(failing(rows).map((r) => [r.keparahan, cells(r)])).toEqual([
      ["warning", ["uji/alokasi.csv:4:sasaran", "uji/realisasi.csv:3:sasaran"]],
    ]);
  });

  it("stays silent on a program every table maps to the same sasaran", async () => {
    const rows = await runCheck(db, "pemetaan_program");
    expect(rows.find((r) => r.kunci.endsWith(":2.07.04"))?.gagal).toBe(false);
  });
});

describe("total_bergeser (a total row typed one column off)", () => {
  const F = "uji/kecamatan.csv";
  const columns = (file: string) => [
    [file, null, "uji_kec", "kasus", "angka", "KASUS", 3, "C"],
    [file, null, "uji_kec", "karyawan", "angka", "KARYAWAN", 4, "D"],
    [file, null, "uji_kec", "l", "angka", "L", 5, "E"],
    [file, null, "uji_kec", "p", "angka", "P", 6, "F"],
  ];
  beforeEach(async () => {
    await table(db, "raw.uji_kec",
      { source_file: "VARCHAR", source_row: "INTEGER", kasus: "DECIMAL(28,6)", karyawan: "DECIMAL(28,6)", l: "DECIMAL(28,6)", p: "DECIMAL(28,6)" },
      [[F, 2, 2, 16, 16, 0], [F, 3, 36, 1003, 978, 25], ["uji/benar.csv", 2, 5, 9, 8, 1]]);
    await table(db, "raw.source_columns",
      { source_file: "VARCHAR", source_sheet: "VARCHAR", raw_table: "VARCHAR", kolom: "VARCHAR", jenis: "VARCHAR",
        source_column: "VARCHAR", posisi: "INTEGER", huruf_kolom: "VARCHAR" },
      [...columns(F), ...columns("uji/benar.csv")]);
    const st = (file: string, row: number, kolom: string, nilai: string) =>
      statedTotal({ file, row, rawTable: "uji_kec", kolom, nilai, teks: nilai, lingkup: "kolom", bagian: [kolom] });
    await table(db, "raw.stated_totals", STATED_TOTALS_COLUMNS, [
      // Sums: kasus 38, karyawan 1019, l 994, p 25 -- printed shifted one column left.
      st(F, 4, "kasus", "1019"), st(F, 4, "karyawan", "994"), st(F, 4, "l", "25"),
      // A right total row: each figure is its own column's sum.
      st("uji/benar.csv", 3, "kasus", "5"), st("uji/benar.csv", 3, "karyawan", "9"),
    ]);
  });

  it("fires on a row whose figures are the sums of the column to their right, naming each cell", async () => {
    const rows = failing(await runShiftedTotals(db));
    expect(rows.map((r) => [r.keparahan, cells(r)])).toEqual([["error", [`${F}:4:kasus`, `${F}:4:karyawan`, `${F}:4:l`]]]);
    expect(rows[0]!.penjelasan).toMatch(/bergeser satu kolom ke kiri/);
  });

  it("stays silent on a total row that adds up", async () => {
    const rows = await runShiftedTotals(db);
    expect(rows.filter((r) => r.kunci.includes("uji/benar.csv") && r.gagal)).toEqual([]);
  });
});

/** Family members for the checks that read intermediate.int_keluarga_angka (subjek and periode included). */
type Anggota = [keluarga: string, ukuran: string, tahun: number, nilai: string | null, desimal: number | null, jenis: string, sumber: string, file: string, row: number];
async function keluarga(rows: Anggota[]): Promise<void> {
  await table(db, "intermediate.int_keluarga_angka",
    { keluarga: "VARCHAR", kode_wilayah: "VARCHAR", tahun: "INTEGER", ukuran: "VARCHAR", subjek: "VARCHAR", periode: "VARCHAR", kunci_indikator: "VARCHAR",
      nilai: "DECIMAL(38,6)", teks: "VARCHAR", desimal: "INTEGER", jenis_sumber: "VARCHAR", sumber: "VARCHAR", source_file: "VARCHAR",
      source_sheet: "VARCHAR", source_row: "INTEGER", kolom: "VARCHAR" },
    rows.map(([k, ukuran, tahun, nilai, desimal, jenis, sumber, file, row]) => [k, "6499", tahun, ukuran, "", "tahunan", null, nilai, nilai, desimal, jenis, sumber, file, null, row, "nilai"]));
}

describe("angka_tertinggal (last year's figure printed as this year's)", () => {
  it("fires on a figure for t that equals another source's t-1 value and differs from t's sources", async () => {
    await keluarga([
      ["kawasan|6499|2024|tahunan", "kawasan", 2024, "4", 0, "lkjip", "Tabel A", "uji/a.csv", 5],
      ["kawasan|6499|2024|tahunan", "kawasan", 2024, "4", 0, "lkjip", "Tabel B", "uji/b.csv", 6],
      ["kawasan|6499|2024|tahunan", "kawasan", 2024, "3", 0, "lkjip", "Narasi", "uji/narasi.csv", 33],
      ["kawasan|6499|2023|tahunan", "kawasan", 2023, "3", 0, "lkjip", "Tabel B", "uji/b.csv", 7],
    ]);
    const rows = failing(await runCheck(db, "angka_tertinggal"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ keparahan: "error", nilai_aktual: "3.000000", nilai_diharapkan: "4.000000", keluarga: "kawasan|6499|2024|tahunan" });
    expect(cells(rows[0]!)).toEqual(["uji/narasi.csv:33:nilai"]);
  });

  it("stays silent on a clean region where this year's figures agree, even when they equal last year's", async () => {
    await keluarga([
      ["kawasan|6499|2024|tahunan", "kawasan", 2024, "4", 0, "lkjip", "Tabel A", "uji/a.csv", 5],
      ["kawasan|6499|2024|tahunan", "kawasan", 2024, "4", 0, "lkjip", "Narasi", "uji/narasi.csv", 33],
      ["kawasan|6499|2023|tahunan", "kawasan", 2023, "4", 0, "lkjip", "Tabel B", "uji/b.csv", 7],
    ]);
    expect(failing(await runCheck(db, "angka_tertinggal"))).toEqual([]);
  });
});

describe("identitas_rasio (TPT and TKK from the counts one source states)", () => {
  const SUMBER: Anggota[] = [
    ["angkatan_kerja|6499|2024|tahunan", "angkatan_kerja", 2024, "1000", 0, "tabel_bps", "BPS", "uji/bps.csv", 3],
    ["pengangguran|6499|2024|tahunan", "pengangguran", 2024, "50", 0, "tabel_bps", "BPS", "uji/bps.csv", 4],
    ["bekerja|6499|2024|tahunan", "bekerja", 2024, "950", 0, "tabel_bps", "BPS", "uji/bps.csv", 5],
  ];

  it("fires when a stated rate is not its stated inputs' ratio, naming the rate's cell", async () => {
    await keluarga([
      ...SUMBER,
      ["tpt|6499|2024|tahunan", "tpt", 2024, "5.42", 2, "tabel_bps", "BPS", "uji/bps.csv", 6],
      ["tkk|6499|2024|tahunan", "tkk", 2024, "95", 0, "tabel_bps", "BPS", "uji/bps.csv", 7],
    ]);
    const rows = failing(await runCheck(db, "identitas_rasio"));
    expect(rows.map((r) => [r.tabel, r.keparahan, r.nilai_aktual, r.nilai_diharapkan])).toEqual([["Identitas rasio: tpt", "error", "5.420000", "5.000000"]]);
    expect(cells(rows[0]!)).toEqual(["uji/bps.csv:6:nilai", "uji/bps.csv:4:nilai", "uji/bps.csv:3:nilai"]);
    expect(fix(rows[0]!, "uji/bps.csv:6:nilai")).toBe("5.000000");
  });

  it("stays silent on a clean region (rates printed as roundings of their inputs)", async () => {
    await keluarga([
      ...SUMBER,
      ["tpt|6499|2024|tahunan", "tpt", 2024, "5", 0, "tabel_bps", "BPS", "uji/bps.csv", 6],
      ["tkk|6499|2024|tahunan", "tkk", 2024, "95.00", 2, "tabel_bps", "BPS", "uji/bps.csv", 7],
    ]);
    const all = await runCheck(db, "identitas_rasio");
    expect(all).toHaveLength(2);
    expect(failing(all)).toEqual([]);
  });
});

describe("tanda_kosong (a dash where another source states a value)", () => {
  it("fires on a dash in one table when another table states the figure, proposing that figure", async () => {
    await keluarga([
      ["pagu|6499|2024|tahunan", "pagu", 2024, "1100000000", 0, "kantor", "Tabel realisasi", "uji/realisasi.csv", 6],
      ["pagu|6499|2024|tahunan", "pagu", 2024, null, null, "kantor", "Tabel alokasi", "uji/alokasi.csv", 7],
    ]);
    const rows = failing(await runCheck(db, "tanda_kosong"));
    expect(rows.map((r) => [r.keparahan, r.nilai_diharapkan])).toEqual([["warning", "1100000000.000000"]]);
    expect(cells(rows[0]!)).toEqual(["uji/alokasi.csv:7:nilai"]);
  });

  it("stays silent on a clean region where every statement has its figure", async () => {
    await keluarga([
      ["pagu|6499|2024|tahunan", "pagu", 2024, "1100000000", 0, "kantor", "Tabel realisasi", "uji/realisasi.csv", 6],
      ["pagu|6499|2024|tahunan", "pagu", 2024, "1100000000", 0, "kantor", "Tabel alokasi", "uji/alokasi.csv", 7],
    ]);
    expect(failing(await runCheck(db, "tanda_kosong"))).toEqual([]);
  });
});

describe("klaim_turunan (a change stated in words, recomputed from the figures it derives from)", () => {
  /** Quotes (kutipan) of the outlets' statements, by file and row. */
  async function kutipan(rows: [file: string, row: number, teks: string][]): Promise<void> {
    const cols = { source_file: "VARCHAR", source_row: "INTEGER", kutipan: "VARCHAR" };
    await table(db, "staging.stg_bps_published_figures", cols, []);
    await table(db, "staging.stg_bps_published_wages", cols, rows);
  }
  const UPAH: Anggota[] = [
    ["upah|6499|2023|tahunan", "upah", 2023, "1000000", 0, "kutipan", "Media A", "uji/upah.csv", 2],
    ["upah|6499|2024|tahunan", "upah", 2024, "1050000", 0, "kutipan", "Media B", "uji/upah.csv", 3],
  ];

  it("fires on a stated rise that the two years' figures do not give, naming both cells", async () => {
    await keluarga(UPAH);
    await kutipan([["uji/upah.csv", 3, "Upah tahun ini Rp1.050.000, naik 4,50 persen dari tahun lalu."]]);
    const rows = failing(await runCheck(db, "klaim_turunan"));
    expect(rows.map((r) => [r.keparahan, r.nilai_aktual, r.nilai_diharapkan])).toEqual([["warning", "4.500000", "5.000000"]]);
    expect(cells(rows[0]!)).toEqual(["uji/upah.csv:3:nilai", "uji/upah.csv:2:nilai"]);
  });

  it("reads a fall as negative and a claim about the following year from the earlier figure", async () => {
    await keluarga(UPAH);
    await kutipan([["uji/upah.csv", 2, "Tahun depan naik sekitar 5 persen."], ["uji/upah.csv", 3, "turun 5%"]]);
    const rows = await runCheck(db, "klaim_turunan");
    expect(rows.map((r) => [r.kunci.split(":").at(-2), r.gagal, r.nilai_aktual])).toEqual([["2", false, "5.000000"], ["3", true, "-5.000000"]]);
  });

  it("stays silent on a clean region: the stated change is the figures' change, or nothing derives it", async () => {
    await keluarga(UPAH);
    await kutipan([["uji/upah.csv", 3, "naik 5,00 persen"], ["uji/upah.csv", 9, "naik 7 persen (tanpa angka)"]]);
    expect(failing(await runCheck(db, "klaim_turunan"))).toEqual([]);
  });
});

describe("kode_wilayah (BPS and Kemendagri codes kept apart by the crosswalk)", () => {
  // The crosswalk is the project's configuration (models/config/kode_wilayah_silang.csv): in it 6402 is
  // Kutai Barat's BPS code and Kutai Kartanegara's Kemendagri code (64.02).
  const F = "uji/kutipan.csv";
  async function kutipan(rows: [kode: string, nama: string, ukuran: string, nilai: string | null, row: number][]): Promise<void> {
    await table(db, "staging.stg_bps_published_figures",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", ukuran: "VARCHAR", nama_wilayah: "VARCHAR", nilai: "DECIMAL(28,6)",
        source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      rows.map(([kode, nama, ukuran, nilai, row]) => [kode, 2024, ukuran, nama, nilai, F, null, row]));
    await table(db, "staging.stg_bps_published_wages",
      { kode_wilayah: "VARCHAR", nama_wilayah: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" }, []);
    // The BPS region master may list regions the crosswalk does not cover (another province).
    await table(db, "staging.stg_bps_wilayah",
      { kode_wilayah: "VARCHAR", nama_wilayah: "VARCHAR", alias: "VARCHAR", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      [["6403", "Kabupaten Kutai Kartanegara", "Kukar", "uji/wilayah.csv", null, 5], ["6402", "Kabupaten Kutai Barat", null, "uji/wilayah.csv", null, 4],
       ["1101", "Kabupaten Contoh Lain", "Contoh Lain", "uji/wilayah.csv", null, 6]]);
    await table(db, "raw.source_files", { source_file: "VARCHAR", layout: "VARCHAR" },
      [[F, "bps.published_figures"], ["uji/wilayah.csv", "bps.wilayah"]]);
  }

  it("fires on a row keyed by another region's BPS code or by an unknown code, and on a stated code of the wrong system", async () => {
    await kutipan([
      // Kutai Kartanegara keyed by its Kemendagri digits: would join Kutai Barat's figures.
      ["6402", "Kabupaten Kutai Kartanegara", "tpt", "4.05", 2],
      ["6402", "Kabupaten Kutai Kartanegara", "angkatan_kerja", "371349", 3],
      ["6499", "Kabupaten Contoh", "tpt", "5.00", 4],
      // The Kemendagri code stated for Kutai Kartanegara is 64.02, not the BPS 6403.
      ["6403", "Kabupaten Kutai Kartanegara", "kemendagri_style_code", "6403", 5],
    ]);
    const rows = failing(await runCheck(db, "kode_wilayah"));
    expect(rows.map((r) => [r.kunci, r.keparahan, r.nilai_aktual, r.nilai_diharapkan])).toEqual([
      [`kode_wilayah:kunci:${F}:6402:Kabupaten Kutai Kartanegara`, "warning", "6402.000000", "6403.000000"],
      [`kode_wilayah:kunci:${F}:6499:Kabupaten Contoh`, "warning", "6499.000000", null],
      [`kode_wilayah:nilai:${F}:5`, "warning", "6403.000000", "6402.000000"],
    ]);
    expect(cells(rows[0]!)).toEqual([`${F}:2:kode_bps`, `${F}:2:nama_wilayah`]);
    expect(rows[0]!.penjelasan).toContain("kode Kemendagri Kutai Kartanegara");
    expect(rows[0]!.penjelasan).toContain("(2 baris berkas ini.)");
    expect(fix(rows[2]!, `${F}:5:nilai`)).toBe("6402.000000");
  });

  it("stays silent on a clean region: every row keyed by the BPS code of the region it names, every stated code its own", async () => {
    await kutipan([
      ["6403", "Kabupaten Kutai Kartanegara", "tpt", "4.05", 2],
      ["6402", "Kutai Barat", "tpt", "5.00", 3],
      ["6403", "Kabupaten Kutai Kartanegara", "kemendagri_style_code", "6402", 4],
      ["6403", "Kabupaten Kutai Kartanegara", "bps_region_code", "6403", 5],
      // a region of another province: its code is known to the BPS master, not to the crosswalk
      ["1101", "Contoh Lain", "tpt", "6.00", 6],
    ]);
    const all = await runCheck(db, "kode_wilayah");
    expect(all.length).toBe(8);
    expect(failing(all)).toEqual([]);
  });
});

describe("identitas_hitungan (one count of persons or cases, stated over different breakdowns)", () => {
  const GOL = "uji/pegawai_golongan.csv";
  const ESL = "uji/pegawai_eselon.csv";
  const LC = "uji/lampiran_c.csv";
  const HI = "uji/data_hi.csv";
  const KET = "uji/keterangan_hi.csv";
  /** The staff and dispute tables the model int_hitungan_lintas reads, then the model itself, as the build runs it. */
  async function kantor(o: { eselonP: number; volume: number }): Promise<void> {
    const pegawai = { kode_wilayah: "VARCHAR", tahun: "INTEGER", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" };
    await table(db, "staging.stg_plans_pegawai_pendidikan",
      { ...pegawai, pendidikan: "VARCHAR", pns_iv: "DECIMAL(28,6)", pns_iii: "DECIMAL(28,6)", pns_ii: "DECIMAL(28,6)", pns_i: "DECIMAL(28,6)", non_asn: "DECIMAL(28,6)", jumlah: "DECIMAL(28,6)" },
      [["6499", 2024, "uji/pegawai_pendidikan.csv", null, 3, "S1", 3, 7, null, null, 5, 15]]);
    const lp = { ...pegawai, laki_laki: "DECIMAL(28,6)", perempuan: "DECIMAL(28,6)", jumlah: "DECIMAL(28,6)" };
    await table(db, "staging.stg_plans_pegawai_golongan", { ...lp, golongan: "VARCHAR" },
      [["6499", 2024, GOL, null, 2, 2, 1, 3, "IV"], ["6499", 2024, GOL, null, 3, 4, 3, 7, "III"]]);
    await table(db, "staging.stg_plans_pegawai_eselon", { ...lp, eselon: "VARCHAR" },
      [["6499", 2024, ESL, null, 2, 1, 0, 1, "III"], ["6499", 2024, ESL, null, 3, 5, o.eselonP, 5 + o.eselonP, "NON ESELON"]]);
    const hi = { kode_wilayah: "VARCHAR", tahun: "INTEGER", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" };
    await table(db, "staging.stg_hi_per_sektor",
      { ...hi, kasus_sektor: "DECIMAL(28,6)", hak_kasus: "DECIMAL(28,6)", phk_kasus: "DECIMAL(28,6)", kepentingan_kasus: "DECIMAL(28,6)", antar_sp_kasus: "DECIMAL(28,6)",
        hak_tk: "DECIMAL(28,6)", phk_tk: "DECIMAL(28,6)", kepentingan_tk: "DECIMAL(28,6)", antar_sp_tk: "DECIMAL(28,6)" }, []);
    await table(db, "staging.stg_hi_per_kecamatan", { ...hi, karyawan: "DECIMAL(28,6)" }, []);
    await table(db, "staging.stg_budget_lampiran_c",
      { ...hi, uraian: "VARCHAR", target: "DECIMAL(28,6)", target_satuan: "VARCHAR", capaian: "DECIMAL(28,6)", capaian_satuan: "VARCHAR" },
      [["6499", 2024, LC, null, 17, "Penyediaan Gaji dan Tunjangan ASN", 10, "Orang/Bulan", o.volume, "Orang/Bulan"],
       ["6499", 2024, LC, null, 18, "Pelatihan Berbasis Kompetensi", 50, "Orang", 50, "Orang"]]);
    const sql = (await readFile(join(MODELS, "intermediate/int_hitungan_lintas.sql"), "utf8")).trim().replace(/;\s*$/, "");
    await table(db, "raw.source_files", { source_file: "VARCHAR", layout: "VARCHAR", rujukan: "VARCHAR", judul: "VARCHAR" },
      [[ESL, "plans.pegawai_eselon", "Tabel uji 1.3", "Pegawai per eselon"]]);
    await db.run(`CREATE SCHEMA IF NOT EXISTS intermediate`);
    await db.run(`CREATE OR REPLACE TABLE intermediate.int_hitungan_lintas AS ${sql}`);
  }
  const kasus = (hak: string): Anggota[] => [
    ["pegawai_pns|6499|2024|tahunan", "pegawai_pns", 2024, "10", 0, "lkjip", "LKjIP narasi", "uji/narasi.csv", 3],
    ["kasus_hi_hak_masuk|6499|2024|tahunan", "kasus_hi_hak_masuk", 2024, hak, 0, "kantor", "Lembar data HI", HI, 5],
    ["kasus_hi_kepentingan_masuk|6499|2024|tahunan", "kasus_hi_kepentingan_masuk", 2024, "0", 0, "kantor", "Lembar data HI", HI, 6],
    ["kasus_hi_phk_masuk|6499|2024|tahunan", "kasus_hi_phk_masuk", 2024, "5", 0, "kantor", "Lembar data HI", HI, 7],
    ["kasus_hi_antar_sp_masuk|6499|2024|tahunan", "kasus_hi_antar_sp_masuk", 2024, "0", 0, "kantor", "Lembar data HI", HI, 8],
    ["kasus_hi_masuk|6499|2024|tahunan", "kasus_hi_masuk", 2024, "8", 0, "kantor", "Lembar data HI", HI, 9],
    // KETERANGAN states the outcomes of the same 8 cases: 4 PB + 1 in process + 3 anjuran; 7 settled.
    ["kasus_hi_terselesaikan|6499|2024|tahunan", "kasus_hi_terselesaikan", 2024, "7", 0, "kantor", "KETERANGAN HI", KET, 2],
    ["kasus_hi_pb|6499|2024|tahunan", "kasus_hi_pb", 2024, "4", 0, "kantor", "KETERANGAN HI", KET, 3],
    ["kasus_hi_dalam_proses|6499|2024|tahunan", "kasus_hi_dalam_proses", 2024, "1", 0, "kantor", "KETERANGAN HI", KET, 4],
    ["kasus_hi_anjuran|6499|2024|tahunan", "kasus_hi_anjuran", 2024, "3", 0, "kantor", "KETERANGAN HI", KET, 5],
  ];

  it("fires on a breakdown whose sum differs from the count the other tables state, naming its cells and the fix", async () => {
    await kantor({ eselonP: 5, volume: 10 });
    await keluarga(kasus("4"));
    const rows = failing(await runCheck(db, "identitas_hitungan"));
    expect(rows.map((r) => [r.kunci, r.keparahan, r.nilai_aktual, r.nilai_diharapkan])).toEqual([
      ["hitungan:kasus_hi_masuk:6499:2024:", "error", "9.000000", "8.000000"],
      ["hitungan:pegawai_pns:6499:2024:", "error", "11.000000", "10.000000"],
      // Two tables, one value each: neither is preferred, both breakdowns are named.
      ["hitungan:pegawai_pns:6499:2024:jenis kelamin P", "error", "5.000000", null],
    ]);
    expect(cells(rows[0]!)).toEqual([`${HI}:5:nilai`, `${HI}:6:nilai`, `${HI}:7:nilai`, `${HI}:8:nilai`]);
    expect(fix(rows[0]!, `${HI}:5:nilai`)).toBe("3.000000");
    expect(cells(rows[2]!)).toEqual([`${ESL}:2:perempuan`, `${ESL}:3:perempuan`, `${GOL}:2:perempuan`, `${GOL}:3:perempuan`]);
    expect(fix(rows[2]!, `${ESL}:3:perempuan`)).toBe("4.000000");
    expect(fix(rows[2]!, `${GOL}:3:perempuan`)).toBe("4.000000");
    // The document a user holds is cited where the catalogue names it.
    expect(rows[1]!.penjelasan).toContain("11 menurut eselon (Tabel uji 1.3)");
  });

  it("reads a payroll line's persons-per-month volume as a headcount: a difference is a warning", async () => {
    await kantor({ eselonP: 4, volume: 9 });
    await keluarga(kasus("3"));
    const rows = failing(await runCheck(db, "identitas_hitungan"));
    expect(rows.map((r) => [r.kunci, r.keparahan, r.nilai_aktual, r.nilai_diharapkan])).toEqual([
      ["hitungan:pegawai_pns:6499:2024:", "warning", "9.000000", "10.000000"],
    ]);
    expect(cells(rows[0]!)).toEqual([`${LC}:17:capaian`]);
  });

  it("stays silent on a clean office: every breakdown gives the count the other tables state", async () => {
    await kantor({ eselonP: 4, volume: 10 });
    await keluarga(kasus("3"));
    const all = await runCheck(db, "identitas_hitungan");
    // staff in total, by golongan IV and III, by sex L and P; cases received (by type and by outcome)
    expect(all.map((r) => r.kunci)).toEqual([
      "hitungan:kasus_hi_masuk:6499:2024:", "hitungan:pegawai_pns:6499:2024:", "hitungan:pegawai_pns:6499:2024:golongan III",
      "hitungan:pegawai_pns:6499:2024:golongan IV", "hitungan:pegawai_pns:6499:2024:jenis kelamin L", "hitungan:pegawai_pns:6499:2024:jenis kelamin P",
    ]);
    expect(failing(all)).toEqual([]);
  });
});

describe("varian_ukuran (a figure labelled as a variant is grouped with its measure, with its note)", () => {
  const F = "uji/upah.csv";
  /** Labelled wage quotes, read by the model int_varian_ukuran as the build runs it. */
  async function upah(rows: [label: string, nilai: string, row: number][]): Promise<void> {
    await table(db, "staging.stg_bps_published_wages",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", jenis_upah: "VARCHAR", nilai_rupiah: "DECIMAL(28,6)", url_sumber: "VARCHAR",
        source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      rows.map(([label, nilai, row]) => ["6499", 2024, label, nilai, `https://media${row}.example/berita`, F, null, row]));
    await table(db, "staging.stg_hi_data_sheet",
      { kode_wilayah: "VARCHAR", tahun: "INTEGER", uraian: "VARCHAR", nilai: "DECIMAL(28,6)", source_file: "VARCHAR", source_sheet: "VARCHAR", source_row: "INTEGER" },
      [["6499", 2023, "UMSK 2024 / Perkebunan", "3100000", "uji/data_hi.csv", null, 40], ["6499", 2023, "UMK 2024", "3000000", "uji/data_hi.csv", null, 39]]);
    await table(db, "staging.stg_bps_wilayah", { kode_wilayah: "VARCHAR", nama_wilayah: "VARCHAR", source_file: "VARCHAR", source_row: "INTEGER" },
      [["6499", "Kabupaten Contoh", "uji/wilayah.csv", 2]]);
    const sql = (await readFile(join(MODELS, "intermediate/int_varian_ukuran.sql"), "utf8")).trim().replace(/;\s*$/, "");
    await db.run(`CREATE SCHEMA IF NOT EXISTS intermediate`);
    await db.run(`CREATE OR REPLACE TABLE intermediate.int_varian_ukuran AS ${sql}`);
  }
  // The UMK family: the governor's decree and two outlets.
  const UMK: Anggota[] = [
    ["umk|6499|2024|tahunan", "umk", 2024, "3000000.50", 2, "kantor", "Keputusan Gubernur (UMK)", "uji/umk.csv", 2],
    ["umk|6499|2024|tahunan", "umk", 2024, "3000000.50", 2, "kutipan", "media1.example", F, 1],
  ];

  it("fires on an 'as stated' variant that is neither the measure's value nor its rounding, grouped under the measure's family", async () => {
    await keluarga(UMK);
    await upah([["UMK", "3000000.50", 1], ["UMK (as stated)", "3090000", 2], ["UMK (rounded in source)", "3000001", 3]]);
    const rows = await runCheck(db, "varian_ukuran");
    expect(failing(rows).map((r) => [r.kunci, r.keparahan, r.keluarga, r.nilai_aktual, r.nilai_diharapkan])).toEqual([
      [`varian:umk|6499|2024|tahunan:${F}:2:value_rupiah`, "warning", "umk|6499|2024|tahunan", "3090000.000000", "3000000.500000"],
    ]);
    // the variant first, then the members that state the measure's value (the value the hierarchy supports)
    expect(cells(failing(rows)[0]!)).toEqual([`${F}:2:value_rupiah`, "uji/umk.csv:2:nilai", `${F}:1:nilai`]);
    expect(failing(rows)[0]!.penjelasan).toContain("varian \"sesuai tercetak\" dari Upah Minimum Kabupaten (UMK) Kabupaten Contoh tahun 2024");
    // The rounded variant is the measure's value rounded by its source: listed, silent.
    expect(rows.find((r) => r.kunci.endsWith(":3:value_rupiah"))).toMatchObject({ gagal: false, nilai_aktual: "3000001.000000" });
  });

  it("lists a proposal and a sectoral wage with their notes without comparing them as conflicting values", async () => {
    await keluarga(UMK);
    await upah([["UMK (usulan Dewan Pengupahan)", "3200000", 4], ["UMSK perkebunan", "3300000", 5]]);
    const rows = await runCheck(db, "varian_ukuran");
    expect(rows.map((r) => [r.kunci.split(":").slice(2, 4).join(":"), r.gagal])).toEqual([
      ["uji/data_hi.csv:40", false], [`${F}:4`, false], [`${F}:5`, false],
    ]);
    expect(rows[0]!.penjelasan).toContain("varian \"sektoral\"");
    expect(rows[1]!.penjelasan).toContain("angka usulan");
  });

  it("stays silent on a clean region: every variant that should equal its measure does", async () => {
    await keluarga(UMK);
    await upah([["UMK (as stated)", "3000000.50", 2], ["UMK (rounded in source)", "3000000", 3]]);
    const all = await runCheck(db, "varian_ukuran");
    expect(all.length).toBe(3);
    expect(failing(all)).toEqual([]);
  });
});
