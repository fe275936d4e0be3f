/** AK-I job-seeker recap (Rekapitulasi Laporan Pencari Kerja): education x sex, stock and flows. */
import { COUNT, defineLayout, type ColumnSpec } from "../layout.js";

const MEASURES = [
  ["sisa_lalu", "Sisa Tahun Lalu"],
  ["terdaftar", "Yang Terdaftar"],
  ["penempatan", "Penempatan"],
  ["penghapusan", "Penghapusan"],
  ["sisa_akhir", "Sisa Akhir"],
] as const;

const measureColumns: ColumnSpec[] = MEASURES.flatMap(([key, label]) =>
  (["l", "w"] as const).map(
    (sex): ColumnSpec => ({
      key: `${key}_${sex}`,
      headers: [`${label} / ${sex.toUpperCase()}`, `${label} / ${sex === "l" ? "Laki-laki" : "Wanita"}`, `${label} / ${sex === "l" ? "LK" : "PR"}`],
      type: "angka",
      dash: "zero",
      optional: false,
      domain: COUNT,
    }),
  ),
);

export const rekap = defineLayout({
  name: "ak1.rekap",
  table: "ak1_rekap",
  reader: "sheet",
  headerRows: 2,
  columns: [
    { key: "no", headers: ["No", "No."], type: "text" },
    { key: "pendidikan", headers: ["Pendidikan", "Tingkat Pendidikan"], type: "text" },
    ...measureColumns,
  ],
  totalWhen: "regexp_matches({pendidikan}, '^\\s*jumlah', 'i')",
  cues: { tahun: "TAHUN\\s+(\\d{4})", wilayah: true },
});

export const MEASURE_KEYS = MEASURES.map(([k]) => k);
