/**
 * BPS, after the generic load:
 * - published figures and wages cover many regions and years per file, so the catalogue cannot
 *   give their provenance kode_wilayah/tahun: they come from each row's region_code/year;
 * - the kab/kota x year tables get each row's region code from the region master by name (BPS
 *   tables print names, never codes), and each file its measure from the table's title
 *   (raw.bps_tabel_ukuran), since the file itself names the measure nowhere else. The long table
 *   (one row per printed cell) is the staging model stg_bps_kabkota_tahun.
 * Nothing is dropped or corrected: unknown names, titles or codes stop the load.
 */
import { sqlString, type Db } from "../../lib/duckdb.js";
import { SourceError, type SourceProblem } from "../../lib/errors.js";
import type { Family } from "../family.js";
import { kabkotaTahun, publishedFigures, publishedWages, wilayah, YEARS } from "./layout.js";

/**
 * Measure of a kab/kota table, read off its title. Anchored at the start of the title (after an
 * optional "Tabel n.n") so that e.g. "Tingkat Partisipasi Angkatan Kerja" or "Persentase Penduduk
 * yang Bekerja" match nothing and fail, instead of passing for a count.
 */
const TABLE_PREFIX = String.raw`^(tabel\s+[0-9.]+\s*[.:]?\s+)?`;
const MEASURES = [
  { ukuran: "angkatan_kerja", pola: new RegExp(`${TABLE_PREFIX}(jumlah\\s+)?angkatan\\s+kerja\\b`, "i"), satuan: /\((jiwa|orang)\)\s*$/i },
  { ukuran: "bekerja", pola: new RegExp(`${TABLE_PREFIX}(jumlah\\s+)?penduduk\\b.*\\byang\\s+bekerja\\b`, "i"), satuan: /\((jiwa|orang)\)\s*$/i },
  { ukuran: "tpt", pola: new RegExp(`${TABLE_PREFIX}tingkat\\s+pengangguran\\s+terbuka\\b`, "i"), satuan: /\((persen|%)\)\s*$/i },
] as const;

/** Case-, spacing- and NBSP-insensitive key of a region name, as SQL. */
const nameKey = (col: string) =>
  `lower(regexp_replace(regexp_replace(${col}, '[\\s\\x{00a0}]+', ' ', 'g'), '^ | $', '', 'g'))`;

/** Measure of each kab/kota table file, read off its title (a parsed fact of the file, like a stated total). */
export const UKURAN_TABLE = "bps_tabel_ukuran";

const CODE_PATTERN = String.raw`\d{2}|\d{4}`;
const CODE_REASON = "kode wilayah BPS harus 2 digit (provinsi) atau 4 digit (kab/kota)";

async function tableExists(db: Db, table: string): Promise<boolean> {
  const n = await db.value<string>(
    `SELECT count(*)::VARCHAR FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = ${sqlString(table)}`,
  );
  return Number(n) > 0;
}

interface BadCell {
  source_file: string;
  source_sheet: string | null;
  source_row: number;
  kolom: string;
  teks: string | null;
  masalah: string;
}

/** Problems named by the printed header of their column, as a person looks for it in the file. */
async function problems(db: Db, table: string, bad: BadCell[]): Promise<SourceProblem[]> {
  const labels = await db.all<{ source_file: string; kolom: string; source_column: string }>(
    `SELECT source_file, kolom, source_column FROM raw.source_columns WHERE raw_table = ${sqlString(table)}`,
  );
  return bad.map((b) => ({
    file: b.source_file,
    sheet: b.source_sheet,
    row: Number(b.source_row),
    column: labels.find((l) => l.source_file === b.source_file && l.kolom === b.kolom)?.source_column ?? b.kolom,
    reason: b.masalah,
    text: b.teks,
  }));
}

/** Copies the rows' provenance region/year onto the cell flags of the same rows. */
async function syncFlags(db: Db, table: string): Promise<void> {
  await db.run(`UPDATE raw.cell_flags SET kode_wilayah = r.kode_wilayah, tahun = r.tahun
    FROM raw.${table} r
    WHERE raw.cell_flags.source_file = r.source_file AND raw.cell_flags.source_row = r.source_row
      AND raw.cell_flags.source_sheet IS NOT DISTINCT FROM r.source_sheet`);
}

