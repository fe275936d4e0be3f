/**
 * LKjIP: after the generic load, every lkjip raw table gets
 *   - `tabel`: the report's table number ("3.2"), read from the file name, because the same layout
 *     holds several tables (3.4/3.7/.../3.15) and checks cite claims by table number;
 *   - `urutan`: the row's position within its file, since the printed tables have no stable key
 *     (Tabel 3.2 carries "Nilai SAKIP Perangkat Daerah" twice, with different targets);
 *   - `<col>_isi`: merged label cells (No, Sasaran) forward-filled, because the source keeps the
 *     text only in the first row of a merge, as printed; the printed column stays as it is.
 * Then raw.lkjip_klaim unpivots every non-empty claim cell of every lkjip table into one row, so a
 * model can compare claims with recomputed figures cell by cell. It is generated from
 * raw.source_columns (jenis = 'teks_angka'), so a new table shape needs no change here.
 */
import { sqlIdent, sqlString, type Db } from "../../lib/duckdb.js";
import type { Family } from "../family.js";
import { LAYOUTS } from "./layout.js";

/** Label columns the transcription leaves empty under a vertical merge. */
const MERGED_LABELS = ["no", "sasaran"];
/** Row label of a claim, first present wins: the indicator, else the programme, else the target. */
const ROW_LABELS = ["indikator", "program", "sasaran"];
/** Narrative rows have no indicator: where and what the figure is says it all. */
const NARRATIVE_LABEL = ["bagian", "paragraf", "ukuran"];

export const KLAIM_TABLE = "lkjip_klaim";

/** Table number from the file name: tabel_3_2.csv -> 3.2; other files by their own name. */
const TABEL_EXPR = `CASE
    WHEN regexp_matches(source_file, '(^|/)tabel_[0-9]+_[0-9]+\\.[a-z]+$')
      THEN replace(regexp_extract(source_file, 'tabel_([0-9]+_[0-9]+)\\.[a-z]+$', 1), '_', '.')
    WHEN regexp_matches(source_file, '(^|/)iku_rpjmd\\.[a-z]+$') THEN 'IKU RPJMD'
    ELSE regexp_extract(source_file, '([^/]+)\\.[a-z]+$', 1) END`;

async function rawTables(db: Db): Promise<string[]> {
  const rows = await db.all<{ t: string }>(
    `SELECT DISTINCT replace(raw_table, 'raw.', '') AS t FROM raw.source_files WHERE family = 'lkjip' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

async function columnsOf(db: Db, table: string): Promise<Set<string>> {
  const rows = await db.all<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ${sqlString(table)}`,
  );
  return new Set(rows.map((r) => r.c));
}

async function addRowContext(db: Db, table: string): Promise<void> {
  const cols = await columnsOf(db, table);
  const fills = MERGED_LABELS.filter((c) => cols.has(c)).map(
    (c) => `last_value(${sqlIdent(c)} IGNORE NULLS) OVER (PARTITION BY source_file ORDER BY source_row
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${sqlIdent(`${c}_isi`)}`,
  );
  const t = `raw.${sqlIdent(table)}`;
  await db.run(`CREATE OR REPLACE TABLE ${t} AS
    SELECT *, ${TABEL_EXPR} AS tabel,
           row_number() OVER (PARTITION BY source_file ORDER BY source_row)::INTEGER AS urutan
           ${fills.map((f) => `, ${f}`).join("")}
    FROM ${t} ORDER BY source_file, source_row`);
}

/** SQL for a row's label over the columns a table has (forward-filled copies preferred). */
function rowLabel(cols: Set<string>): string {
  const col = (c: string) => `r.${sqlIdent(cols.has(`${c}_isi`) ? `${c}_isi` : c)}`;
  if (NARRATIVE_LABEL.every((c) => cols.has(c)) && !cols.has("indikator")) {
    return `concat_ws(' | ', ${NARRATIVE_LABEL.map(col).join(", ")})`;
  }
  const present = ROW_LABELS.filter((c) => cols.has(c));
  return present.length ? `coalesce(${present.map(col).join(", ")})` : "NULL::VARCHAR";
}

