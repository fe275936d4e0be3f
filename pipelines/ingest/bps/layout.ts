/**
 * BPS: kab/kota x year tables as downloaded from BPS, the published figures gathered from BPS
 * releases and the press (machine-written CSVs), and the region master used to code region names.
 */
import { defineLayout, YEARS, type ColumnSpec } from "../layout.js";

/** Every year a BPS table may print is an optional column (YEARS); a file prints only some of them. */
export { YEARS };
export const yearKey = (year: number) => `tahun_${year}`;

const yearColumns: ColumnSpec[] = YEARS.map(
  (year): ColumnSpec => ({
    key: yearKey(year),
    headers: [String(year)],
    type: "angka",
    // BPS's legend reads "-" as nil, but a labour-force count or rate of a whole kab/kota is
    // never nil: in these tables "-" stands where no figure exists (a year before a region was
    // formed, a survey round not held). Reading it as 0 would invent a TPT of 0 %.
    dash: "missing",
    optional: true,
    group: "kolom tahun",
    domain: { min: "0" },
  }),
);

export const kabkotaTahun = defineLayout({
  name: "bps.kabkota_tahun",
  table: "bps_kabkota_tahun",
  // BPS downloads can be long; files with blank lines fall back to the sheet reader in the engine.
  reader: "bulk",
  headerRows: 1,
  columns: [
    {
      key: "nama_wilayah",
      headers: ["Kabupaten/Kota", "Kabupaten / Kota", "Provinsi/Kabupaten/Kota", "Wilayah"],
      type: "text",
    },
    ...yearColumns,
  ],
  totalWhen: "regexp_matches({nama_wilayah}, '^\\s*(jumlah|total)\\b', 'i')",
  cues: { wilayah: true },
  noteWhen: "regexp_matches({nama_wilayah}, '^\\s*(sumber|catatan|keterangan|source|note)\\s*:', 'i')",
});

/** Shared by labour_force.csv and other.csv: one published figure per row, with its source. */
export const publishedFigures = defineLayout({
  name: "bps.published_figures",
  table: "bps_published_figures",
  reader: "sheet",
  headerRows: 1,
  numberStyle: "machine",
  columns: [
    // Not "kode_wilayah"/"tahun": those are the provenance columns, set from these in normalise.
    { key: "kode_bps", headers: ["region_code"], type: "text" },
    { key: "nama_wilayah", headers: ["region_name"], type: "text" },
    { key: "tahun_data", headers: ["year"], type: "text" },
    { key: "periode", headers: ["period"], type: "text" },
    { key: "ukuran", headers: ["measure"], type: "text" },
    { key: "nilai", headers: ["value"], type: "angka" },
    { key: "satuan", headers: ["unit"], type: "text" },
    { key: "url_sumber", headers: ["source_url"], type: "text" },
    { key: "kutipan", headers: ["quote"], type: "text" },
  ],
});

export const publishedWages = defineLayout({
  name: "bps.published_wages",
  table: "bps_published_wages",
  reader: "sheet",
  headerRows: 1,
  numberStyle: "machine",
  columns: [
    { key: "kode_bps", headers: ["region_code"], type: "text" },
    { key: "nama_wilayah", headers: ["region_name"], type: "text" },
    { key: "tahun_data", headers: ["year"], type: "text" },
    { key: "jenis_upah", headers: ["kind"], type: "text" },
    { key: "nilai_rupiah", headers: ["value_rupiah"], type: "angka" },
    { key: "url_sumber", headers: ["source_url"], type: "text" },
    { key: "kutipan", headers: ["quote"], type: "text" },
  ],
});

/** Region master: BPS code, official name and the other spellings BPS tables print. */
export const wilayah = defineLayout({
  name: "bps.wilayah",
  table: "bps_wilayah",
  reader: "sheet",
  headerRows: 1,
  columns: [
    { key: "kode_bps", headers: ["kode_wilayah"], type: "text" },
    { key: "nama_wilayah", headers: ["nama_wilayah"], type: "text" },
    { key: "alias", headers: ["alias"], type: "text" },
  ],
});