async function publishedProvenance(db: Db): Promise<void> {
  for (const layout of [publishedFigures, publishedWages]) {
    if (!(await tableExists(db, layout.table))) continue;
    const t = `raw.${layout.table}`;
    const bad = await db.all<BadCell & Record<string, unknown>>(`
      SELECT source_file, source_sheet, source_row, 'kode_bps' AS kolom, kode_bps AS teks, ${sqlString(CODE_REASON)} AS masalah
      FROM ${t} WHERE kode_bps IS NULL OR NOT regexp_full_match(kode_bps, ${sqlString(CODE_PATTERN)})
      UNION ALL
      SELECT source_file, source_sheet, source_row, 'tahun_data', tahun_data, 'tahun harus 4 digit (atau kosong)'
      FROM ${t} WHERE tahun_data IS NOT NULL AND NOT regexp_full_match(tahun_data, '\\d{4}')
      ORDER BY source_file, source_row`);
    if (bad.length) throw new SourceError(await problems(db, layout.table, bad));
    await db.run(`UPDATE ${t} SET kode_wilayah = kode_bps, tahun = CAST(tahun_data AS INTEGER)`);
    await syncFlags(db, layout.table);
  }
}

/**
 * Region master -> temp table tmp_bps_wilayah_kunci (kunci, kode). Every name and alias must
 * point at one code only, or a name in a BPS table could silently take either.
 */
async function regionKeys(db: Db): Promise<void> {
  const t = `raw.${wilayah.table}`;
  const bad = await db.all<BadCell & Record<string, unknown>>(`
    SELECT source_file, source_sheet, source_row, 'kode_bps' AS kolom, kode_bps AS teks, ${sqlString(CODE_REASON)} AS masalah
    FROM ${t} WHERE kode_bps IS NULL OR NOT regexp_full_match(kode_bps, ${sqlString(CODE_PATTERN)})
    UNION ALL
    SELECT source_file, source_sheet, source_row, 'nama_wilayah', nama_wilayah, 'nama wilayah kosong'
    FROM ${t} WHERE nama_wilayah IS NULL
    UNION ALL
    SELECT source_file, source_sheet, source_row, 'kode_bps', kode_bps, 'kode wilayah tercatat lebih dari sekali'
    FROM ${t} QUALIFY count(*) OVER (PARTITION BY kode_bps) > 1
    ORDER BY source_file, source_row`);
  if (bad.length) throw new SourceError(await problems(db, wilayah.table, bad));
  // The master lists regions, so each row's provenance region is the row's own code.
  await db.run(`UPDATE ${t} SET kode_wilayah = kode_bps`);

  await db.run(`CREATE OR REPLACE TEMP TABLE tmp_bps_wilayah_kunci AS
    SELECT DISTINCT ${nameKey("nama")} AS kunci, kode_bps AS kode, source_file, source_sheet, source_row, kolom, nama
    FROM (SELECT kode_bps, source_file, source_sheet, source_row, 'nama_wilayah' AS kolom, nama_wilayah AS nama FROM ${t}
          UNION ALL
          SELECT kode_bps, source_file, source_sheet, source_row, 'alias', unnest(string_split(alias, '|')) FROM ${t})
    WHERE ${nameKey("nama")} <> ''`);
  const clashes = await db.all<BadCell & Record<string, unknown>>(`
    SELECT source_file, source_sheet, source_row, kolom, nama AS teks,
           'nama/alias wilayah menunjuk lebih dari satu kode: '
             || array_to_string(list_sort(list(DISTINCT kode) OVER (PARTITION BY kunci)), ', ') AS masalah
    FROM tmp_bps_wilayah_kunci QUALIFY count(DISTINCT kode) OVER (PARTITION BY kunci) > 1
    ORDER BY source_row, kolom`);
  if (clashes.length) throw new SourceError(await problems(db, wilayah.table, clashes));
}

/**
 * Measure of every kab/kota table, from its title line: raw.bps_tabel_ukuran (one row per file,
 * pointing at the title row it was read from). The long table of figures is the staging model
 * stg_bps_kabkota_tahun.
 */
