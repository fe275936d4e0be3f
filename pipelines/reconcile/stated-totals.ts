/**
 * The generic "printed total vs sum of its parts" check, over raw.stated_totals. Columns differ per
 * raw table, so the SQL is generated per (table, scope, parts, row filter) group; every loaded layout
 * that declares totals is covered without a check knowing any table.
 *
 * Scopes: `kolom` (a total row: each part column summed over the file's data rows, optionally
 * filtered), `baris` (a row-total column: the parts in the same row), `rasio` (a printed percentage
 * of two column sums). Tolerance for rounding: each part may be off by half a unit of the printed
 * decimals of the total (n parts x 0.5 x 10^-d); within it the finding is `rounding`, beyond it `error`.
 */
import { sqlIdent, sqlString, type Db } from "../lib/duckdb.js";

type Group = {
  raw_table: string;
  lingkup: "kolom" | "baris" | "rasio";
  kolom_bagian: string[];
  baris_bagian: string | null;
};

const member = (peran: string, nilai: string, teks: string, file: string, sheet: string, row: string, kolom: string) =>
  `struct_pack(peran := ${peran}, nilai := ${nilai}, teks := ${teks}, source_file := ${file}, source_sheet := ${sheet}, source_row := ${row}, kolom := ${kolom})`;

const candidate = (file: string, sheet: string, row: string, kolom: string, now: string, fix: string) =>
  `struct_pack(source_file := ${file}, source_sheet := ${sheet}, source_row := ${row}, kolom := ${kolom}, nilai_sekarang := ${now}, nilai_pemulih := ${fix})`;

export async function statedTotalsSql(db: Db): Promise<string | null> {
  const parts = await statedTotalsParts(db);
  return parts.length ? parts.join("\nUNION ALL\n") : null;
}

/**
 * One query per (table, scope, parts, row filter) group. The build runs them one by one: a national
 * build has dozens of groups, and one UNION ALL of them holds every group's hash tables at once.
 */
export async function statedTotalsParts(db: Db): Promise<string[]> {
  const groups = await db.all<Group>(
    `SELECT DISTINCT raw_table, lingkup, kolom_bagian, baris_bagian FROM raw.stated_totals ORDER BY ALL`,
  );
  // A reader knows a column by its printed header, not by the warehouse's column name.
  const headers = new Map(
    (await db.all<{ raw_table: string; kolom: string; source_column: string }>(
      `SELECT raw_table, kolom, any_value(source_column ORDER BY source_file) AS source_column FROM raw.source_columns GROUP BY ALL`,
    )).map((h) => [`${h.raw_table}|${h.kolom}`, h.source_column]),
  );
  return groups.map((g) => groupSql(g, (k) => headers.get(`${g.raw_table}|${k}`) ?? k));
}

/** The totals of one group (stFilter over raw.stated_totals st) and its part cells (unpivot). */
function groupParts(g: Group) {
  const t = `raw.${sqlIdent(g.raw_table)}`;
  const stFilter = `st.raw_table = ${sqlString(g.raw_table)} AND st.lingkup = ${sqlString(g.lingkup)}
      AND st.kolom_bagian = [${g.kolom_bagian.map(sqlString).join(", ")}]::VARCHAR[]
      AND st.baris_bagian IS NOT DISTINCT FROM ${sqlString(g.baris_bagian)}`;
  const rowFilter = g.baris_bagian ? `AND (${g.baris_bagian})` : "";
  const unpivot = `(UNPIVOT (SELECT source_file, source_sheet, source_row, ${g.kolom_bagian.map(sqlIdent).join(", ")} FROM ${t} WHERE TRUE ${rowFilter})
      ON ${g.kolom_bagian.map(sqlIdent).join(", ")} INTO NAME kolom VALUE nilai)`;
  return { t, stFilter, rowFilter, unpivot };
}

