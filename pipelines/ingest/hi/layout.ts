/**
 * Bidang Hubungan Industrial (HI) appendix sheets of the LKjIP 2024: the key/value data sheet,
 * industrial disputes by sector and by kecamatan, and the KETERANGAN summary (A-F).
 */
import { COUNT, defineLayout, type ColumnSpec } from "../layout.js";

/**
 * DATA BIDANG HUBUNGAN INDUSTRIAL: one figure per row. Section title rows (Butir empty, no Nilai)
 * stay data rows with a NULL nilai: their Uraian is the only place the section's name is printed
 * (a note row would keep only the Bagian number), and normalise forward-fills it as bagian_judul.
 * This sheet groups thousands with a comma ("1,495"; "Rp. 3,766,379,19" = 3766379.19).
 */
export const dataSheet = defineLayout({
  name: "hi.data_sheet",
  table: "hi_data_sheet",
  reader: "sheet",
  headerRows: 1,
  thousands: ",",
  columns: [
    { key: "bagian", headers: ["Bagian"], type: "text" },
    { key: "butir", headers: ["Butir"], type: "text" },
    { key: "uraian", headers: ["Uraian"], type: "text" },
    // Counts and money: "-" is nil (no strike, no arbiter), an empty cell stays NULL.
    { key: "nilai", headers: ["Nilai"], type: "angka", dash: "zero", domain: { min: "0" } },
    { key: "satuan", headers: ["Satuan"], type: "text" },
  ],
  cues: { tahun: "TAHUN\\s+(\\d{4})", wilayah: true },
});

const JENIS = [
  ["hak", "HAK"],
  ["phk", "PHK"],
  ["kepentingan", "KEPENTINGAN"],
  ["antar_sp", "ANTAR SP/SB"],
] as const;

const PARENT = "PERSELISIHAN HUBUNGAN INDUSTRIAL";

const jenisColumns: ColumnSpec[] = JENIS.flatMap(([key, label]): ColumnSpec[] => [
  { key: `${key}_kasus`, headers: [`${PARENT} / ${label} / KASUS`], type: "angka", dash: "zero", optional: false, domain: COUNT },
  { key: `${key}_tk`, headers: [`${PARENT} / ${label} / TK`], type: "angka", dash: "zero", optional: false, domain: COUNT },
  { key: `${key}_pb`, headers: [`${PARENT} / ${label} / PENYELESAIAN / PB`], type: "angka", dash: "zero", optional: false, domain: COUNT },
  {
    key: `${key}_anjuran`,
    // The last column is printed abbreviated ("ANJ").
    headers: [`${PARENT} / ${label} / PENYELESAIAN / ANJURAN`, `${PARENT} / ${label} / PENYELESAIAN / ANJ`],
    type: "angka",
    dash: "zero",
    optional: false,
    domain: COUNT,
  },
]);

export const JENIS_KEYS = JENIS.map(([k]) => k);

/** Disputes by economic sector x dispute type (4 header rows, 21 columns). */
export const perSektor = defineLayout({
  name: "hi.per_sektor",
  table: "hi_per_sektor",
  reader: "sheet",
  headerRows: 4,
  columns: [
    // sektor before no: a stated total's label is the first non-empty text column, and the
    // total row's NO is just "-".
    { key: "sektor", headers: ["SEKTOR"], type: "text" },
    { key: "no", headers: ["NO"], type: "text" },
    {
      key: "kasus_sektor",
      headers: ["Kasus per - Sektor ter- selesaikan", "Kasus per-Sektor terselesaikan"],
      type: "angka",
      dash: "zero",
      rowTotalOf: JENIS_KEYS.map((k) => `${k}_kasus`),
    },
    { key: "tenaga_kerja", headers: ["Tenaga Kerja"], type: "angka", dash: "zero", domain: COUNT },
    { key: "kasus_terselesaikan", headers: ["KASUS TERSELESAIKAN"], type: "angka", dash: "zero", domain: COUNT },
    ...jenisColumns,
  ],
  totalWhen: "regexp_matches({sektor}, '^\\s*jumlah', 'i')",
  cues: { wilayah: true },
  // The sector rows leave "Tenaga Kerja" and "KASUS TERSELESAIKAN" blank: only the total row
  // prints them, as grand totals across the four dispute types (TK 10+389+0+800, kasus 10+77+0+1).
  totalSums: {
    tenaga_kerja: JENIS_KEYS.map((k) => `${k}_tk`),
    kasus_terselesaikan: JENIS_KEYS.map((k) => `${k}_kasus`),
  },
});

/** KETERANGAN: the A-F summary under the sector table (key/value). */
export const keterangan = defineLayout({
  name: "hi.keterangan",
  table: "hi_keterangan",
  reader: "sheet",
  headerRows: 1,
  columns: [
    { key: "keterangan", headers: ["KETERANGAN"], type: "text" },
    { key: "km", headers: ["KM"], type: "text" },
    // The letter (A-F) other summaries refer to (A = C + E, F = A + D).
    { key: "kode", headers: ["FRM"], type: "text" },
    { key: "jumlah", headers: ["JLH"], type: "angka", dash: "zero", domain: COUNT },
  ],
});

/**
 * Disputes by kecamatan. The last printed row is the total, but shifted one column left in the
 * source (94 under NO, 1199 under KASUS, 1174 under KARYAWAN, 25 under L): it is recognised by
 * its empty KECAMATAN and loaded as printed, so the reconciliation reports the mismatches.
 */
export const perKecamatan = defineLayout({
  name: "hi.per_kecamatan",
  table: "hi_per_kecamatan",
  reader: "sheet",
  headerRows: 1,
  columns: [
    // kecamatan before no, so each row total is labelled by its kecamatan (see perSektor).
    { key: "kecamatan", headers: ["KECAMATAN"], type: "text" },
    { key: "no", headers: ["NO"], type: "text" },
    { key: "kasus", headers: ["KASUS"], type: "angka", dash: "zero", domain: COUNT },
    { key: "karyawan", headers: ["KARYAWAN"], type: "angka", dash: "zero", rowTotalOf: ["l", "p"], domain: COUNT },
    { key: "l", headers: ["L"], type: "angka", dash: "zero", domain: COUNT },
    { key: "p", headers: ["P"], type: "angka", dash: "zero", domain: COUNT },
  ],
  totalWhen: "{kecamatan} IS NULL AND coalesce({kasus}, {karyawan}, {l}, {p}) IS NOT NULL",
});