async function measures(db: Db, files: string[]): Promise<void> {
  const rows: string[] = [];
  const failed: SourceProblem[] = [];
  for (const file of files) {
    const titles = await db.all<{ source_row: number; teks: string }>(
      `SELECT source_row, teks FROM raw.source_notes WHERE source_file = ${sqlString(file)} AND jenis = 'judul' ORDER BY source_row`,
    );
    const hits = titles.flatMap((t) => MEASURES.filter((m) => m.pola.test(t.teks)).map((m) => ({ ...m, title: t })));
    const shown = titles.map((t) => t.teks).join(" | ");
    if (hits.length !== 1) {
      failed.push({
        file,
        row: titles[0]?.source_row ?? null,
        reason:
          hits.length === 0
            ? "judul tabel BPS tidak menyebut ukuran yang dikenal (Jumlah Angkatan Kerja / Penduduk yang Bekerja / Tingkat Pengangguran Terbuka)"
            : `judul tabel BPS cocok dengan lebih dari satu ukuran (${hits.map((h) => h.ukuran).join(", ")})`,
        text: shown,
      });
      continue;
    }
    const hit = hits[0]!;
    // The long table has no unit column: a table in another unit (e.g. "Ribu Jiwa") must not mix in.
    if (!hit.satuan.test(hit.title.teks)) {
      failed.push({ file, row: hit.title.source_row, reason: `satuan pada judul tidak sesuai dengan ukuran ${hit.ukuran}`, text: hit.title.teks });
      continue;
    }
    rows.push(`(${sqlString(file)}, ${hit.title.source_row}, ${sqlString(hit.ukuran)})`);
  }
  if (failed.length) throw new SourceError(failed);
  await ensureTables(db);
  if (rows.length === 0) return;
  await db.run(`INSERT INTO raw.${UKURAN_TABLE}
    SELECT n.source_file, n.source_sheet, n.source_row, n.source_sha256, f.kode_wilayah, f.tahun, v.ukuran, n.teks
    FROM (VALUES ${rows.join(", ")}) v(source_file, source_row, ukuran)
    JOIN raw.source_notes n ON n.source_file = v.source_file AND n.source_row = v.source_row AND n.jenis = 'judul'
    JOIN raw.source_files f ON f.source_file = v.source_file
    ORDER BY n.source_file`);
}

async function kabkota(db: Db): Promise<void> {
  const table = kabkotaTahun.table;
  const t = `raw.${table}`;
  const files = (
    await db.all<{ source_file: string }>(
      `SELECT source_file FROM raw.source_files WHERE layout = ${sqlString(kabkotaTahun.name)} ORDER BY source_file`,
    )
  ).map((r) => r.source_file);
  if (files.length === 0) return;

  // Every year column is optional, so a header with none of them would load rows with no figures.
  const noYears = await db.all<{ source_file: string }>(`
    SELECT f.source_file FROM raw.source_files f
    WHERE f.layout = ${sqlString(kabkotaTahun.name)}
      AND NOT EXISTS (SELECT 1 FROM raw.source_columns c WHERE c.source_file = f.source_file AND c.kolom LIKE 'tahun\\_%' ESCAPE '\\')`);
  if (noYears.length) {
    throw new SourceError(
      noYears.map((r) => ({ file: r.source_file, reason: `tidak ada kolom tahun (${YEARS[0]}-${YEARS[YEARS.length - 1]}) pada baris judul kolom` })),
    );
  }

  if (!(await tableExists(db, wilayah.table))) {
    throw new SourceError([{ file: files[0]!, reason: `referensi wilayah (tata letak ${wilayah.name}) tidak dimuat: nama wilayah tidak dapat diberi kode` }]);
  }
  await measures(db, files);

  if (await tableExists(db, table)) {
    const unknown = await db.all<BadCell & Record<string, unknown>>(`
      SELECT r.source_file, r.source_sheet, r.source_row, 'nama_wilayah' AS kolom, r.nama_wilayah AS teks,
             CASE WHEN r.nama_wilayah IS NULL THEN 'nama wilayah kosong'
                  ELSE 'nama wilayah tidak ada dalam referensi wilayah (' || (SELECT string_agg(DISTINCT source_file, ', ') FROM tmp_bps_wilayah_kunci) || ')' END AS masalah
      FROM ${t} r LEFT JOIN tmp_bps_wilayah_kunci k ON k.kunci = ${nameKey("r.nama_wilayah")}
      WHERE k.kode IS NULL ORDER BY r.source_file, r.source_row`);
    if (unknown.length) throw new SourceError(await problems(db, table, unknown));

    // The catalogue gives the province (64) for the whole table; each row is about one region.
    await db.run(`UPDATE ${t} SET kode_wilayah = k.kode FROM tmp_bps_wilayah_kunci k WHERE k.kunci = ${nameKey(`${t}.nama_wilayah`)}`);
    await syncFlags(db, table);
  }
}

async function ensureTables(db: Db): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS raw.${UKURAN_TABLE} (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    kode_wilayah VARCHAR, tahun INTEGER, ukuran VARCHAR NOT NULL, judul VARCHAR NOT NULL)`);
}

async function normalise(db: Db): Promise<void> {
  await ensureTables(db);
  await publishedProvenance(db);
  if (await tableExists(db, wilayah.table)) await regionKeys(db);
  await kabkota(db);
}

export const bps: Family = {
  name: "bps",
  layouts: [kabkotaTahun, publishedFigures, publishedWages, wilayah],
  normalise,
};
