/**
 * Planning documents: the signed Perjanjian Kinerja, the IKU manual, Renstra targets, the RPJMD
 * and Dinas goal tables, the UMK decree and the staff tables of chapter I (Tabel 1.1-1.3).
 * The sources are small hand-transcribed sheets, so every layout uses the sheet reader.
 */
import { COUNT, defineLayout, YEARS, type ColumnSpec } from "../layout.js";

const text = (key: string, ...headers: string[]): ColumnSpec => ({ key, headers, type: "text", dash: "missing", optional: false });

/** Published targets: "71,50", "7,3T", "Zona Hijau" are claims to check, not figures to reject. */
const claim = (key: string, ...headers: string[]): ColumnSpec => ({ key, headers, type: "teks_angka", dash: "missing", optional: false });

/** Head counts: "-" in Tabel 1.2/1.3 means nobody (BPS convention). */
const count = (key: string, ...headers: string[]): ColumnSpec => ({ key, headers, type: "angka", dash: "zero", optional: false, domain: COUNT });

export const perjanjianKinerja = defineLayout({
  name: "plans.perjanjian_kinerja",
  table: "plans_perjanjian_kinerja",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("no", "No.", "No"),
    text("sasaran", "SASARAN"),
    text("indikator", "INDIKATOR"),
    text("satuan", "SATUAN"),
    claim("target", "TARGET"),
  ],
});

export const manualIku = defineLayout({
  name: "plans.manual_iku",
  table: "plans_manual_iku",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("kode", "Kode"),
    text("sasaran", "Sasaran"),
    text("indikator", "Indikator"),
    text("satuan", "Satuan"),
    text("perumusan", "Perumusan"),
    text("pembilang", "Pembilang"),
    text("penyebut", "Penyebut"),
    text("arah", "Arah"),
    text("sumber_data", "Sumber Data"),
    text("tabel_rumusan", "Tabel Rumusan"),
  ],
});

/**
 * A Renstra's period is the "Target <yyyy>" columns its matrix prints (staging reads them by the key
 * pattern target_<yyyy>): every year is declared optional, so no period is assumed here.
 */
const renstraYear = (y: number): ColumnSpec => ({ ...claim(`target_${y}`, `Target ${y}`), optional: true, group: "kolom Target per tahun" });

export const renstraTarget = defineLayout({
  name: "plans.renstra_target",
  table: "plans_renstra_target",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("indikator", "Indikator"),
    text("satuan", "Satuan"),
    ...YEARS.map(renstraYear),
    claim("target_akhir", "Target Akhir Renstra"),
    text("sumber", "Sumber"),
  ],
});

export const rpjmdKeterkaitan = defineLayout({
  name: "plans.rpjmd_keterkaitan",
  table: "plans_rpjmd_keterkaitan",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("misi", "Misi yang Relevan"),
    text("tujuan", "Tujuan / Uraian"),
    text("indikator_tujuan", "Tujuan / Indikator Kinerja"),
    text("sasaran", "Sasaran / Uraian"),
    text("indikator_sasaran", "Sasaran / Indikator Kinerja"),
  ],
});

export const tujuanSasaranDinas = defineLayout({
  name: "plans.tujuan_sasaran_dinas",
  table: "plans_tujuan_sasaran_dinas",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("no", "No", "No."),
    text("tujuan", "Tujuan"),
    text("indikator_tujuan", "Indikator Tujuan"),
    text("sasaran", "Sasaran"),
    text("indikator_sasaran", "Indikator Sasaran"),
    text("satuan", "Satuan"),
  ],
});

export const keselarasanProgram = defineLayout({
  name: "plans.keselarasan_program",
  table: "plans_keselarasan_program",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("sasaran", "Sasaran"),
    text("indikator", "Indikator Kinerja"),
    text("program", "Program"),
    text("kegiatan", "Kegiatan"),
  ],
});

export const umk = defineLayout({
  name: "plans.umk",
  table: "plans_umk",
  reader: "sheet",
  headerRows: 1,
  columns: [
    text("nomor_keputusan", "Nomor Keputusan"),
    text("tanggal_penetapan", "Tanggal Penetapan"),
    text("wilayah", "Wilayah"),
    // Not "tahun": that name is the catalogue's provenance column of every raw table.
    text("tahun_berlaku", "Tahun"),
    { key: "upah_minimum", headers: ["Upah Minimum"], type: "angka", dash: "missing", optional: false, domain: { min: "0" } },
    text("berlaku_mulai", "Berlaku Mulai"),
    text("berlaku_sampai", "Berlaku Sampai"),
  ],
});

/** Tabel 1.1-1.3 print their total row with the label in the NO column ("JUMLAH PEGAWAI"). */
const pegawaiTotal = (labelKey: string) =>
  `regexp_matches(coalesce({no}, '') || ' ' || coalesce({${labelKey}}, ''), '^\\s*jumlah', 'i')`;

const PNS_GOLONGAN = ["iv", "iii", "ii", "i"] as const;

export const pegawaiPendidikan = defineLayout({
  name: "plans.pegawai_pendidikan",
  table: "plans_pegawai_pendidikan",
  reader: "sheet",
  headerRows: 1,
  // The label column comes first: the engine labels a stated total with the first non-empty text
  // column, and "SLTA" says more than the running number "5" (the JUMLAH row keeps its NO label).
  columns: [
    text("pendidikan", "KUALIFIKASI PENDIDIKAN"),
    text("no", "NO"),
    ...PNS_GOLONGAN.map((g) => count(`pns_${g}`, `JUMLAH PEGAWAI / PNS GOLONGAN / ${g.toUpperCase()}`)),
    count("non_asn", "JUMLAH PEGAWAI / Non ASN"),
    { ...count("jumlah", "JUMLAH PEGAWAI / JUMLAH"), rowTotalOf: [...PNS_GOLONGAN.map((g) => `pns_${g}`), "non_asn"] },
  ],
  totalWhen: pegawaiTotal("pendidikan"),
});

const bySex = (name: "golongan" | "eselon") =>
  defineLayout({
    name: `plans.pegawai_${name}`,
    table: `plans_pegawai_${name}`,
    reader: "sheet",
    headerRows: 1,
    // Label column first, as in Tabel 1.1, so stated totals read "III", not "3".
    columns: [
      text(name, name.toUpperCase()),
      text("no", "NO"),
      count("laki_laki", "JUMLAH PEGAWAI / GENDER / LAKI-LAKI"),
      count("perempuan", "JUMLAH PEGAWAI / GENDER / PEREMPUAN"),
      { ...count("jumlah", "JUMLAH PEGAWAI / JUMLAH"), rowTotalOf: ["laki_laki", "perempuan"] },
    ],
    totalWhen: pegawaiTotal(name),
  });

export const pegawaiGolongan = bySex("golongan");
export const pegawaiEselon = bySex("eselon");

export const LAYOUTS = [
  perjanjianKinerja,
  manualIku,
  renstraTarget,
  rpjmdKeterkaitan,
  tujuanSasaranDinas,
  keselarasanProgram,
  umk,
  pegawaiPendidikan,
  pegawaiGolongan,
  pegawaiEselon,
];