function groupSql(g: Group, header: (kolom: string) => string): string {
  const { t, stFilter, rowFilter, unpivot } = groupParts(g);
  const totalMember = member("'total_tercetak'", "st.nilai", "st.teks", "st.source_file", "st.source_sheet", "st.source_row", "st.kolom");
  const totalCandidate = candidate("st.source_file", "st.source_sheet", "st.source_row", "st.kolom", "st.nilai", "st.diharapkan");
  const decimals = `coalesce(angka_desimal(st.teks, '.'), 0)`;

  if (g.lingkup === "rasio") {
    const [num, den] = g.kolom_bagian;
    return `
    SELECT st.kode_wilayah, st.tahun, st.source_file AS tabel,
      'total:' || st.source_file || ':' || st.source_row || ':' || st.kolom AS kunci, NULL AS kunci_indikator, NULL AS keluarga,
      e.diharapkan AS nilai_diharapkan, st.nilai AS nilai_aktual,
      kelas_publikasi(st.nilai::VARCHAR, ${decimals}::VARCHAR, e.diharapkan::VARCHAR) <> 'equal' AS gagal,
      CASE kelas_publikasi(st.nilai::VARCHAR, ${decimals}::VARCHAR, e.diharapkan::VARCHAR) WHEN 'rounding' THEN 'rounding' ELSE 'error' END AS keparahan,
      'Persentase tercetak ' || st.teks || ' pada baris "' || coalesce(st.label, '-') || '" tidak sama dengan ' || ${sqlString(header(num!))} || ' / ' || ${sqlString(header(den!))} || ' x 100 = ' || angka_id(round(e.diharapkan, 4)::VARCHAR) || '.' AS penjelasan,
      [${totalMember}] AS anggota,
      []::STRUCT(source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, kolom VARCHAR, nilai_sekarang DECIMAL(28,6), nilai_pemulih DECIMAL(28,6))[] AS kandidat
    FROM raw.stated_totals st
    JOIN LATERAL (
      SELECT cast(persen(sum(${sqlIdent(num!)})::VARCHAR, sum(${sqlIdent(den!)})::VARCHAR) AS DECIMAL(28,6)) AS diharapkan
      FROM ${t} r WHERE r.source_file = st.source_file ${rowFilter}
    ) e ON TRUE
    WHERE ${stFilter}`;
  }

  // The printed figure in id-ID (a cell printed "1174" reads 1.174); a row label that is only a number
  // (a running number in the label column) names no row.
  const printed = `coalesce(angka_id(st.nilai::VARCHAR), st.teks)`;
  const label = `CASE WHEN regexp_matches(coalesce(st.label, ''), '^[\\d.,\\s]*$') THEN NULL ELSE st.label END`;
  // Set-wise and streaming: one aggregate of the parts per file (kolom) or per row (baris), joined to
  // the totals on keys; member cells are listed only for failing totals (a national build prints
  // millions of passing row totals). The cells every total looked at are coverage (statedTotalCellsSql).
  const keys = g.lingkup === "kolom" ? "source_file" : "source_file, source_row";
  const join = g.lingkup === "kolom" ? "p.source_file = st.source_file" : "p.source_file = st.source_file AND p.source_row = st.source_row";
  const notStated = `CASE WHEN st.nilai IS NULL THEN ' Nilai tidak dinyatakan (' || st.teks || '): bila dibaca nol, jumlahnya hilang dari tabel.' ELSE '' END`;
  const what =
    g.lingkup === "kolom"
      ? `'Total tercetak ' || ${printed} || ' (' || coalesce('baris "' || ${label} || '"', 'baris total') || ', kolom ' || st.source_column || ') tidak sama dengan jumlah bagiannya ' || angka_id(st.diharapkan::VARCHAR) || '.'`
      : `'Nilai tercetak ' || ${printed} || ' (kolom ' || st.source_column || ', baris "' || coalesce(${label}, '-') || '") tidak sama dengan jumlah ' || ${sqlString(g.kolom_bagian.map(header).join(" + "))} || ' pada baris yang sama = ' || angka_id(st.diharapkan::VARCHAR) || '.'`;
  return `
    SELECT * FROM (
    WITH tercetak AS (SELECT * FROM raw.stated_totals st WHERE ${stFilter}),
    jumlah AS (
      SELECT ${keys.split(", ").map((k) => `p.${k}`).join(", ")}, sum(p.nilai) AS diharapkan, count(p.nilai) AS n
      FROM ${unpivot} p SEMI JOIN tercetak st ON ${join}
      GROUP BY ALL
    ),
    dinilai AS (
      SELECT t.*, coalesce(j.diharapkan, 0) AS diharapkan, coalesce(j.n, 0) AS n,
        t.nilai IS DISTINCT FROM coalesce(j.diharapkan, 0) AS gagal
      FROM tercetak t LEFT JOIN jumlah j ON ${keys.split(", ").map((k) => `j.${k} = t.${k}`).join(" AND ")}
    ),
    bagian AS (
      SELECT st.source_file, st.source_row, st.kolom,
        list(${member("'bagian'", "p.nilai", "NULL", "p.source_file", "p.source_sheet", "p.source_row", "p.kolom")} ORDER BY p.source_row, p.kolom) AS bagian
      FROM (SELECT * FROM dinilai WHERE gagal) st JOIN ${unpivot} p ON ${join}
      GROUP BY st.source_file, st.source_row, st.kolom
    )
    SELECT st.kode_wilayah, st.tahun, st.source_file AS tabel,
      'total:' || st.source_file || ':' || st.source_row || ':' || st.kolom || ':' || array_to_string(st.kolom_bagian, '+') AS kunci,
      NULL AS kunci_indikator, NULL AS keluarga,
      st.diharapkan AS nilai_diharapkan, st.nilai AS nilai_aktual,
      st.gagal,
      -- A passing total has no severity (angka_desimal is a JS function: not called per passing row).
      CASE WHEN NOT st.gagal THEN NULL
           WHEN st.nilai IS NULL THEN 'warning'
           WHEN abs(st.nilai - st.diharapkan) <= st.n * 0.5 * pow(10, -${decimals}) AND ${decimals} > 0 THEN 'rounding'
           ELSE 'error' END AS keparahan,
      -- Explanations only for failing totals: angka_id is a JS function, called per row.
      CASE WHEN st.gagal THEN ${what} || ${notStated} END AS penjelasan,
      CASE WHEN st.gagal THEN list_concat([${totalMember}], coalesce(b.bagian, [])) ELSE [] END AS anggota,
      CASE WHEN st.gagal THEN list_concat([${totalCandidate}], list_transform(coalesce(b.bagian, []), lambda x: ${candidate("x.source_file", "x.source_sheet", "x.source_row", "x.kolom", "x.nilai", "x.nilai + (st.nilai - st.diharapkan)")})) ELSE [] END AS kandidat
    FROM dinilai st
    LEFT JOIN bagian b ON b.source_file = st.source_file AND b.source_row = st.source_row AND b.kolom = st.kolom
    )`;
}

