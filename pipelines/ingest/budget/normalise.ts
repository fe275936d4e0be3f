/**
 * Budget family: row classes, flags and stated totals the generic load cannot express.
 *  - Each Lampiran C row's level (tingkat), and a cell flag where a code is printed in NO.
 *  - A printed percentage total is a ratio, not a column sum: its stated total is re-described.
 * The code tree of Lampiran C (parent, program) and the merged Sasaran / Indikator cells of Tabel 3.22 / 3.23 are
 * derived by the staging models (stg_budget_lampiran_c, stg_budget_realisasi_program).
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

/**
 * Row class of Lampiran C: each row's level (tingkat), so stated totals can name the rows they sum
 * (layout totalRowsFilter) and the staging model can build the code tree (stg_budget_lampiran_c).
 * Where the transmigrasi part prints its urusan / bidang code in NO, a cell flag says so, so a
 * reader of the flags does not look for a lost code.
 */
async function classifyLampiranC(db: Db): Promise<void> {
  const table = `raw.${lampiranC.table}`;
  await db.run(`ALTER TABLE ${table} ADD COLUMN tingkat VARCHAR`);
  await db.run(`UPDATE ${table} SET tingkat = ${TINGKAT_SQL}`);
  await db.run(`INSERT INTO raw.cell_flags
    SELECT t.source_file, t.source_sheet, t.source_row, t.source_sha256, t.kode_wilayah, t.tahun,
      c.source_column, 'no', 'kode_di_kolom_no', t.no,
      'kode ' || replace(t.tingkat, '_', ' ') || ' tercetak di kolom NO, kolom KODE kosong'
    FROM ${table} t
    JOIN raw.source_columns c ON c.source_file = t.source_file AND c.raw_table = '${lampiranC.table}' AND c.kolom = 'no'
    WHERE t.kode IS NULL AND t.tingkat IN ('urusan', 'bidang_urusan') AND regexp_matches(t.no, '^[0-9]+([.,][0-9]+)*$')`);
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
  if (await tableExists(db, lampiranC.table)) await classifyLampiranC(db);
  if (await tableExists(db, realisasiProgram.table)) await describeRatioTotals(db);
}

export const budget: Family = { name: "budget", layouts: BUDGET_LAYOUTS, normalise };
