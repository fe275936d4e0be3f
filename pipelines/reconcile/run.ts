/**
 * The check step: every check in the catalogue is evaluated over the warehouse; failing items become
 * findings (recon.temuan) with stable ids, the cells in conflict (file, sheet, row, column, seed
 * reference), a single-cell localisation where one edit would satisfy every failing identity around it,
 * and the analyst's resolution when one is recorded. Every cell any check looked at is coverage.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../lib/duckdb.js";
import { sqlString } from "../lib/duckdb.js";
import { registerIndicatorFunctions } from "../../models/indicators/register.js";
import { readCheckCatalogue, type CheckEntry } from "./catalogue.js";
import { EVALUATED_COLUMNS, EVALUATED_NAMES } from "./evaluated.js";
import { shiftedTotalsSql, statedTotalCellsSql, statedTotalsParts } from "./stated-totals.js";
import { writeReconciliationOutputs } from "./outputs.js";
import { buildMasalah } from "./masalah.js";
import { hitung, readRingkasan, ringkasanTeks } from "./ringkasan.js";

export interface CheckResult {
  checks: number;
  evaluated: number;
  findings: number;
  /** Open error-level masalah in the office's worklist (recon.ringkasan): what --strict fails on. */
  openErrors: number;
  /** One line of counts, from recon.ringkasan. */
  summary: string;
}

/** A generator gives one query, or several run one after the other (bounded memory). */
const GENERATORS: Record<string, (db: Db) => Promise<string | string[] | null>> = {
  stated_totals: statedTotalsParts,
  shifted_totals: shiftedTotalsSql,
};

/**
 * Checks with too many passing items to list their members per item (a printed total per budget
 * row) give the cells they looked at separately, one row per cell: coverage without struct lists.
 */
const CELL_GENERATORS: Record<string, (db: Db) => Promise<string[]>> = {
  stated_totals: statedTotalCellsSql,
};