/**
 * The cells the stated-totals check looked at (coverage), set-wise: every printed total and every
 * part cell its total sums. The evaluated items list members only when they fail.
 */
export async function statedTotalCellsSql(db: Db): Promise<string[]> {
  const groups = await db.all<Group>(
    `SELECT DISTINCT raw_table, lingkup, kolom_bagian, baris_bagian FROM raw.stated_totals WHERE lingkup <> 'rasio' ORDER BY ALL`,
  );
  const parts = groups.map((g) => {
    const { stFilter, unpivot } = groupParts(g);
    const tercetak = `(SELECT * FROM raw.stated_totals st WHERE ${stFilter})`;
    const join = g.lingkup === "kolom" ? "p.source_file = st.source_file" : "p.source_file = st.source_file AND p.source_row = st.source_row";
    return `SELECT source_file, source_row, kolom, nilai FROM ${tercetak}
      UNION ALL SELECT p.source_file, p.source_row, p.kolom, p.nilai FROM ${unpivot} p SEMI JOIN ${tercetak} st ON ${join}`;
  });
  // Ratio claims list their one cell as a member of every item (few items).
  return parts;
}

/**
 * Shifted total rows: a printed total row whose figures each equal the sum of the NEIGHBOURING column
 * (same offset for at least two figures, none equal to its own column) was typed or pasted one column
 * off. Reported once per row, naming every shifted cell and the column it belongs to.
 */
