/**
 * LKjIP 2024 report tables and narrative figures. Everything here is what the report CLAIMS, so
 * every figure column is teks_angka (kept verbatim, never fails: "7,3T", "114%", "Zona Hijau",
 * "(1.963 / 10.408 x 100)") and only row labels are text.
 *
 * Keys follow meaning, not the printed word: the report says "Capaian" both for the realised value
 * (Tabel 3.4-3.15, 3.5) and for the achievement percentage (Tabel 3.2, 3.17). Here `realisasi` is
 * always the realised value and `capaian` always the percentage of target achieved, so claims can
 * be compared across tables by key; raw.source_columns keeps the printed header of every key.
 */
import { defineLayout, YEARS, type ColumnSpec } from "../layout.js";

const label = (key: string, ...headers: string[]): ColumnSpec => ({ key, headers, type: "text", dash: "missing", optional: false });
const claim = (key: string, ...headers: string[]): ColumnSpec => ({ key, headers, type: "teks_angka", dash: "missing", optional: false });
/**
 * Claims about a year the header names ("Tahun 2023 / Target Kinerja", "Capaian / 2022"): one optional
 * column per year of YEARS, key <key>_<yyyy>, so the years are the document's (the models read them
 * by key pattern and take the year from the suffix), never the layout's.
 */
const perTahun = (key: string, header: (y: number) => string): ColumnSpec[] =>
  YEARS.map((y) => ({ ...claim(`${key}_${y}`, header(y)), optional: true, group: `kolom ${key} per tahun` }));
/** A claim whose header names a year of the report ("Sampai Tahun 2024"): matched by pattern, \d{4} for the year. */
const claimTahun = (key: string, ...patterns: string[]): ColumnSpec => ({
  ...claim(key, patterns[0]!.replace(/\\d\{4\}/g, "<tahun>").replace(/\\([()])/g, "$1")),
  headerPatterns: patterns.map((p) => `^${p}$`),
});

const no = label("no", "No.", "No");
const sasaran = label("sasaran", "SASARAN", "Sasaran Strategis");
const satuan = label("satuan", "SATUAN");

/** Tabel 2.5: the performance agreement (PK) as restated in the report body. */
export const perjanjianKinerja = defineLayout({
  name: "lkjip.perjanjian_kinerja",
  table: "lkjip_perjanjian_kinerja",
  reader: "sheet",
  headerRows: 1,
  columns: [no, sasaran, label("indikator", "INDIKATOR"), satuan, claim("target", "TARGET")],
});

/** Tabel 3.2: target, realisation and achievement of all 48 PK indicators. */
export const capaianKinerja = defineLayout({
  name: "lkjip.capaian_kinerja",
  table: "lkjip_capaian_kinerja",
  reader: "sheet",
  headerRows: 1,
  columns: [
    sasaran,
    label("indikator", "INDIKATOR KINERJA UTAMA"),
    satuan,
    claim("target", "TARGET"),
    claim("realisasi", "REALISASI"),
    claim("capaian", "CAPAIAN KINERJA (%)"),
    claim("kriteria", "KRITERIA PENILAIAN"),
  ],
});

/** Un-numbered table in III.1: the regency's RPJMD key indicators (TPT, PDRB per kapita). */
export const capaianIkuRpjmd = defineLayout({
  name: "lkjip.capaian_iku_rpjmd",
  table: "lkjip_capaian_iku_rpjmd",
  reader: "sheet",
  headerRows: 1,
  columns: [
    no,
    sasaran,
    label("indikator", "Indikator"),
    satuan,
    claim("target", "Target"),
    claim("realisasi", "Realisasi"),
    claim("capaian", "Persentase"),
    claim("kriteria", "Kriteria Kode", "Kriteria"),
  ],
});

/** Tabel 3.4/3.7/3.9/3.11/3.13/3.15: one indicator, where "Capaian" is the realised value. */
export const capaianIndikator = defineLayout({
  name: "lkjip.capaian_indikator",
  table: "lkjip_capaian_indikator",
  reader: "sheet",
  headerRows: 1,
  columns: [no, label("indikator", "Indikator"), claim("target", "Target"), claim("realisasi", "Capaian"), claim("capaian", "Persentase")],
});

/** Tabel 3.5: SAKIP score over the years and against the Renstra target (header flattened). */
export const perbandinganCapaianRenstra = defineLayout({
  name: "lkjip.perbandingan_capaian_renstra",
  table: "lkjip_perbandingan_capaian_renstra",
  reader: "sheet",
  headerRows: 1,
  columns: [
    no,
    label("indikator", "Indikator"),
    ...perTahun("realisasi", (y) => `Capaian / ${y}`),
    claimTahun("target", "\\d{4} / target"),
    claimTahun("realisasi", "\\d{4} / capaian"),
    claimTahun("capaian", "\\d{4} / persen"),
    claimTahun("target_renstra", "target akhir renstra \\(\\d{4}\\)", "target akhir renstra"),
    // Printed as "196" with no derivable meaning: kept as a claim under a neutral key.
    claimTahun("capaian_renstra", "capaian s / d \\d{4} terhadap target \\d{4}"),
  ],
});