function numberOption(table: string): string {
  const layout = LAYOUTS.find((l) => l.table === table);
  return sqlString(layout?.numberStyle === "machine" ? "machine" : (layout?.thousands ?? "."));
}

async function buildKlaim(db: Db, tables: string[]): Promise<void> {
  const claimCols = await db.all<{ raw_table: string; kolom: string }>(
    `SELECT DISTINCT raw_table, kolom FROM raw.source_columns
     WHERE jenis = 'teks_angka' AND list_contains(${`[${tables.map(sqlString).join(", ")}]::VARCHAR[]`}, raw_table)
     ORDER BY raw_table, kolom`,
  );
  const parts: string[] = [];
  for (const { raw_table: table, kolom } of claimCols) {
    const cols = await columnsOf(db, table);
    const k = `r.${sqlIdent(kolom)}`;
    const opt = numberOption(table);
    // A claim printed with its unit word ("2.370 Orang", "4,40 Persen") has no teks_angka number;
    // its number is read as a quantity so it can still be compared. The printed text stays in teks.
    const unitWord = `(r.${sqlIdent(`${kolom}_nilai`)} IS NULL AND kuantitas(${k}, ${opt}) IS NOT NULL AND kuantitas_satuan(${k}, ${opt}) IS NOT NULL)`;
    parts.push(`SELECT r.source_file, r.source_sheet, r.source_row, r.source_sha256, r.kode_wilayah, r.tahun,
        r.tabel, r.urutan, ${rowLabel(cols)} AS label_baris, ${sqlString(kolom)} AS kolom, sc.source_column,
        ${k} AS teks,
        CASE WHEN ${unitWord} THEN CAST(kuantitas(${k}, ${opt}) AS DECIMAL(28,6)) ELSE r.${sqlIdent(`${kolom}_nilai`)} END AS nilai,
        CASE WHEN ${unitWord} THEN angka_desimal(regexp_extract(${k}, '^[0-9][0-9.,]*'), ${opt}) ELSE r.${sqlIdent(`${kolom}_desimal`)} END AS desimal,
        ends_with(trim(${k}), '%') AS persen,
        CASE WHEN ${unitWord} THEN kuantitas_satuan(${k}, ${opt}) END AS satuan_sel,
        sc.posisi
      FROM raw.${sqlIdent(table)} AS r
      JOIN raw.source_columns AS sc
        ON sc.source_file = r.source_file AND sc.source_sheet IS NOT DISTINCT FROM r.source_sheet
       AND sc.raw_table = ${sqlString(table)} AND sc.kolom = ${sqlString(kolom)}
      WHERE ${k} IS NOT NULL`);
  }
  await db.run(`CREATE OR REPLACE TABLE raw.${sqlIdent(KLAIM_TABLE)} (
    source_file VARCHAR NOT NULL, source_sheet VARCHAR, source_row INTEGER NOT NULL, source_sha256 VARCHAR NOT NULL,
    kode_wilayah VARCHAR, tahun INTEGER, tabel VARCHAR NOT NULL, urutan INTEGER NOT NULL, label_baris VARCHAR,
    kolom VARCHAR NOT NULL, source_column VARCHAR NOT NULL, teks VARCHAR NOT NULL, nilai DECIMAL(28,6), desimal INTEGER,
    persen BOOLEAN NOT NULL, satuan_sel VARCHAR)`);
  if (parts.length === 0) return;
  await db.run(`INSERT INTO raw.${sqlIdent(KLAIM_TABLE)}
    SELECT * EXCLUDE (posisi) FROM (${parts.join("\nUNION ALL\n")}) ORDER BY source_file, source_row, posisi`);
}

async function normalise(db: Db): Promise<void> {
  const tables = await rawTables(db);
  for (const t of tables) await addRowContext(db, t);
  await buildKlaim(db, tables);
}

export const lkjip: Family = { name: "lkjip", layouts: LAYOUTS, normalise };
