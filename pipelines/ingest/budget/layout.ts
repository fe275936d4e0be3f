/**
 * Budget (anggaran) sheets of the LKjIP 2024: the Lampiran C activity-level realisation report,
 * program-level realisation (Tabel 3.22 / 3.23), allocations before and after the APBD-P
 * (Tabel 2.6-2.9) and the Kegiatan dan Anggaran Perubahan list (Lampiran B).
 */
import { defineLayout, type ColumnSpec } from "../layout.js";

/**
 * Lampiran C: a finance export (16 columns, 3 header rows with merged parents, then the printed
 * column-number row "1, 2, 3, ... 15"). It stands for exports that can be large, hence the bulk
 * reader. Rows form a tree (urusan > bidang > program > kegiatan > sub-kegiatan) whose program
 * and kegiatan rows are printed subtotals of their children; normalise.ts derives the level and
 * parent of every row because several codes are malformed or missing.
 *
 * Every figure column reads "-" as zero: the sheet comes from a spreadsheet in accounting format,
 * which prints 0 as "-". Row 45 (2.07.01.2.09.0008) shows it: BERTAMBAH (75.000.000,00) took the
 * whole budget away, so PAGU "-" is 0 (the kegiatan subtotal 376.041.931 adds up only with 0),
 * and REALISASI / SISA "-" are 0 (KET: not executed). In BERTAMBAH, "-" means "no change".
 */
const amount = (key: string, headers: string[], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  headers,
  type: "angka",
  dash: "zero",
  optional: false,
  ...extra,
});

export const lampiranC = defineLayout({
  name: "budget.lampiran_c",
  table: "budget_lampiran_c",
  reader: "bulk",
  headerRows: 3,
  skipAfterHeader: 1,
  columns: [
    // NO holds the sub-kegiatan number (1..47), a roman numeral for programs, and for the
    // transmigrasi part the urusan/bidang code itself ("3", "3,32"): kept as text, as printed.
    { key: "no", headers: ["NO"], type: "text" },
    { key: "kode", headers: ["KODE PROGRAM / KEGIATAN", "KODE REKENING", "KODE"], type: "kode_rekening" },
    { key: "uraian", headers: ["URAIAN KEGIATAN", "URAIAN"], type: "text" },
    { key: "lokasi", headers: ["LOKASI KEGIATAN", "LOKASI"], type: "text" },
    { key: "target", headers: ["KINERJA / TARGET KINERJA"], type: "kuantitas", dash: "zero" },
    { key: "capaian", headers: ["KINERJA / CAPAIAN KINERJA"], type: "kuantitas", dash: "zero" },
    amount("rea_fisik_pct", ["KINERJA / REA S/D BULAN INI (%)"]),
    // Printed identity "SISA DANA (8-10)": pagu = realisasi + sisa on every row, recorded as a
    // row total so the reconciliation checks it like any other printed sum.
    amount("pagu", ["ANGGARAN / PAGU DANA SESUDAH PERUBAHAN", "ANGGARAN / PAGU DANA"], {
      rowTotalOf: ["realisasi", "sisa"],
    }),
    amount("bertambah_berkurang", ["ANGGARAN / BERTAMBAH / BERKURANG"]),
    amount("bobot", ["ANGGARAN / BOBOT"]),
    amount("realisasi", ["ANGGARAN / REALISASI KEUANGAN / (Rp.)", "ANGGARAN / REALISASI KEUANGAN / Rp"]),
    amount("realisasi_pct", ["ANGGARAN / REALISASI KEUANGAN / %"]),
    amount("tertimbang_fisik", ["ANGGARAN / TERTIMBANG / FISIK %"]),
    amount("tertimbang_keu", ["ANGGARAN / TERTIMBANG / KEU %"]),
    amount("sisa", ["ANGGARAN / SISA DANA (8-10) (Rp.)", "ANGGARAN / SISA DANA (Rp.)", "ANGGARAN / SISA DANA"]),
    { key: "keterangan", headers: ["KET/PERMASALAHAN", "KETERANGAN"], type: "text" },
  ],
  // The grand total is the last row, printed without any label (no NO, code or uraian). The
  // urusan/bidang rows also lack a code but carry an uraian and no figures.
  totalWhen: "{no} IS NULL AND {kode} IS NULL AND {uraian} IS NULL AND {pagu} IS NOT NULL",
  cues: { tahun: "(?:S/D\\s+\\S+|TAHUN)\\s+(\\d{4})", wilayah: true },
  // Kegiatan and sub-kegiatan rows are already inside their program subtotal: the grand total
  // sums the program rows only (tingkat is derived in normalise.ts).
  totalRowsFilter: "tingkat = 'program'",
});

/**
 * Tabel 3.22 (2024) / 3.23 (2023): realisation per program. Sasaran and Indikator are merged
 * cells printed once for the programs under them (stg_budget_realisasi_program forward-fills them with the macro isi).
 * The 2023 table prints percentages with a "%" sign, 2024 without.
 */
