/**
 * Analysts' recorded decisions (sources/resolutions.csv): which value stands for a finding or a figure
 * family, why, who decided and when. Resolving never edits a source file.
 */
import { defineLayout } from "../layout.js";

export const keputusan = defineLayout({
  name: "resolusi.keputusan",
  table: "resolusi_keputusan",
  reader: "sheet",
  headerRows: 1,
  columns: [
    { key: "id", headers: ["id", "id temuan", "id keluarga"], type: "text" },
    { key: "nilai_berlaku", headers: ["nilai_berlaku", "nilai berlaku"], type: "teks_angka" },
    { key: "alasan", headers: ["alasan"], type: "text" },
    { key: "oleh", headers: ["oleh", "diputuskan oleh"], type: "text" },
    { key: "tanggal", headers: ["tanggal"], type: "text" },
  ],
  // No decision recorded yet is a normal state.
  mayBeEmpty: true,
});
