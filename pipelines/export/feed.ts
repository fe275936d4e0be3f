/**
 * The Bappeda feed: RPJMD-level indicators per region and year (TPT, TKK, PDRB per kapita and the
 * office IKU that feed an RPJMD sasaran) as one export in three formats with the same content:
 * feeds/rpjmd_indikator.csv, .xlsx and .parquet, plus rpjmd_indikator.schema.json describing them.
 *
 * One query, materialised once as feed.rpjmd_indikator, feeds all three writers, so they cannot
 * disagree. It is marts.feed_rpjmd_indikator joined with the reconciliation findings of the same
 * region, year and indicator (recon.temuan, written by the check step after the models have run,
 * which is why the status is added here and not in the mart).
 *
 * This is a machine feed: numbers are plain machine decimals ("4.05", "95.946939402": "." decimal
 * point, no thousands separator, no rounding beyond the warehouse's exact value, trailing zeros
 * dropped), not the Indonesian display format of the report tables, so Bappeda's systems read them
 * without locale handling. The schema version (FEED_SCHEMA_VERSION) travels as file metadata, never
 * as a column: parquet key-value metadata `feed_schema_version`, the XLSX document keywords, and the
 * JSON sidecar next to the CSV (which has no metadata slot of its own).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../lib/duckdb.js";
import { sqlString } from "../lib/duckdb.js";
import { angkaFixed } from "../lib/format.js";
import { toCsv } from "../lib/csv.js";
import { newWorkbook, sourcesDocumentDate, writeWorkbook } from "../lib/xlsx.js";

/** Bumped on any change of columns, their meaning or types (semver: major = breaking). */
export const FEED_SCHEMA_VERSION = "2.0.0";
export const FEED_NAME = "rpjmd_indikator";
export const FEED_MART = "marts.feed_rpjmd_indikator";
/** Where the exported rows stay in the warehouse, exactly as written. */
export const FEED_TABLE = "feed.rpjmd_indikator";

export type FeedColumnType = "teks" | "bilangan_bulat" | "desimal";

export interface FeedColumn {
  name: string;
  type: FeedColumnType;
  /** What the column holds, in Bahasa Indonesia (written to the schema sidecar). */
  keterangan: string;
}

export const FEED_COLUMNS: readonly FeedColumn[] = [
  { name: "kode_wilayah", type: "teks", keterangan: "Kode wilayah BPS (6403 = Kutai Kartanegara)." },
  { name: "tahun", type: "bilangan_bulat", keterangan: "Tahun yang diukur." },
  { name: "indikator", type: "teks", keterangan: "Kode indikator yang tetap (tpt, tkk, pdrb_per_kapita, nilai_sakip_pd, ...), lihat README." },
  { name: "nama_indikator", type: "teks", keterangan: "Nama indikator menurut manual IKU." },
  { name: "satuan", type: "teks", keterangan: "Satuan nilai target dan realisasi: menurut manual IKU, kecuali models/config/satuan_indikator.csv mencatat satuan angkanya (PDRB per kapita: Juta Rupiah; TKK: Persen)." },
  { name: "arah", type: "teks", keterangan: "positif (makin besar makin baik) atau negatif (makin kecil makin baik)." },
  { name: "target", type: "desimal", keterangan: "Target tahun itu: Renstra, atau Perjanjian Kinerja bila Renstra tidak mencantumkannya. Kosong bila tidak ada." },
  { name: "realisasi", type: "desimal", keterangan: "Realisasi terpilih (resolusi analis, atau aturan bawaan: tabel BPS / hitung ulang > kutipan BPS > klaim LKjIP > kutipan lain)." },
  { name: "capaian", type: "desimal", keterangan: "Capaian (%) eksak sesuai arah: positif realisasi/target x 100, negatif (2 x target - realisasi)/target x 100." },
  { name: "kriteria", type: "teks", keterangan: "Kriteria Permendagri 86/2017 dari capaian." },
  {
    name: "tingkat_sumber",
    type: "teks",
    keterangan: "Tingkat sumber realisasi terpilih: statistik resmi (BPS), data dinas (dihitung dari data Dinas), laporan (LKjIP), kutipan (media/pejabat), keputusan analis. Kosong bila tidak ada realisasi.",
  },
  {
    name: "dasar_pilihan",
    type: "teks",
    keterangan: "Mengapa nilai ini yang dipakai: resolusi analis (sources/resolutions.csv, dengan alasannya), satu-satunya sumber, atau aturan bawaan statistik resmi > laporan > kutipan.",
  },
  { name: "sumber", type: "teks", keterangan: "Asal realisasi dan target." },
  { name: "provenance", type: "teks", keterangan: "Berkas dan baris sumber (relatif terhadap folder sources/) dari realisasi dan target." },
  { name: "status_rekonsiliasi", type: "teks", keterangan: "Ringkasan rekonsiliasi untuk wilayah, tahun dan indikator ini: jumlah masalah (recon.masalah) terbuka per keparahan dan yang diselesaikan, atau 'tidak ada temuan'." },
];

