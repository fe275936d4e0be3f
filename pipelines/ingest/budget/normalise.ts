/**
 * Budget family: what the generic load cannot express.
 *  - Lampiran C is a code tree whose codes are partly malformed or missing, so the level of each
 *    row (tingkat), its parent (kode_induk) and its program (kode_program) are derived from the
 *    code where it is well formed and from the row's position otherwise. The printed kode stays
 *    as it is: the malformed codes are findings, not typos to repair here.
 *  - Tabel 3.22 / 3.23 print merged Sasaran / Indikator cells once: forward-filled into
 *    sasaran_isi / indikator_isi so every program row knows its sasaran.
 *  - A printed percentage total is a ratio, not a column sum: its stated total is re-described.
 */
import type { Db } from "../../lib/duckdb.js";
import type { Family } from "../family.js";
import { BUDGET_LAYOUTS, lampiranC, realisasiProgram } from "./layout.js";

async function tableExists(db: Db, table: string): Promise<boolean> {
  const n = await db.value<string>(
    `SELECT count(*)::VARCHAR FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name = '${table}'`,
  );
  return n !== "0";
}

/**
 * Level of a Lampiran C row, first rule that applies:
 *  1. a well-formed code gives it (kode_tingkat from the engine);
 *  2. a roman numeral in NO marks a program (programs are numbered I..VII);
 *  3. a row with an output target, achievement or location is a sub-kegiatan: only
 *     sub-kegiatan carry kinerja in this sheet (this catches 2.0701.2.05.0004, 2.07.02.2.01.02
 *     and the row printed without NO and code, "Penyelenggaraan Unit Layanan Disabilitas");
 *  4. a code-like text in KODE, or in NO where the transmigrasi part prints "3" and "3,32",
 *     read with commas as dots, gives the level by its number of segments;
 *  5. a row with a budget but no number is a kegiatan subtotal.
 */
const TINGKAT_SQL = `
  CASE
    WHEN kode_tingkat IS NOT NULL THEN kode_tingkat
    WHEN regexp_matches(coalesce(no, ''), '^[IVXLC]+$') THEN 'program'
    WHEN target IS NOT NULL OR target_satuan IS NOT NULL OR capaian IS NOT NULL OR capaian_satuan IS NOT NULL
      OR lokasi IS NOT NULL THEN 'sub_kegiatan'
    WHEN regexp_matches(coalesce(kode, no, ''), '^[0-9]+([.,][0-9]+)*$') THEN
      CASE len(string_split(replace(coalesce(kode, no), ',', '.'), '.'))
        WHEN 1 THEN 'urusan' WHEN 2 THEN 'bidang_urusan' WHEN 3 THEN 'program'
        WHEN 5 THEN 'kegiatan' WHEN 6 THEN 'sub_kegiatan' END
    WHEN no IS NULL AND pagu IS NOT NULL THEN 'kegiatan'
  END`;