export async function shiftedTotalsSql(db: Db): Promise<string | null> {
  const tables = await db.all<{ raw_table: string; kolom: string; posisi: number }>(`
    SELECT DISTINCT c.raw_table, c.kolom, c.posisi FROM raw.source_columns c
    WHERE c.jenis IN ('angka', 'kuantitas')
      AND c.raw_table IN (SELECT raw_table FROM raw.stated_totals WHERE lingkup = 'kolom')
    ORDER BY ALL`);
  if (tables.length === 0) return null;
  const sums = tables.map(
    (t) => `SELECT source_file, ${sqlString(t.kolom)} AS kolom, ${t.posisi} AS posisi, sum(${sqlIdent(t.kolom)}) AS jumlah
            FROM raw.${sqlIdent(t.raw_table)} GROUP BY source_file`,
  );
  return `
    WITH jumlah AS (${sums.join(" UNION ALL ")}),
    tercetak AS (
      SELECT st.*, c.posisi FROM raw.stated_totals st
      JOIN raw.source_columns c ON c.source_file = st.source_file AND c.kolom = st.kolom
      WHERE st.lingkup = 'kolom' AND len(st.kolom_bagian) = 1 AND st.nilai IS NOT NULL
    ),
    geser AS (
      SELECT t.*, j_sendiri.jumlah AS jumlah_sendiri, g.geser, j.kolom AS kolom_tetangga, j.jumlah AS jumlah_tetangga
      FROM tercetak t
      LEFT JOIN jumlah j_sendiri ON j_sendiri.source_file = t.source_file AND j_sendiri.kolom = t.kolom
      CROSS JOIN (VALUES (-1), (1)) g(geser)
      LEFT JOIN jumlah j ON j.source_file = t.source_file AND j.posisi = t.posisi + g.geser
    ),
    per_baris AS (
      SELECT source_file, source_sheet, source_row, geser, min(kode_wilayah) AS kode_wilayah, min(tahun) AS tahun,
        count(*) FILTER (WHERE nilai = jumlah_tetangga AND nilai IS DISTINCT FROM jumlah_sendiri) AS cocok_tetangga,
        count(*) AS n,
        list(anggota_sel('total_tercetak', nilai, teks, source_file, source_sheet, source_row, kolom) ORDER BY posisi) AS anggota,
        list(kandidat_sel(source_file, source_sheet, source_row, kolom, nilai, jumlah_sendiri) ORDER BY posisi) AS kandidat
      FROM geser GROUP BY source_file, source_sheet, source_row, geser
    )
    SELECT kode_wilayah, tahun, source_file AS tabel,
      'total_bergeser:' || source_file || ':' || source_row || ':' || geser AS kunci,
      NULL AS kunci_indikator, NULL AS keluarga,
      NULL::DECIMAL(28,6) AS nilai_diharapkan, NULL::DECIMAL(28,6) AS nilai_aktual,
      cocok_tetangga >= 2 AS gagal,
      'error' AS keparahan,
      'Baris total ' || source_row || ' tampak bergeser satu kolom ke ' || CASE WHEN geser = 1 THEN 'kiri' ELSE 'kanan' END ||
        ': ' || cocok_tetangga || ' dari ' || n || ' angkanya sama dengan jumlah kolom di sebelah ' ||
        CASE WHEN geser = 1 THEN 'kanannya' ELSE 'kirinya' END || ', bukan jumlah kolomnya sendiri.' AS penjelasan,
      anggota, kandidat
    FROM per_baris
    WHERE n >= 2`;
}