export interface FeedResult {
  rows: number;
  /** Files written, relative to outDir. */
  files: string[];
  /** Whether recon.temuan existed (false: status says the figures were not checked). */
  temuanTersedia: boolean;
}

const SQL_TYPE: Record<FeedColumnType, string> = {
  teks: "VARCHAR",
  bilangan_bulat: "INTEGER",
  // One scale for every figure: the warehouse keeps capaian at 10 decimals, targets at 6.
  desimal: "DECIMAL(28, 10)",
};

/** Status of a figure that no check has looked at (the check step did not run). */
export const STATUS_BELUM_DIPERIKSA = "belum diperiksa (recon.temuan tidak ada)";

async function tableExists(db: Db, schema: string, table: string): Promise<boolean> {
  const n = await db.value<string>(
    `SELECT count(*)::VARCHAR FROM information_schema.tables WHERE table_schema = ${sqlString(schema)} AND table_name = ${sqlString(table)}`,
  );
  return n !== "0";
}

/**
 * "terbuka: 2 (error: 1, rounding: 1); diselesaikan: 1", or "tidak ada temuan". A finding touches a
 * feed row when it is about the same region and year and either names the indicator
 * (kunci_indikator) or is about the figure family of the row's realisation (keluarga, the key of
 * intermediate.int_keluarga_angka: "tpt|6403|2023|tahunan" for a BPS measure,
 * "realisasi|6403|2024|tahunan|<indicator>" for an IKU). The second matters where only outlets
 * disagree (TPT 2023: 4,05 vs 4,9), because such a finding names no indicator. Every check counts,
 * whichever figure of the indicator (target, realisasi, capaian) it is about: the status says how
 * far to trust the row.
 */
export function statusSql(temuanTersedia: boolean, adaKeluarga = true, adaMasalah = false): { join: string; expr: string } {
  if (!temuanTersedia) return { join: "", expr: sqlString(STATUS_BELUM_DIPERIKSA) };
  const keluarga = adaKeluarga
    ? `OR r.keluarga IN (k.indikator || '|' || k.kode_wilayah || '|' || k.tahun || '|tahunan',
                         'realisasi|' || k.kode_wilayah || '|' || k.tahun || '|tahunan|' || k.indikator)`
    : "";
  // With the reconciliation's masalah (recon.masalah: one per underlying problem, what the office works
  // through) the row counts problems, at the masalah's level and status; otherwise single findings.
  const unit = adaMasalah ? "coalesce(r.masalah_id, r.temuan_id)" : "r.temuan_id";
  const keparahan = adaMasalah ? "coalesce(m.keparahan, r.keparahan)" : "r.keparahan";
  const status = adaMasalah ? "coalesce(m.status, r.status)" : "r.status";
  const masalahJoin = adaMasalah ? "LEFT JOIN recon.masalah m ON m.masalah_id = r.masalah_id" : "";
  const word = adaMasalah ? " masalah" : "";
  const join = `LEFT JOIN (
      SELECT k.kode_wilayah, k.tahun, k.indikator,
        count(DISTINCT ${unit}) FILTER (WHERE ${status} = 'terbuka') AS terbuka,
        count(DISTINCT ${unit}) FILTER (WHERE ${status} = 'terbuka' AND ${keparahan} = 'error') AS terbuka_error,
        count(DISTINCT ${unit}) FILTER (WHERE ${status} = 'terbuka' AND ${keparahan} = 'warning') AS terbuka_warning,
        count(DISTINCT ${unit}) FILTER (WHERE ${status} = 'terbuka' AND ${keparahan} = 'rounding') AS terbuka_rounding,
        count(DISTINCT ${unit}) FILTER (WHERE ${status} = 'diselesaikan') AS diselesaikan
      FROM (SELECT DISTINCT kode_wilayah, tahun, indikator FROM ${FEED_MART}) k
      JOIN recon.temuan r
        ON r.kode_wilayah = k.kode_wilayah AND r.tahun = k.tahun
       AND (r.kunci_indikator = k.indikator ${keluarga})
      ${masalahJoin}
      GROUP BY k.kode_wilayah, k.tahun, k.indikator
    ) t ON t.kode_wilayah = f.kode_wilayah AND t.tahun = f.tahun AND t.indikator = f.indikator`;
  const expr = `CASE
      WHEN coalesce(t.terbuka, 0) + coalesce(t.diselesaikan, 0) = 0 THEN 'tidak ada temuan'
      ELSE concat_ws('; ',
        CASE WHEN t.terbuka > 0 THEN 'terbuka: ' || t.terbuka || '${word}' || coalesce(' (' || nullif(concat_ws(', ',
          CASE WHEN t.terbuka_error > 0 THEN 'error: ' || t.terbuka_error END,
          CASE WHEN t.terbuka_warning > 0 THEN 'warning: ' || t.terbuka_warning END,
          CASE WHEN t.terbuka_rounding > 0 THEN 'rounding: ' || t.terbuka_rounding END), '') || ')', '') END,
        CASE WHEN t.diselesaikan > 0 THEN 'diselesaikan: ' || t.diselesaikan || '${word}' END)
    END`;
  return { join, expr };
}