export const realisasiProgram = defineLayout({
  name: "budget.realisasi_program",
  table: "budget_realisasi_program",
  reader: "sheet",
  headerRows: 1,
  columns: [
    { key: "sasaran", headers: ["Sasaran Strategis", "Sasaran"], type: "text" },
    { key: "indikator", headers: ["Indikator Sasaran", "Indikator"], type: "text" },
    { key: "program", headers: ["Program/ Kegiatan", "Program / Kegiatan", "Program"], type: "text" },
    // Sisa is printed as anggaran - realisasi: anggaran = realisasi + sisa is the row's claim
    // (the 2023 Pelatihan row breaks it).
    { key: "anggaran", headers: ["Anggaran (Rp)", "Anggaran"], type: "angka", rowTotalOf: ["realisasi", "sisa"] },
    { key: "realisasi", headers: ["Realisasi (Rp)", "Realisasi"], type: "angka" },
    // A ratio (realisasi / anggaran x 100); normalise re-describes its printed total as such.
    { key: "realisasi_pct", headers: ["Persentase Realisasi (%)", "Persentase Realisasi"], type: "angka" },
    { key: "sisa", headers: ["Sisa Anggaran (Rp)", "Sisa Anggaran"], type: "angka" },
  ],
  totalWhen: "regexp_matches({sasaran}, '^\\s*(total|jumlah)', 'i')",
});

/**
 * Allocation tables before/after the APBD-P. "Rp. -" in Sesudah Perubahan and Bertambah /
 * Berkurang means "not stated" (the budget of those programs was kept: 100.000.000 /
 * 1.100.000.000 / 300.000.000 in Lampiran B and Tabel 3.22), so it loads as NULL, not 0.
 * Sesudah = Sebelum + Bertambah/Berkurang is each row's claim, recorded as a row total (Tabel 2.9
 * Penempatan breaks it: 7.959.000.000 + 613.399.000 = 8.572.399.000, printed 8.672.399.000).
 */
const alokasiColumns = (first: ColumnSpec): ColumnSpec[] => [
  first,
  { key: "sebelum", headers: ["Sebelum Perubahan"], type: "angka", dash: "missing", optional: false },
  {
    key: "sesudah",
    headers: ["Sesudah Perubahan"],
    type: "angka",
    dash: "missing",
    optional: false,
    rowTotalOf: ["sebelum", "bertambah_berkurang"],
  },
  {
    key: "bertambah_berkurang",
    headers: ["Bertambah / Berkurang", "Bertambah/Berkurang"],
    type: "angka",
    dash: "missing",
    optional: false,
  },
];

/** Tabel 2.6 (Alokasi Anggaran) and Tabel 2.7 (Alokasi Anggaran Belanja): one label column. */
export const alokasiUraian = defineLayout({
  name: "budget.alokasi_uraian",
  table: "budget_alokasi_uraian",
  reader: "sheet",
  headerRows: 1,
  columns: alokasiColumns({ key: "uraian", headers: ["Uraian"], type: "text", dash: "missing", optional: false }),
  totalWhen: "regexp_matches({uraian}, '^\\s*(total|jumlah)', 'i')",
});

/** Tabel 2.8: allocation per sasaran strategis. */
export const alokasiSasaran = defineLayout({
  name: "budget.alokasi_sasaran",
  table: "budget_alokasi_sasaran",
  reader: "sheet",
  headerRows: 1,
  columns: alokasiColumns({ key: "sasaran", headers: ["Sasaran", "Sasaran Strategis"], type: "text", dash: "missing", optional: false }),
  totalWhen: "regexp_matches({sasaran}, '^\\s*(total|jumlah)', 'i')",
});

/** Tabel 2.9: allocation per program. */
export const alokasiProgram = defineLayout({
  name: "budget.alokasi_program",
  table: "budget_alokasi_program",
  reader: "sheet",
  headerRows: 1,
  columns: alokasiColumns({ key: "program", headers: ["Program"], type: "text", dash: "missing", optional: false }),
  totalWhen: "regexp_matches({program}, '^\\s*(total|jumlah)', 'i')",
});

/** Lampiran B: budget per program after the APBD-P; "JUMLAH ANGGARAN" sits in the NO column. */
export const kegiatanAnggaranPerubahan = defineLayout({
  name: "budget.kegiatan_anggaran_perubahan",
  table: "budget_kegiatan_anggaran_perubahan",
  reader: "sheet",
  headerRows: 1,
  columns: [
    { key: "no", headers: ["NO", "No."], type: "text" },
    { key: "program", headers: ["PROGRAM"], type: "text" },
    { key: "anggaran", headers: ["ANGGARAN"], type: "angka", dash: "missing" },
    // "APBD-P" (changed in the APBD-P) or "APBD" (unchanged).
    { key: "keterangan", headers: ["KETERANGAN"], type: "text" },
  ],
  totalWhen: "regexp_matches(coalesce({no}, {program}), '^\\s*(total|jumlah)', 'i')",
});

export const BUDGET_LAYOUTS = [lampiranC, realisasiProgram, alokasiUraian, alokasiSasaran, alokasiProgram, kegiatanAnggaranPerubahan];