export async function runChecks(
  db: Db,
  /** outDir null: recon.* only, no files (tests that rebuild many times). */
  opts: { modelsDir: string; outDir: string | null; log: (l: string) => void },
): Promise<CheckResult> {
  registerIndicatorFunctions(db);
  const checksDir = join(opts.modelsDir, "checks");
  const catalogue = await readCheckCatalogue(join(checksDir, "katalog.csv"), "models/checks/katalog.csv");
  await db.run(`CREATE SCHEMA IF NOT EXISTS recon`);
  await db.run(`CREATE OR REPLACE TABLE recon.katalog (id VARCHAR, jenis VARCHAR, keparahan VARCHAR, membaca VARCHAR, implementasi VARCHAR, deskripsi_id VARCHAR, deskripsi_en VARCHAR)`);
  for (const c of catalogue) {
    await db.run(`INSERT INTO recon.katalog VALUES (${[c.id, c.jenis, c.keparahan, c.membaca, c.implementasi, c.deskripsi_id, c.deskripsi_en].map(sqlString).join(", ")})`);
  }
  // sebab: optional, a check may say which cause class its failing items have (see masalah.ts).
  await db.run(`CREATE OR REPLACE TABLE recon.evaluasi (check_id VARCHAR, ${EVALUATED_COLUMNS}, sebab VARCHAR)`);
  // Cells a check looked at beyond the members of its items (CELL_GENERATORS, checks/sel/*.sql): coverage.
  await db.run(`CREATE OR REPLACE TABLE recon.sel_dicek (check_id VARCHAR, source_file VARCHAR, source_row INTEGER, kolom VARCHAR, nilai DECIMAL(28,6))`);
  for (const c of catalogue) {
    const generated = await checkSql(db, c, checksDir);
    const sqls = generated === null ? [] : Array.isArray(generated) ? generated : [generated];
    if (sqls.length === 0) continue;
    const t0 = performance.now();
    try {
      for (const sql of sqls) {
        const cols = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE (${sql}))`);
        const sebab = cols.some((x) => x.column_name === "sebab") ? "CAST(sebab AS VARCHAR)" : "NULL::VARCHAR";
        await db.run(`INSERT INTO recon.evaluasi SELECT ${sqlString(c.id)}, ${EVALUATED_NAMES.join(", ")}, ${sebab} FROM (${sql})`);
      }
      for (const cells of await cellSql(db, c, checksDir)) {
        await db.run(`INSERT INTO recon.sel_dicek SELECT ${sqlString(c.id)}, source_file, source_row, kolom, nilai FROM (${cells})`);
      }
    } catch (err) {
      throw new Error(`cek ${c.id} (${c.implementasi}): ${err instanceof Error ? err.message : String(err)}`);
    }
    const n = await db.value<string>(`SELECT count(*) FILTER (WHERE gagal)::VARCHAR || ' temuan dari ' || count(*)::VARCHAR || ' diperiksa' FROM recon.evaluasi WHERE check_id = ${sqlString(c.id)}`);
    opts.log(`  ${c.id.padEnd(22)} ${n}  (${Math.round(performance.now() - t0)} ms)`);
  }
  await buildFindings(db);
  await buildMasalah(db);
  await buildCoverage(db);
  if (opts.outDir !== null) await writeReconciliationOutputs(db, opts.outDir);
  const ringkasan = await readRingkasan(db);
  const evaluated = await db.value<string>(`SELECT count(*)::VARCHAR FROM recon.evaluasi`);
  const all = hitung(ringkasan, {});
  return {
    checks: catalogue.length,
    evaluated: Number(evaluated),
    findings: all.temuan,
    openErrors: hitung(ringkasan, { lingkup: "kerja", keparahan: "error", status: "terbuka" }).masalah,
    summary: ringkasanTeks(ringkasan),
  };
}

async function checkSql(db: Db, c: CheckEntry, dir: string): Promise<string | string[] | null> {
  const [kind, name] = c.implementasi.split(":") as [string, string];
  if (kind === "sql") return (await readFile(join(dir, name), "utf8")).trim().replace(/;\s*$/, "");
  const generate = GENERATORS[name];
  if (!generate) throw new Error(`models/checks/katalog.csv: implementasi ${c.implementasi} tidak dikenal`);
  return generate(db);
}

/** A SQL check's cells, when it lists them apart: checks/sel/<its file> (source_file, source_row, kolom, nilai). */
async function cellSql(db: Db, c: CheckEntry, dir: string): Promise<string[]> {
  const [kind, name] = c.implementasi.split(":") as [string, string];
  if (kind === "sql") {
    const text = await readFile(join(dir, "sel", name), "utf8").catch(() => null);
    return text === null ? [] : [text.trim().replace(/;\s*$/, "")];
  }
  const generate = CELL_GENERATORS[name];
  return generate ? generate(db) : [];
}

/** Findings: failing items, ids, enriched provenance, localisation and resolutions. */
async function buildFindings(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE temuan_dasar AS
    SELECT
      e.check_id || '-' || left(md5(e.kunci), 10) AS temuan_id,
      e.*,
      k.jenis,
      e.nilai_aktual - e.nilai_diharapkan AS selisih,
      CASE WHEN e.nilai_diharapkan <> 0
           THEN cast(cast(persen((e.nilai_aktual - e.nilai_diharapkan)::VARCHAR, abs(e.nilai_diharapkan)::VARCHAR) AS DECIMAL(38,10)) / 100 AS DECIMAL(28,6)) END AS selisih_relatif
    FROM recon.evaluasi e JOIN recon.katalog k ON k.id = e.check_id
    WHERE e.gagal`);

  // One edit, many identities: a cell whose corrected value is the fix proposed by at least two failing
  // error findings, and the only such best candidate for each of them, is named as the likely error.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE lokasi AS
    WITH kandidat AS (
      SELECT t.temuan_id, u.k.source_file AS source_file, u.k.source_sheet AS source_sheet, u.k.source_row AS source_row,
             u.k.kolom AS kolom, u.k.nilai_sekarang AS nilai_sekarang, u.k.nilai_pemulih AS nilai_pemulih
      FROM temuan_dasar t, unnest(t.kandidat) AS u(k)
      WHERE t.keparahan = 'error' AND u.k.source_file IS NOT NULL AND u.k.nilai_pemulih IS NOT NULL
    ),
    dukungan AS (
      SELECT source_file, source_sheet, source_row, kolom, nilai_sekarang, nilai_pemulih, count(DISTINCT temuan_id) AS n
      FROM kandidat GROUP BY ALL
    ),
    per_temuan AS (
      SELECT k.temuan_id, d.*, max(d.n) OVER (PARTITION BY k.temuan_id) AS n_maks
      FROM kandidat k JOIN dukungan d USING (source_file, source_row, kolom, nilai_pemulih)
    )
    SELECT temuan_id, any_value(struct_pack(source_file := source_file, source_sheet := source_sheet, source_row := source_row,
             kolom := kolom, nilai_sekarang := nilai_sekarang, nilai_pemulih := nilai_pemulih, dukungan := n)) AS lokasi
    FROM per_temuan
    WHERE n = n_maks AND n >= 2
    GROUP BY temuan_id
    HAVING count(*) = 1`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE resolusi AS
    SELECT id, nilai_berlaku, nilai_berlaku_nilai, alasan, oleh, tanggal, source_file, source_row
    FROM raw.resolusi_keputusan`);

  await db.run(`
    CREATE OR REPLACE TABLE recon.temuan AS
    WITH anggota AS (
      SELECT t.temuan_id, u.idx, u.a.peran AS peran, u.a.nilai AS nilai, u.a.teks AS teks, u.a.source_file AS source_file,
             u.a.source_sheet AS source_sheet, u.a.source_row AS source_row, u.a.kolom AS kolom
      FROM temuan_dasar t, unnest(t.anggota) WITH ORDINALITY AS u(a, idx)
    ),
    diperkaya AS (
      SELECT a.temuan_id,
        list(struct_pack(peran := a.peran, nilai := a.nilai, teks := a.teks, source_file := a.source_file,
                         source_sheet := a.source_sheet, source_row := a.source_row,
                         source_column := coalesce(sc.source_column, a.kolom), huruf_kolom := sc.huruf_kolom,
                         rujukan := f.rujukan) ORDER BY a.idx) AS nilai_konflik
      FROM anggota a
      LEFT JOIN raw.source_columns sc ON sc.source_file = a.source_file AND sc.kolom = a.kolom
      LEFT JOIN raw.source_files f ON f.source_file = a.source_file
      GROUP BY a.temuan_id
    )
    SELECT
      t.temuan_id, t.check_id, t.jenis, t.keparahan, t.kode_wilayah, t.tahun, t.tabel, t.kunci, t.kunci_indikator, t.keluarga,
      t.nilai_diharapkan, t.nilai_aktual, t.selisih, t.selisih_relatif, t.penjelasan,
      d.nilai_konflik,
      CASE WHEN l.lokasi IS NOT NULL THEN struct_pack(
        source_file := l.lokasi.source_file, source_sheet := l.lokasi.source_sheet, source_row := l.lokasi.source_row,
        source_column := coalesce(sc.source_column, l.lokasi.kolom), huruf_kolom := sc.huruf_kolom,
        nilai_sekarang := l.lokasi.nilai_sekarang, nilai_pemulih := l.lokasi.nilai_pemulih, dukungan := l.lokasi.dukungan) END AS lokasi_sel,
      CASE WHEN r.id IS NOT NULL THEN 'diselesaikan' ELSE 'terbuka' END AS status,
      r.nilai_berlaku, r.nilai_berlaku_nilai, r.alasan AS resolusi_alasan, r.oleh AS resolusi_oleh, r.tanggal AS resolusi_tanggal
    FROM temuan_dasar t
    LEFT JOIN diperkaya d USING (temuan_id)
    LEFT JOIN lokasi l USING (temuan_id)
    LEFT JOIN raw.source_columns sc ON sc.source_file = l.lokasi.source_file AND sc.kolom = l.lokasi.kolom
    LEFT JOIN resolusi r ON r.id = t.temuan_id OR (t.keluarga IS NOT NULL AND r.id = t.keluarga)
    ORDER BY t.check_id, t.kode_wilayah, t.tahun, t.kunci`);
}