/** The one query all three formats come from, in feed order. */
export function feedQuery(temuanTersedia: boolean, adaKeluarga = true, adaMasalah = false): string {
  const status = statusSql(temuanTersedia, adaKeluarga, adaMasalah);
  const cols = FEED_COLUMNS.map((c) =>
    c.name === "status_rekonsiliasi" ? `CAST(${status.expr} AS VARCHAR) AS status_rekonsiliasi` : `CAST(f.${c.name} AS ${SQL_TYPE[c.type]}) AS ${c.name}`,
  );
  return `SELECT ${cols.join(",\n  ")}
FROM ${FEED_MART} f
${status.join}
ORDER BY f.kode_wilayah, f.tahun, f.indikator`;
}

/** Exact decimal text in plain machine notation, trailing zeros dropped: "4.050000" -> "4.05". */
export function desimalMesin(text: string): string {
  return angkaFixed(text);
}

/**
 * An XLSX cell for a feed value. Excel stores numbers as doubles, so a figure becomes a number only
 * when the double gives back exactly the same decimal text; otherwise it is written as text, so the
 * workbook never carries a value that differs from the CSV and the parquet.
 */
export function xlsxValue(text: string | null, type: FeedColumnType): string | number | null {
  if (text === null) return null;
  if (type === "teks") return text;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

export async function writeFeed(db: Db, outDir: string, opts: { log?: (line: string) => void } = {}): Promise<FeedResult> {
  const log = opts.log ?? (() => {});
  const [martSchema, martTable] = FEED_MART.split(".") as [string, string];
  if (!(await tableExists(db, martSchema, martTable))) {
    throw new Error(`${FEED_MART} belum ada: jalankan dulu langkah models (npm run pipeline)`);
  }
  const temuanTersedia = await tableExists(db, "recon", "temuan");
  if (!temuanTersedia) log(`  recon.temuan tidak ada: status_rekonsiliasi = "${STATUS_BELUM_DIPERIKSA}"`);
  // The family key is an addition of the reconciliation; without it only kunci_indikator matches.
  const adaKeluarga =
    temuanTersedia &&
    (await db.value<string>(
      `SELECT count(*)::VARCHAR FROM information_schema.columns WHERE table_schema = 'recon' AND table_name = 'temuan' AND column_name = 'keluarga'`,
    )) !== "0";

  const adaMasalah =
    temuanTersedia &&
    (await tableExists(db, "recon", "masalah")) &&
    (await db.value<string>(
      `SELECT count(*)::VARCHAR FROM information_schema.columns WHERE table_schema = 'recon' AND table_name = 'temuan' AND column_name = 'masalah_id'`,
    )) !== "0";

  await db.run(`CREATE SCHEMA IF NOT EXISTS feed`);
  await db.run(`CREATE OR REPLACE TABLE ${FEED_TABLE} AS ${feedQuery(temuanTersedia, adaKeluarga, adaMasalah)}`);
  const order = `ORDER BY kode_wilayah, tahun, indikator`;

  const dir = join(outDir, "feeds");
  await mkdir(dir, { recursive: true });
  const files: string[] = [];

  // Parquet: straight from DuckDB, typed (DECIMAL stays DECIMAL), version in the key-value metadata.
  const parquet = join(dir, `${FEED_NAME}.parquet`);
  await db.run(`COPY (SELECT * FROM ${FEED_TABLE} ${order}) TO ${sqlString(parquet)}
    (FORMAT parquet, KV_METADATA {feed: ${sqlString(FEED_NAME)}, feed_schema_version: ${sqlString(FEED_SCHEMA_VERSION)}})`);
  files.push(`feeds/${FEED_NAME}.parquet`);

  // The same rows Hive-partitioned (feeds/rpjmd_indikator/kode_wilayah=6403/tahun=2024/data_0.parquet), so a
  // reader fetches one region or year. The key columns stay inside each file too, typed, because a Hive
  // path carries only text and engines guess its type (DuckDB reads "6403" back as a number).
  await db.run(`COPY (SELECT * FROM ${FEED_TABLE} ${order}) TO ${sqlString(join(dir, FEED_NAME))}
    (FORMAT parquet, PARTITION_BY (kode_wilayah, tahun), WRITE_PARTITION_COLUMNS true,
     KV_METADATA {feed: ${sqlString(FEED_NAME)}, feed_schema_version: ${sqlString(FEED_SCHEMA_VERSION)}})`);
  files.push(`feeds/${FEED_NAME}/`);

  // CSV and XLSX: the same rows as exact text (DECIMAL -> VARCHAR never passes through a float).
  const records = await db.all<Record<string, string | null>>(
    `SELECT ${FEED_COLUMNS.map((c) => `CAST(${c.name} AS VARCHAR) AS ${c.name}`).join(", ")} FROM ${FEED_TABLE} ${order}`,
  );
  const rows = records.map((r) => FEED_COLUMNS.map((c) => {
    const v = r[c.name] ?? null;
    return v === null ? null : c.type === "desimal" ? desimalMesin(v) : v;
  }));

  await writeFile(join(dir, `${FEED_NAME}.csv`), toCsv([FEED_COLUMNS.map((c) => c.name), ...rows.map((r) => r.map((v) => v ?? ""))]), "utf8");
  files.push(`feeds/${FEED_NAME}.csv`);

  const wb = newWorkbook({
    title: `Umpan data Bappeda: ${FEED_NAME}`,
    subject: `${FEED_NAME} (feed_schema_version ${FEED_SCHEMA_VERSION})`,
    keywords: `feed=${FEED_NAME}; feed_schema_version=${FEED_SCHEMA_VERSION}`,
    description: `Indikator tingkat RPJMD per wilayah dan tahun. Skema ${FEED_SCHEMA_VERSION}; kolom dan artinya di ${FEED_NAME}.schema.json.`,
    date: await sourcesDocumentDate(db),
  });
  const ws = wb.addWorksheet(FEED_NAME, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.addRow(FEED_COLUMNS.map((c) => c.name)).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, j) => xlsxValue(v, FEED_COLUMNS[j]!.type)));
  ws.columns.forEach((col, j) => {
    const longest = Math.max(FEED_COLUMNS[j]!.name.length, ...rows.map((r) => (r[j] ?? "").length));
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
  await writeWorkbook(wb, join(dir, `${FEED_NAME}.xlsx`));
  files.push(`feeds/${FEED_NAME}.xlsx`);

  const schema = {
    feed: FEED_NAME,
    feed_schema_version: FEED_SCHEMA_VERSION,
    baris: rows.length,
    berkas: { csv: `${FEED_NAME}.csv`, xlsx: `${FEED_NAME}.xlsx`, parquet: `${FEED_NAME}.parquet`, parquet_partisi: `${FEED_NAME}/` },
    format_angka:
      "angka desimal mesin: titik sebagai pemisah desimal, tanpa pemisah ribuan, nilai eksak tanpa pembulatan tampilan, nol di belakang dibuang; sel kosong = tidak ada nilai",
    csv: "UTF-8 tanpa BOM, RFC 4180 (pemisah koma, akhir baris CRLF, tanda kutip hanya bila perlu), baris pertama nama kolom",
    xlsx: "satu sheet; angka sebagai angka bila nilai double-nya sama persis dengan teks desimalnya, selain itu sebagai teks",
    parquet: "kolom desimal bertipe DECIMAL(28,10); versi skema di metadata key-value feed_schema_version",
    parquet_partisi: `${FEED_NAME}/kode_wilayah=<kode>/tahun=<tahun>/data_0.parquet: baris yang sama dipartisi gaya Hive; kolom kode_wilayah dan tahun juga ada di dalam berkas dengan tipenya (baca dengan hive_partitioning dan hive_types={'kode_wilayah': VARCHAR, 'tahun': INTEGER})`,
    status_rekonsiliasi: !temuanTersedia ? STATUS_BELUM_DIPERIKSA : adaMasalah ? "dari recon.masalah (lewat recon.temuan)" : "dari recon.temuan",
    kolom: FEED_COLUMNS.map((c) => ({ nama: c.name, tipe: c.type, keterangan: c.keterangan })),
  };
  await writeFile(join(dir, `${FEED_NAME}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`, "utf8");
  files.push(`feeds/${FEED_NAME}.schema.json`);

  return { rows: rows.length, files, temuanTersedia };
}