async function normaliseLampiranC(db: Db): Promise<void> {
  const table = `raw.${lampiranC.table}`;
  await db.run(`ALTER TABLE ${table} ADD COLUMN tingkat VARCHAR`);
  await db.run(`ALTER TABLE ${table} ADD COLUMN kode_induk VARCHAR`);
  await db.run(`ALTER TABLE ${table} ADD COLUMN kode_program VARCHAR`);
  await db.run(`UPDATE ${table} SET tingkat = ${TINGKAT_SQL}`);

  // The parent is the nearest row above of the next level up, in print order. An urusan/bidang
  // row closes the previous program (the transmigrasi part restarts the tree), so the head
  // searched for is "program or higher" / "kegiatan or higher", and only a head of the right
  // level counts as parent.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE budget_lampiran_c_pohon AS
    WITH heads AS (
      SELECT source_file, source_row, tingkat, kode,
        last_value(CASE WHEN tingkat IN ('urusan', 'bidang_urusan', 'program') THEN source_row END IGNORE NULLS)
          OVER w AS program_head,
        last_value(CASE WHEN tingkat IN ('urusan', 'bidang_urusan', 'program', 'kegiatan') THEN source_row END IGNORE NULLS)
          OVER w AS kegiatan_head
      FROM ${table}
      WINDOW w AS (PARTITION BY source_file ORDER BY source_row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )
    SELECT h.source_file, h.source_row,
      CASE WHEN p.tingkat = 'program' AND h.tingkat IN ('program', 'kegiatan', 'sub_kegiatan') THEN p.kode END AS kode_program,
      CASE
        WHEN h.tingkat = 'kegiatan' AND p.tingkat = 'program' THEN p.kode
        WHEN h.tingkat = 'sub_kegiatan' AND k.tingkat = 'kegiatan' THEN k.kode
      END AS kode_induk
    FROM heads h
    LEFT JOIN ${table} p ON p.source_file = h.source_file AND p.source_row = h.program_head
    LEFT JOIN ${table} k ON k.source_file = h.source_file AND k.source_row = h.kegiatan_head`);
  await db.run(`UPDATE ${table} t SET kode_program = x.kode_program, kode_induk = x.kode_induk
    FROM budget_lampiran_c_pohon x WHERE x.source_file = t.source_file AND x.source_row = t.source_row`);
  await db.run(`DROP TABLE budget_lampiran_c_pohon`);

  // The engine flags these rows as "kode kosong"; say where the code actually is, so a reader of
  // the flags does not look for a lost code.
  await db.run(`INSERT INTO raw.cell_flags
    SELECT t.source_file, t.source_sheet, t.source_row, t.source_sha256, t.kode_wilayah, t.tahun,
      c.source_column, 'no', 'kode_di_kolom_no', t.no,
      'kode ' || replace(t.tingkat, '_', ' ') || ' tercetak di kolom NO, kolom KODE kosong'
    FROM ${table} t
    JOIN raw.source_columns c ON c.source_file = t.source_file AND c.raw_table = '${lampiranC.table}' AND c.kolom = 'no'
    WHERE t.kode IS NULL AND t.tingkat IN ('urusan', 'bidang_urusan') AND regexp_matches(t.no, '^[0-9]+([.,][0-9]+)*$')`);
}

async function normaliseRealisasiProgram(db: Db): Promise<void> {
  const table = `raw.${realisasiProgram.table}`;
  await db.run(`ALTER TABLE ${table} ADD COLUMN sasaran_isi VARCHAR`);
  await db.run(`ALTER TABLE ${table} ADD COLUMN indikator_isi VARCHAR`);
  // The indikator is filled only within its own sasaran block, so a sasaran printed without an
  // indikator never inherits the previous sasaran's.
  await db.run(`UPDATE ${table} t SET sasaran_isi = x.sasaran_isi, indikator_isi = x.indikator_isi
    FROM (
      SELECT source_file, source_row, sasaran_isi,
        last_value(indikator IGNORE NULLS) OVER (PARTITION BY source_file, blok ORDER BY source_row
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS indikator_isi
      FROM (
        SELECT source_file, source_row, indikator,
          last_value(sasaran IGNORE NULLS) OVER w AS sasaran_isi,
          count(sasaran) OVER w AS blok
        FROM ${table}
        WINDOW w AS (PARTITION BY source_file ORDER BY source_row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      )
    ) x
    WHERE x.source_file = t.source_file AND x.source_row = t.source_row`);
}

/**
 * The engine records every printed total of an angka column as a column sum. "Total (Rp)" prints
 * the overall realisation percentage (81,36 / 93,22%), which is realisasi / anggaran x 100 over
 * the total, not a sum of the program percentages: described as a ratio (lingkup 'rasio',
 * kolom_bagian = [numerator, denominator]) so no check adds percentages up.
 */
async function describeRatioTotals(db: Db): Promise<void> {
  await db.run(`UPDATE raw.stated_totals SET lingkup = 'rasio', kolom_bagian = ['realisasi', 'anggaran']
    WHERE layout = '${realisasiProgram.name}' AND kolom = 'realisasi_pct' AND lingkup = 'kolom'`);
}

async function normalise(db: Db): Promise<void> {
  if (await tableExists(db, lampiranC.table)) await normaliseLampiranC(db);
  if (await tableExists(db, realisasiProgram.table)) {
    await normaliseRealisasiProgram(db);
    await describeRatioTotals(db);
  }
}

export const budget: Family = { name: "budget", layouts: BUDGET_LAYOUTS, normalise };