/** Every numeric source cell, and whether any check evaluated it. */
async function buildCoverage(db: Db): Promise<void> {
  const cols = await db.all<{ raw_table: string; kolom: string }>(`
    SELECT DISTINCT raw_table, kolom FROM raw.source_columns
    WHERE jenis IN ('angka', 'kuantitas', 'teks_angka') ORDER BY ALL`);
  const parts = cols.map(
    (c) => `SELECT source_file, source_sheet, source_row, ${sqlString(c.kolom)} AS kolom
            FROM raw."${c.raw_table}" WHERE "${c.kolom}" IS NOT NULL`,
  );
  await db.run(`
    CREATE OR REPLACE TABLE recon.cakupan AS
    WITH sel AS (${parts.join(" UNION ALL ")}),
    ${"diperiksa"} AS (
      SELECT DISTINCT u.a.source_file, u.a.source_row, u.a.kolom, e.check_id
      FROM recon.evaluasi e, unnest(e.anggota) AS u(a)
      WHERE u.a.source_file IS NOT NULL
      UNION
      SELECT source_file, source_row, kolom, check_id FROM recon.sel_dicek WHERE source_file IS NOT NULL
    )
    SELECT s.source_file, s.source_sheet, s.source_row, s.kolom, sc.source_column, sc.huruf_kolom,
      list(DISTINCT d.check_id ORDER BY d.check_id) FILTER (WHERE d.check_id IS NOT NULL) AS dicek_oleh,
      count(d.check_id) > 0 AS tercakup
    FROM sel s
    LEFT JOIN diperiksa d ON d.source_file = s.source_file AND d.source_row = s.source_row AND d.kolom = s.kolom
    LEFT JOIN raw.source_columns sc ON sc.source_file = s.source_file AND sc.kolom = s.kolom
    GROUP BY ALL
    ORDER BY s.source_file, s.source_row, s.kolom`);
}