/** Tabel 3.16: how each IKU is computed, with the printed numerator/denominator. */
export const formulasiIku = defineLayout({
  name: "lkjip.formulasi_iku",
  table: "lkjip_formulasi_iku",
  reader: "sheet",
  headerRows: 1,
  columns: [
    no,
    label("indikator", "IKU"),
    label("formulasi", "Formulasi Penghitungan"),
    satuan,
    // "(2.370 / 10.408 x 100)": a claim about its inputs, kept verbatim (no single number).
    claim("perhitungan", "Angka Perhitungan"),
    claim("hasil", "Hasil"),
  ],
});

/** Tabel 3.17: target and achievement of the four IKU. */
export const targetCapaianIku = defineLayout({
  name: "lkjip.target_capaian_iku",
  table: "lkjip_target_capaian_iku",
  reader: "sheet",
  headerRows: 1,
  columns: [
    sasaran,
    label("indikator", "Indikator Kinerja"),
    satuan,
    claim("target", "Target"),
    claim("realisasi", "Realisasi"),
    claim("capaian", "Capaian Kinerja"),
    // The header is printed "Kriteri Penilaian" (typo kept in the source).
    claim("kriteria", "Kriteri Penilaian", "Kriteria Penilaian"),
  ],
});

/** Tabel 3.18: last year vs the report year, target/realisation/percentage (two-level header flattened). */
export const perbandinganRealisasi = defineLayout({
  name: "lkjip.perbandingan_realisasi",
  table: "lkjip_perbandingan_realisasi",
  reader: "sheet",
  headerRows: 1,
  columns: [
    sasaran,
    label("indikator", "Indikator Kinerja"),
    satuan,
    ...perTahun("target", (y) => `Tahun ${y} / Target Kinerja`),
    ...perTahun("realisasi", (y) => `Tahun ${y} / Realisasi Kinerja`),
    ...perTahun("capaian", (y) => `Tahun ${y} / Persentase Realisasi Kinerja`),
    // A remark column is a statement of the report like any other (empty in 2024).
    claim("keterangan", "Ket.", "Ket", "Keterangan"),
  ],
});

/** Tabel 3.19: cumulative realisation against the end-of-Renstra target. */
export const realisasiVsRenstra = defineLayout({
  name: "lkjip.realisasi_vs_renstra",
  table: "lkjip_realisasi_vs_renstra",
  reader: "sheet",
  headerRows: 1,
  columns: [
    label("indikator", "Indikator Kinerja"),
    claimTahun("target_renstra", "target sasaran akhir renstra \\(\\d{4}\\)", "target sasaran akhir renstra"),
    claimTahun("realisasi_kumulatif", "realisasi target sasaran renstra sampai tahun \\d{4}"),
    claimTahun("capaian_kumulatif", "persentase realisasi target sasaran renstra sampai tahun \\d{4}"),
  ],
});

/** Tabel 3.20: efficiency = achievement vs share of the programme budget spent. */
export const efisiensi = defineLayout({
  name: "lkjip.efisiensi",
  table: "lkjip_efisiensi",
  reader: "sheet",
  headerRows: 1,
  columns: [
    sasaran,
    label("indikator", "Indikator kinerja Sasaran"),
    claim("capaian", "Capaian Kinerja Sasaran"),
    label("program", "Program"),
    claim("capaian_anggaran", "Capaian Realisasi Anggaran Program"),
    claim("efisiensi", "Efisiensi"),
    // "Efisiensi" here is the report's verdict on the row, hence a claim.
    claim("keterangan", "Ket", "Ket.", "Keterangan"),
  ],
});

/** Tabel 3.21: programmes behind each strategic target and the verdict Berhasil/Gagal. */
export const capaianProgram = defineLayout({
  name: "lkjip.capaian_program",
  table: "lkjip_capaian_program",
  reader: "sheet",
  headerRows: 1,
  columns: [
    sasaran,
    label("indikator", "Indikator Kinerja"),
    label("program", "Program Penunjang"),
    claim("target", "Target Kinerja Program"),
    claim("realisasi", "Realisasi Kinerja Program"),
    claim("capaian", "Persentase Realisasi Kinerja Program"),
    claim("analisis", "Analisis Keberhasilan / Kegagalan"),
  ],
});

/** Figures stated in the prose, one per row (Bagian/Paragraf/Ukuran say where and what). */
export const narasi = defineLayout({
  name: "lkjip.narasi",
  table: "lkjip_narasi",
  reader: "sheet",
  headerRows: 1,
  columns: [
    no,
    label("bagian", "Bagian"),
    label("paragraf", "Paragraf"),
    label("ukuran", "Ukuran"),
    // Key "klaim", not "nilai": teks_angka adds <key>_nilai and "nilai_nilai" would mislead.
    claim("klaim", "Nilai"),
    label("satuan", "Satuan"),
    // The year the figure is about (2023 for "tahun sebelumnya"); `tahun` is the catalogue's.
    label("tahun_klaim", "Tahun"),
  ],
});

export const LAYOUTS = [
  perjanjianKinerja,
  capaianKinerja,
  capaianIkuRpjmd,
  capaianIndikator,
  perbandinganCapaianRenstra,
  formulasiIku,
  targetCapaianIku,
  perbandinganRealisasi,
  realisasiVsRenstra,
  efisiensi,
  capaianProgram,
  narasi,
];
