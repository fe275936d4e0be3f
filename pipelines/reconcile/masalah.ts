/**
 * From findings to problems: every finding (recon.temuan) belongs to exactly one masalah, the
 * underlying problem an analyst clears. Findings are joined when they share
 *   - the cell one edit would fix (lokasi_sel),
 *   - one printed total row (a total row whose figures fail together),
 *   - one printed line of a source (unreadable cells of the same row),
 *   - one indicator's derivation chain: a capaian or kriteria that the report computed correctly
 *     from its own printed inputs inherits the problem of those inputs (config.turunan_ukuran),
 *     so realisasi -> capaian -> kriteria -> narrative count as one problem with consequences.
 * Nothing here names a case of a particular report: the rules read the findings, the published
 * claims (marts.published_vs_recomputed) and configuration only.
 */
import type { Db } from "../lib/duckdb.js";
import { sqlString } from "../lib/duckdb.js";

/** Union-find over finding ids; each component is one masalah. */
class Components {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id wins so the component's representative does not depend on input order.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/**
 * Grouping keys of every finding. A finding's keys are the things it may share with another
 * finding of the same problem; `kunci_akar` orders which key names the problem (lowest first).
 */
async function groupingKeys(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE klaim_ukuran AS
    SELECT 'klaim:' || p.source_file || ':' || p.source_row || ':' || p.kolom AS kunci,
           p.kode_wilayah, p.tahun, p.kunci_indikator, p.ukuran, p.nilai_terbit, p.nilai_terbit_teks,
           p.tabel, p.label_baris, p.dasar_perhitungan
    FROM m_pvr p`);

  // The report's own inputs per indicator: the value its tables and narrative state most often.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE input_laporan AS
    WITH v AS (
      SELECT kode_wilayah, tahun, kunci_indikator, ukuran, nilai_terbit, count(*) AS n
      FROM m_pvr
      WHERE ukuran IN ('realisasi', 'target', 'capaian') AND nilai_terbit IS NOT NULL AND kunci_indikator IS NOT NULL
      GROUP BY ALL
    )
    , r AS (SELECT *, row_number() OVER (PARTITION BY kode_wilayah, tahun, kunci_indikator, ukuran ORDER BY n DESC, nilai_terbit) AS rn FROM v)
    SELECT kode_wilayah, tahun, kunci_indikator,
      any_value(nilai_terbit) FILTER (WHERE ukuran = 'realisasi') AS realisasi,
      any_value(nilai_terbit) FILTER (WHERE ukuran = 'target') AS target,
      any_value(nilai_terbit) FILTER (WHERE ukuran = 'capaian') AS capaian
    FROM r WHERE rn = 1
    GROUP BY ALL`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE arah_indikator AS
    SELECT DISTINCT ON (kode_wilayah, tahun, kunci_indikator) kode_wilayah, tahun, kunci_indikator, arah
    FROM m_capaian ORDER BY ALL`);

  // Which measure of an indicator each finding is about.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE temuan_ukuran AS
    SELECT t.temuan_id, t.check_id, t.keparahan, t.kode_wilayah, t.tahun, t.kunci_indikator, t.nilai_aktual, t.nilai_diharapkan,
      CASE
        WHEN t.check_id = 'klaim_vs_hitung' THEN k.ukuran
        WHEN t.check_id = 'konsistensi_target' THEN 'target'
        WHEN t.keluarga IS NOT NULL AND t.kunci_indikator IS NOT NULL THEN
          CASE WHEN split_part(t.keluarga, '|', 1) IN (SELECT ukuran FROM m_turunan UNION SELECT diturunkan_dari FROM m_turunan)
               THEN split_part(t.keluarga, '|', 1) ELSE 'masukan' END
        WHEN t.kunci_indikator IS NOT NULL THEN t.check_id
      END AS ukuran,
      CASE WHEN t.check_id = 'konsistensi_target' THEN t.nilai_konflik[1].teks ELSE k.nilai_terbit_teks END AS nilai_terbit_teks
    FROM recon.temuan t
    LEFT JOIN klaim_ukuran k ON k.kunci = t.kunci AND t.check_id = 'klaim_vs_hitung'
    -- context (quotes about other regions, outlets' misquotes) never joins the office's own chain
    WHERE t.kunci_indikator IS NOT NULL AND t.kode_wilayah IS NOT NULL AND t.lingkup = 'kerja'`);

  // A derived figure the report computed correctly from its own printed inputs only inherits their problem.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE temuan_turunan AS
    SELECT u.*,
      CASE
        -- only a published claim derives from inputs; a family's disagreement is its own
        WHEN u.check_id <> 'klaim_vs_hitung' THEN false
        WHEN u.ukuran = 'capaian' AND i.realisasi IS NOT NULL AND i.target IS NOT NULL THEN
          coalesce(kelas_publikasi(u.nilai_aktual::VARCHAR,
                     coalesce(length(regexp_extract(u.nilai_terbit_teks, ',(\\d+)', 1)), 0)::VARCHAR,
                     capaian(i.realisasi::VARCHAR, i.target::VARCHAR, coalesce(a.arah, 'positif'))) IN ('equal', 'rounding'), false)
        WHEN u.ukuran = 'kriteria' AND i.capaian IS NOT NULL THEN
          lower(trim(u.nilai_terbit_teks)) = lower(kriteria(i.capaian::VARCHAR))
        ELSE false
      END AS konsisten_dengan_input
    FROM temuan_ukuran u
    LEFT JOIN input_laporan i USING (kode_wilayah, tahun, kunci_indikator)
    LEFT JOIN arah_indikator a USING (kode_wilayah, tahun, kunci_indikator)`);

  // The upstream group a consistent derived finding joins: the first measure it derives from
  // (config.turunan_ukuran order; masukan counts as realisasi) that has a finding of its own.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE kunci_rantai AS
    WITH gagal AS (
      SELECT DISTINCT kode_wilayah, tahun, kunci_indikator, CASE WHEN ukuran = 'masukan' THEN 'realisasi' ELSE ukuran END AS ukuran
      FROM temuan_turunan
    )
    SELECT t.temuan_id,
      'indikator|' || t.kode_wilayah || '|' || t.tahun || '|' || t.kunci_indikator || '|' ||
      CASE
        WHEN t.ukuran = 'masukan' THEN 'realisasi'
        WHEN t.konsisten_dengan_input AND t.ukuran = 'capaian' THEN coalesce(
          (SELECT g.ukuran FROM gagal g WHERE g.kode_wilayah = t.kode_wilayah AND g.tahun = t.tahun AND g.kunci_indikator = t.kunci_indikator AND g.ukuran = 'realisasi'),
          (SELECT g.ukuran FROM gagal g WHERE g.kode_wilayah = t.kode_wilayah AND g.tahun = t.tahun AND g.kunci_indikator = t.kunci_indikator AND g.ukuran = 'target'),
          'capaian')
        WHEN t.konsisten_dengan_input AND t.ukuran = 'kriteria' THEN coalesce(
          (SELECT g.ukuran FROM gagal g WHERE g.kode_wilayah = t.kode_wilayah AND g.tahun = t.tahun AND g.kunci_indikator = t.kunci_indikator AND g.ukuran = 'realisasi'),
          (SELECT g.ukuran FROM gagal g WHERE g.kode_wilayah = t.kode_wilayah AND g.tahun = t.tahun AND g.kunci_indikator = t.kunci_indikator AND g.ukuran = 'target'),
          (SELECT g.ukuran FROM gagal g WHERE g.kode_wilayah = t.kode_wilayah AND g.tahun = t.tahun AND g.kunci_indikator = t.kunci_indikator AND g.ukuran = 'capaian'),
          'kriteria')
        ELSE t.ukuran
      END ||
      -- a printed figure that is only a rounding of the right value is a display matter, never part of an error
      CASE WHEN t.keparahan = 'rounding' THEN '|pembulatan' ELSE '' END AS kunci,
      CASE WHEN t.ukuran IN ('capaian', 'kriteria') AND t.konsisten_dengan_input THEN 'akibat' ELSE 'akar' END AS peran,
      t.ukuran
    FROM temuan_turunan t`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE kunci_temuan AS
    -- the chain of an indicator
    SELECT temuan_id, kunci, 1 AS prioritas FROM kunci_rantai
    UNION ALL
    -- a figure family
    SELECT temuan_id, 'keluarga|' || keluarga, 2 FROM recon.temuan WHERE keluarga IS NOT NULL
    UNION ALL
    -- the one cell whose correction restores every failing identity around it
    SELECT temuan_id, 'sel|' || lokasi_sel.source_file || '|' || lokasi_sel.source_row || '|' || lokasi_sel.source_column, 3
    FROM recon.temuan WHERE lokasi_sel IS NOT NULL
    UNION ALL
    -- one printed total row: its figures are checked together
    SELECT DISTINCT t.temuan_id, 'baris_total|' || u.m.source_file || '|' || u.m.source_row, 4
    FROM recon.temuan t, unnest(t.nilai_konflik) AS u(m)
    WHERE t.jenis = 'jumlah_vs_bagian' AND u.m.peran = 'total_tercetak' AND u.m.source_file IS NOT NULL
      AND t.check_id IN (SELECT id FROM recon.katalog WHERE implementasi LIKE 'ts:%')
    UNION ALL
    -- cells of one printed line that cannot be read whole
    SELECT DISTINCT t.temuan_id, 'baris_sel|' || u.m.source_file || '|' || u.m.source_row, 5
    FROM recon.temuan t, unnest(t.nilai_konflik) AS u(m)
    WHERE t.jenis = 'sel_sumber' AND u.m.source_file IS NOT NULL
    UNION ALL
    SELECT temuan_id, 'temuan|' || temuan_id, 9 FROM recon.temuan`);
}

/**
 * The tables the grouping reads, as temp copies with the columns it needs: a warehouse built for
 * one region or a test's minimal warehouse may lack a mart or a column, and then that rule simply
 * has nothing to join (an empty table), instead of the step failing.
 */
async function inputs(db: Db): Promise<void> {
  await mirror(db, "m_pvr", "marts", "published_vs_recomputed", {
    kode_wilayah: "VARCHAR", tahun: "INTEGER", kunci_indikator: "VARCHAR", ukuran: "VARCHAR", nilai_terbit: "DECIMAL(28,6)",
    nilai_terbit_teks: "VARCHAR", tabel: "VARCHAR", label_baris: "VARCHAR", dasar_perhitungan: "VARCHAR",
    source_file: "VARCHAR", source_row: "INTEGER", kolom: "VARCHAR",
  });
  await mirror(db, "m_capaian", "marts", "capaian_indikator", {
    kode_wilayah: "VARCHAR", tahun: "INTEGER", kunci_indikator: "VARCHAR", arah: "VARCHAR", indikator: "VARCHAR", satuan: "VARCHAR",
  });
  await mirror(db, "m_keluarga", "intermediate", "int_keluarga_angka", { keluarga: "VARCHAR", kode_wilayah: "VARCHAR", tahun: "INTEGER", nilai: "DECIMAL(38,6)" });
  await mirror(db, "m_wilayah", "marts", "wilayah", { kode_wilayah: "VARCHAR", nama_wilayah: "VARCHAR" });
  await mirror(db, "m_turunan", "config", "turunan_ukuran", { ukuran: "VARCHAR", diturunkan_dari: "VARCHAR" });
  await mirror(db, "m_hierarki", "config", "hierarki_sumber", { layout_awalan: "VARCHAR", peringkat: "VARCHAR", jenis_sumber: "VARCHAR" });
  await mirror(db, "m_files", "raw", "source_files", { source_file: "VARCHAR", layout: "VARCHAR", rujukan: "VARCHAR", judul: "VARCHAR", kode_wilayah: "VARCHAR" });
  await mirror(db, "m_resolusi", "raw", "resolusi_keputusan", {
    id: "VARCHAR", nilai_berlaku: "VARCHAR", nilai_berlaku_nilai: "DECIMAL(28,6)", alasan: "VARCHAR", oleh: "VARCHAR", tanggal: "VARCHAR",
    source_file: "VARCHAR", source_row: "INTEGER",
  });
}

async function mirror(db: Db, name: string, schema: string, table: string, columns: Record<string, string>): Promise<void> {
  const present = new Set(
    (await db.all<{ column_name: string }>(`
      SELECT column_name FROM information_schema.columns WHERE table_schema = ${sqlString(schema)} AND table_name = ${sqlString(table)}`)).map((c) => c.column_name),
  );
  const select = Object.entries(columns).map(([c, type]) => (present.has(c) ? `CAST("${c}" AS ${type}) AS "${c}"` : `NULL::${type} AS "${c}"`));
  await db.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT ${select.join(", ")} ${present.size ? `FROM ${schema}.${table}` : "WHERE false"}`);
}

export interface MasalahResult {
  masalah: number;
}

/** Builds recon.masalah, recon.temuan.masalah_id/peran_masalah, recon.akibat, recon.sel, recon.keputusan, recon.ringkasan. */
export async function buildMasalah(db: Db): Promise<MasalahResult> {
  const t = Date.now();
  await inputs(db);
  const lap = (l: string) => process.env.RECON_TIMING && console.log(`    ${l} ${Date.now() - t} ms`);
  await documents(db);
  await lingkupTemuan(db);
  await groupingKeys(db);
  lap("kunci");
  const keys = await db.all<{ temuan_id: string; kunci: string; prioritas: number }>(
    `SELECT temuan_id, kunci, prioritas FROM kunci_temuan ORDER BY temuan_id, prioritas, kunci`,
  );
  const comp = new Components();
  const firstByKey = new Map<string, string>();
  for (const k of keys) {
    comp.find(k.temuan_id);
    const first = firstByKey.get(k.kunci);
    if (first) comp.union(first, k.temuan_id);
    else firstByKey.set(k.kunci, k.temuan_id);
  }
  // The problem is named by its most specific key: the indicator chain, the family, the cell, the row.
  const rootKey = new Map<string, { kunci: string; prioritas: number }>();
  for (const k of keys) {
    const r = comp.find(k.temuan_id);
    const cur = rootKey.get(r);
    if (!cur || k.prioritas < cur.prioritas || (k.prioritas === cur.prioritas && k.kunci < cur.kunci)) rootKey.set(r, { kunci: k.kunci, prioritas: k.prioritas });
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE temuan_kelompok (temuan_id VARCHAR, kunci_masalah VARCHAR)`);
  const ids = [...new Set(keys.map((k) => k.temuan_id))];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500).map((id) => `(${sqlString(id)}, ${sqlString(rootKey.get(comp.find(id))!.kunci)})`);
    await db.run(`INSERT INTO temuan_kelompok VALUES ${part.join(", ")}`);
  }
  lap("kelompok");
  await masalahTables(db);
  lap("temuan");
  await masalahDetail(db);
  lap("detail");
  await masalahFinal(db);
  lap("final");
  const n = await db.value<string>(`SELECT count(*)::VARCHAR FROM recon.masalah`);
  return { masalah: Number(n) };
}

/**
 * What a user holds for every source file (the catalogue's document reference), its rank in the
 * source hierarchy (config.hierarki_sumber, longest layout prefix), and a label for each row (the
 * row's first descriptive text cell), so text cites "LKjIP 2024, Tabel 3.17, baris ...", never a
 * line of a transcription.
 */
async function documents(db: Db): Promise<void> {
  const ref = "coalesce(f.rujukan, f.judul, f.source_file)";
  await db.run(`
    CREATE OR REPLACE TABLE recon.dokumen AS
    SELECT f.source_file, f.layout,
      -- the narrative is one document cited by its section (the row label), not by the list of every section it spans
      CASE WHEN h.peringkat::INTEGER = 4 AND ${ref} LIKE '%,%' THEN split_part(${ref}, ',', 1) || ', narasi' ELSE ${ref} END AS rujukan, f.judul, h.peringkat::INTEGER AS peringkat_sumber, h.jenis_sumber
    FROM m_files f
    LEFT JOIN LATERAL (
      SELECT peringkat, jenis_sumber FROM m_hierarki h
      WHERE starts_with(f.layout, h.layout_awalan) ORDER BY length(h.layout_awalan) DESC LIMIT 1
    ) h ON true`);
  // A row's label: its first descriptive text cell; when that is only a short section or number
  // ("III.1"), the next two text cells with it ("III.1, paragraf 3, Predikat SAKIP").
  const labelCols = await db.all<{ raw_table: string; kolom: string[] }>(`
    SELECT raw_table, list(kolom ORDER BY posisi)[1:3] AS kolom FROM raw.source_columns
    WHERE raw_table IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw')
      AND jenis = 'text' AND NOT regexp_matches(lower(source_column), '^(no\\.?|nomor|kode.*|id)$')
    GROUP BY raw_table ORDER BY raw_table`);
  const parts = labelCols.map((c) => {
    const [first, ...rest] = c.kolom.map((k) => `CAST("${k}" AS VARCHAR)`);
    const label = rest.length ? `CASE WHEN length(trim(${first})) <= 8 THEN concat_ws(', ', ${[first, ...rest].join(", ")}) ELSE ${first} END` : first;
    return `SELECT source_file, source_row, ${label} AS label FROM raw."${c.raw_table}"`;
  });
  await db.run(`CREATE OR REPLACE TEMP TABLE label_baris AS ${parts.length ? parts.join(" UNION ALL ") : "SELECT NULL::VARCHAR AS source_file, NULL::INTEGER AS source_row, NULL::VARCHAR AS label WHERE false"}`);
}

const SEBAB_LABEL = `CASE sebab
  WHEN 'sel_salah' THEN 'satu sel salah'
  WHEN 'beda_definisi' THEN 'perbedaan definisi'
  WHEN 'keluarga_berbeda' THEN 'anggota keluarga angka berbeda'
  WHEN 'tertinggal_salah_label' THEN 'angka tahun/wilayah/ukuran lain (tertinggal atau salah label)'
  WHEN 'kebijakan_tampilan' THEN 'kebijakan tampilan (pembulatan, pemotongan, batas 100%)' END`;

async function lingkupTemuan(db: Db): Promise<void> {
  await db.run(`ALTER TABLE recon.temuan ADD COLUMN IF NOT EXISTS lingkup VARCHAR`);
  // Scope: the office's own figures are the worklist; a finding about another region, or where only
  // outlets' quotes disagree with agreeing official statements, is context.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE wilayah_kantor AS
    SELECT DISTINCT kode_wilayah FROM m_files f JOIN recon.dokumen d USING (source_file)
    WHERE d.peringkat_sumber BETWEEN 2 AND 4 AND f.kode_wilayah IS NOT NULL`);
  await db.run(`
    UPDATE recon.temuan t SET lingkup = CASE
      -- (a warehouse whose catalogue ranks no source as the office's has no context tier)
      WHEN t.kode_wilayah IS NOT NULL AND EXISTS (SELECT 1 FROM wilayah_kantor)
           AND t.kode_wilayah NOT IN (SELECT kode_wilayah FROM wilayah_kantor) THEN 'konteks'
      -- every cell it names is an outlet's quote
      WHEN EXISTS (SELECT 1 FROM unnest(t.nilai_konflik) AS u(m) WHERE u.m.source_file IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM unnest(t.nilai_konflik) AS u(m) LEFT JOIN recon.dokumen d ON d.source_file = u.m.source_file
                           WHERE u.m.source_file IS NOT NULL AND coalesce(d.peringkat_sumber, 0) < 5) THEN 'konteks'
      WHEN t.keluarga IS NOT NULL AND (
        -- official statements (everything above an outlet's quote) agree among themselves
        SELECT count(DISTINCT coalesce(u.m.nilai::VARCHAR, lower(trim(u.m.teks))))
        FROM unnest(t.nilai_konflik) AS u(m) JOIN recon.dokumen d ON d.source_file = u.m.source_file
        WHERE d.peringkat_sumber < 5
      ) <= 1 THEN 'konteks'
      ELSE 'kerja' END`);
}

async function masalahTables(db: Db): Promise<void> {
  // A reader knows an indicator by its name, not by the key the warehouse joins on.
  await db.run(`
    UPDATE recon.temuan t SET penjelasan = replace(t.penjelasan, ' ' || t.kunci_indikator || '"', ': ' || n.indikator || '"')
    FROM (SELECT kode_wilayah, tahun, kunci_indikator, any_value(indikator ORDER BY indikator) AS indikator FROM m_capaian
          WHERE indikator IS NOT NULL GROUP BY ALL) n
    WHERE n.kode_wilayah = t.kode_wilayah AND n.tahun = t.tahun AND n.kunci_indikator = t.kunci_indikator`);
  // Any other indicator key a check printed (a program's mapping, a list) reads as the indicator's name
  // too. Only keys that cannot be a word (they hold '_' or a digit) are replaced.
  const names = await db.all<{ kunci: string; indikator: string }>(`
    SELECT kunci_indikator AS kunci, any_value(indikator ORDER BY indikator) AS indikator FROM m_capaian
    WHERE indikator IS NOT NULL AND regexp_matches(kunci_indikator, '[_0-9]') GROUP BY 1 ORDER BY length(kunci_indikator) DESC, 1`);
  for (const n of names) {
    const pattern = sqlString(`\\b${n.kunci.replace(/[^A-Za-z0-9_]/g, "")}\\b`);
    await db.run(`UPDATE recon.temuan SET penjelasan = regexp_replace(penjelasan, ${pattern}, ${sqlString(n.indikator.replace(/\\/g, ""))}, 'g')
                  WHERE regexp_matches(penjelasan, ${pattern})`);
  }
  // A source file named in a check's text reads as the document a user holds.
  await db.run(`
    UPDATE recon.temuan t SET penjelasan = replace(t.penjelasan, '(' || d.source_file || ')', '(' || d.rujukan || ')')
    FROM recon.dokumen d
    WHERE contains(t.penjelasan, '(' || d.source_file || ')') AND d.rujukan IS NOT NULL AND NOT contains(d.rujukan, d.source_file)`);
  // A region by its name, not its code.
  await db.run(`
    UPDATE recon.temuan t SET penjelasan = replace(t.penjelasan, 'wilayah ' || t.kode_wilayah || ' ', w.nama_wilayah || ' ')
    FROM m_wilayah w WHERE w.kode_wilayah = t.kode_wilayah AND w.nama_wilayah IS NOT NULL`);
  // A cell that cannot be read is found by the document and the row's label a user sees.
  await db.run(`
    UPDATE recon.temuan t SET penjelasan =
      coalesce((SELECT d.rujukan FROM recon.dokumen d WHERE d.source_file = t.nilai_konflik[1].source_file), t.nilai_konflik[1].source_file) ||
      coalesce((SELECT ', baris "' || any_value(l.label) || '"' FROM label_baris l WHERE l.source_file = t.nilai_konflik[1].source_file
                AND l.source_row = t.nilai_konflik[1].source_row AND nullif(trim(l.label), '') IS NOT NULL), '') || ', ' || t.penjelasan
    WHERE t.jenis = 'sel_sumber' AND t.nilai_konflik[1].source_file IS NOT NULL`);
  await db.run(`ALTER TABLE recon.temuan ADD COLUMN IF NOT EXISTS masalah_id VARCHAR`);
  await db.run(`ALTER TABLE recon.temuan ADD COLUMN IF NOT EXISTS peran_masalah VARCHAR`);
  await db.run(`
    UPDATE recon.temuan t SET masalah_id = 'M-' || left(md5(k.kunci_masalah), 8)
    FROM temuan_kelompok k WHERE k.temuan_id = t.temuan_id`);
  await db.run(`
    UPDATE recon.temuan t SET peran_masalah = coalesce((SELECT r.peran FROM kunci_rantai r WHERE r.temuan_id = t.temuan_id), 'akar')`);

}

export const KEPARAHAN_LABEL = `CASE %s WHEN 'error' THEN 'kesalahan' WHEN 'warning' THEN 'peringatan' WHEN 'rounding' THEN 'pembulatan' END`;
const keparahanLabel = (col: string) => KEPARAHAN_LABEL.replace("%s", col);

async function masalahDetail(db: Db): Promise<void> {
  // Every cell a masalah involves, with the document a user holds.
  await db.run(`
    CREATE OR REPLACE TABLE recon.sel AS
    SELECT t.masalah_id, t.temuan_id, u.m.peran AS peran, u.m.nilai AS nilai, u.m.teks AS teks,
      u.m.source_file AS source_file, u.m.source_sheet AS source_sheet, u.m.source_row AS source_row,
      u.m.source_column AS source_column, u.m.huruf_kolom AS huruf_kolom,
      d.rujukan, l.label AS label_baris, d.jenis_sumber, d.peringkat_sumber,
      -- the office's own documents (ranks 2-4: its sheets and appendices, the report's tables and narrative)
      -- are what it publishes; official statistics and outlets' quotes are not its figures
      coalesce(d.peringkat_sumber BETWEEN 2 AND 4, false) AS diterbitkan
    FROM recon.temuan t, unnest(t.nilai_konflik) WITH ORDINALITY AS u(m, idx)
    LEFT JOIN recon.dokumen d ON d.source_file = u.m.source_file
    LEFT JOIN label_baris l ON l.source_file = u.m.source_file AND l.source_row = u.m.source_row
    ORDER BY t.masalah_id, t.temuan_id, u.idx`);

  // Consequences: every published figure (report tables, narrative, budget tables) the problem touches.
  await db.run(`
    CREATE OR REPLACE TABLE recon.akibat AS
    SELECT DISTINCT ON (s.masalah_id, s.source_file, s.source_row, s.source_column)
      s.masalah_id, s.temuan_id, t.peran_masalah, coalesce(u.ukuran, t.jenis) AS ukuran,
      s.rujukan, s.label_baris, s.source_column, s.huruf_kolom, s.nilai AS nilai_tercetak, s.teks AS teks_tercetak,
      t.nilai_diharapkan AS nilai_seharusnya, s.source_file, s.source_row
    FROM recon.sel s
    JOIN recon.temuan t USING (temuan_id)
    LEFT JOIN temuan_ukuran u USING (temuan_id)
    WHERE s.diterbitkan
    ORDER BY s.masalah_id, s.source_file, s.source_row, s.source_column, (t.peran_masalah = 'akar') DESC, s.temuan_id`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE nama_indikator AS
    SELECT kode_wilayah, tahun, kunci_indikator, any_value(indikator ORDER BY indikator) AS indikator
    FROM m_capaian GROUP BY ALL`);

  // The same family one year earlier: a value that equals it is a lagged figure.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE keluarga_lalu AS
    SELECT DISTINCT k.keluarga, p.nilai
    FROM (SELECT DISTINCT keluarga, kode_wilayah, tahun FROM m_keluarga) k
    JOIN m_keluarga p
      ON p.keluarga = split_part(k.keluarga, '|', 1) || '|' || k.kode_wilayah || '|' || (k.tahun - 1) || '|' ||
                      array_to_string(string_split(k.keluarga, '|')[4:], '|')
    WHERE p.nilai IS NOT NULL`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE satuan_indikator AS
    SELECT kode_wilayah, tahun, kunci_indikator, any_value(satuan ORDER BY satuan) AS satuan
    FROM m_capaian GROUP BY ALL`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE masalah_dasar AS
    WITH k AS (SELECT DISTINCT masalah_id, kunci_masalah FROM recon.temuan JOIN temuan_kelompok USING (temuan_id)),
    agg AS (
      SELECT t.masalah_id,
        min(t.kode_wilayah) AS kode_wilayah, min(t.tahun) AS tahun,
        CASE WHEN bool_or(t.lingkup = 'kerja') THEN 'kerja' ELSE 'konteks' END AS lingkup,
        CASE max(CASE t.keparahan WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'error' WHEN 2 THEN 'warning' ELSE 'rounding' END AS keparahan,
        count(*) AS jumlah_temuan,
        count(*) FILTER (WHERE t.peran_masalah = 'akibat') AS jumlah_temuan_akibat,
        min(t.kunci_indikator) AS kunci_indikator,
        min(t.keluarga) AS keluarga,
        bool_or(t.lokasi_sel IS NOT NULL) AS ada_lokasi,
        bool_and(t.keparahan = 'rounding') AS hanya_pembulatan,
        bool_or(u.ukuran = 'masukan' OR (u.ukuran = 'realisasi' AND t.check_id = 'klaim_vs_hitung')) AS beda_definisi_realisasi,
        bool_or(t.jenis IN ('pemetaan_ganda') OR t.check_id = 'alokasi_sasaran') AS beda_pemetaan,
        bool_or(u.ukuran = 'kriteria') OR bool_or(u.ukuran = 'capaian' AND t.nilai_aktual IS NOT NULL AND t.nilai_diharapkan IS NOT NULL
                AND kriteria(t.nilai_aktual::VARCHAR) <> kriteria(t.nilai_diharapkan::VARCHAR)) AS ubah_kriteria,
        bool_or(u.ukuran = 'capaian' AND u.konsisten_dengan_input IS NOT TRUE AND t.nilai_aktual IS NOT NULL
                AND abs(t.nilai_aktual - CAST(capaian(i.realisasi::VARCHAR, i.target::VARCHAR, CASE a.arah WHEN 'negatif' THEN 'positif' ELSE 'negatif' END) AS DECIMAL(28,6)))
                    < pow(10, -coalesce(length(regexp_extract(u.nilai_terbit_teks, ',(\\d+)', 1)), 0))) AS rumus_arah_lain,
        bool_or(t.keluarga IS NOT NULL AND u.ukuran = 'realisasi' AND t.nilai_aktual = i.capaian) AS salah_label,
        bool_or(t.keluarga IS NOT NULL AND t.nilai_aktual IN (SELECT l.nilai FROM keluarga_lalu l WHERE l.keluarga = t.keluarga)
                OR e.sebab = 'tertinggal_salah_label') AS tertinggal,
        bool_or(e.sebab = 'beda_definisi') AS petunjuk_definisi,
        bool_or(u.ukuran = 'target' AND sat.satuan IS NOT NULL AND length(regexp_extract(u.nilai_terbit_teks, '^[\\d.,]+\\s*([A-Za-z]+)', 1)) >= 3
                -- a scale word (ribu, juta, miliar, triliun) is not a unit
                AND lower(regexp_extract(u.nilai_terbit_teks, '^[\\d.,]+\\s*([A-Za-z]+)', 1)) NOT IN ('ribu', 'juta', 'jt', 'miliar', 'milyar', 'triliun', 'persen')
                AND lower(regexp_extract(u.nilai_terbit_teks, '^[\\d.,]+\\s*([A-Za-z]+)', 1)) <> lower(split_part(sat.satuan, ' ', 1))) AS varian_satuan,
        bool_or(u.ukuran IN ('capaian', 'kriteria', 'capaian_kumulatif') AND t.peran_masalah = 'akar') AS turunan_salah,
        string_agg(DISTINCT t.check_id, ', ' ORDER BY t.check_id) AS cek
      FROM recon.temuan t
      LEFT JOIN temuan_turunan u USING (temuan_id)
      LEFT JOIN input_laporan i ON i.kode_wilayah = t.kode_wilayah AND i.tahun = t.tahun AND i.kunci_indikator = t.kunci_indikator
      LEFT JOIN arah_indikator a ON a.kode_wilayah = t.kode_wilayah AND a.tahun = t.tahun AND a.kunci_indikator = t.kunci_indikator
      LEFT JOIN recon.evaluasi e ON e.gagal AND e.check_id = t.check_id AND e.check_id || '-' || left(md5(e.kunci), 10) = t.temuan_id
      LEFT JOIN satuan_indikator sat ON sat.kode_wilayah = t.kode_wilayah AND sat.tahun = t.tahun AND sat.kunci_indikator = t.kunci_indikator
      GROUP BY t.masalah_id
    ),
    -- The finding that names the problem: a root finding, error before warning, the chain's own measure first.
    utama AS (
      SELECT DISTINCT ON (t.masalah_id) t.masalah_id, t.temuan_id, t.penjelasan, t.nilai_aktual, t.nilai_diharapkan, t.lokasi_sel, t.check_id, u.ukuran
      FROM recon.temuan t LEFT JOIN temuan_turunan u USING (temuan_id)
      ORDER BY t.masalah_id, (t.peran_masalah = 'akar') DESC, CASE t.keparahan WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END,
               (t.lokasi_sel IS NOT NULL) DESC, CASE u.ukuran WHEN 'realisasi' THEN 1 WHEN 'target' THEN 2 WHEN 'masukan' THEN 3 ELSE 4 END, t.temuan_id
    ),
    terbit AS (SELECT masalah_id, count(*) AS n FROM recon.akibat GROUP BY 1),
    -- For a family of words (a kriteria), the word fewest places state.
    menyimpang AS (
      SELECT DISTINCT ON (masalah_id) masalah_id, teks
      FROM (SELECT masalah_id, trim(teks) AS teks, count(*) AS n FROM recon.sel WHERE nilai IS NULL AND teks IS NOT NULL GROUP BY 1, 2)
      ORDER BY masalah_id, n, teks
    ),
    -- Moves a total: a sum identity (a printed total, a budget parent, an allocation) fails by a stated
    -- amount. A cell that cannot be read, a unit label or a blank moves no printed total.
    anggaran AS (
      SELECT DISTINCT t.masalah_id FROM recon.temuan t
      WHERE t.jenis IN ('jumlah_vs_bagian', 'induk_vs_anak') AND t.keparahan <> 'rounding'
        AND t.nilai_aktual IS NOT NULL AND t.nilai_diharapkan IS NOT NULL AND t.nilai_aktual <> t.nilai_diharapkan
    ),
    -- The value the source hierarchy supports: the best-ranked source's value among the cells in conflict.
    terbaik AS (
      SELECT DISTINCT ON (masalah_id) masalah_id, nilai, teks, rujukan, jenis_sumber, peringkat_sumber
      -- a part of a sum, or a variant of a measure (a proposal, a figure flagged "as stated"), is never the value to restore
      FROM recon.sel WHERE peringkat_sumber IS NOT NULL AND (nilai IS NOT NULL OR teks IS NOT NULL) AND peran NOT IN ('bagian', 'varian')
      ORDER BY masalah_id, peringkat_sumber, nilai NULLS LAST, teks
    )
    SELECT a.*, k.kunci_masalah, m.temuan_id AS temuan_utama, m.penjelasan, m.nilai_aktual, m.nilai_diharapkan, m.lokasi_sel, m.ukuran AS ukuran_utama,
      coalesce(tb.n, 0) AS jumlah_angka_terbit, an.masalah_id IS NOT NULL AS sentuh_anggaran,
      b.nilai AS nilai_terbaik, b.teks AS teks_terbaik, b.rujukan AS rujukan_terbaik, b.jenis_sumber AS jenis_terbaik,
      n.indikator, my.teks AS teks_menyimpang
    FROM agg a
    JOIN k USING (masalah_id)
    JOIN utama m USING (masalah_id)
    LEFT JOIN terbit tb USING (masalah_id)
    LEFT JOIN anggaran an USING (masalah_id)
    LEFT JOIN terbaik b USING (masalah_id)
    LEFT JOIN menyimpang my USING (masalah_id)
    LEFT JOIN nama_indikator n ON n.kode_wilayah = a.kode_wilayah AND n.tahun = a.tahun AND n.kunci_indikator = a.kunci_indikator`);
}

/**
 * Impact class of a masalah (columns of masalah_teks, alias m): 1 it changes an IKU's capaian band
 * (kriteria) or a predikat, 2 it moves a budget total or a published total, 3 otherwise.
 */
export const KELAS_DAMPAK = `CASE WHEN m.ubah_kriteria THEN 1 WHEN m.sentuh_anggaran THEN 2 ELSE 3 END`;
/**
 * The worklist order: the office's own problems before context, real differences before rounding;
 * then impact class, then how many published figures it touches, then severity; the id breaks ties.
 */
export const URUTAN_PERINGKAT = `(m.lingkup = 'kerja') DESC, (m.keparahan <> 'rounding') DESC, ${KELAS_DAMPAK},
        m.jumlah_angka_terbit DESC, CASE m.keparahan WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, m.masalah_id`;

async function masalahFinal(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE masalah_sebab AS
    SELECT d.* REPLACE (CASE WHEN d.keparahan = 'error' AND (d.salah_label OR d.varian_satuan) THEN 'warning' ELSE d.keparahan END AS keparahan),
      CASE
        WHEN hanya_pembulatan THEN 'kebijakan_tampilan'
        WHEN salah_label OR tertinggal THEN 'tertinggal_salah_label'
        WHEN varian_satuan OR beda_definisi_realisasi OR rumus_arah_lain OR beda_pemetaan OR petunjuk_definisi THEN 'beda_definisi'
        WHEN ada_lokasi OR turunan_salah THEN 'sel_salah'
        WHEN keluarga IS NOT NULL THEN 'keluarga_berbeda'
        ELSE 'sel_salah'
      END AS sebab
    FROM masalah_dasar d`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE sel_utama AS
    SELECT DISTINCT ON (m.masalah_id) m.masalah_id, s.rujukan, s.label_baris, s.source_column, s.huruf_kolom, s.nilai, s.teks
    FROM masalah_sebab m JOIN recon.sel s ON s.temuan_id = m.temuan_utama
    WHERE s.source_file IS NOT NULL
    ORDER BY m.masalah_id, (s.peran IN ('bagian')) ASC, s.peringkat_sumber DESC NULLS LAST, s.source_file, s.source_row`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE masalah_nilai AS
    SELECT m.*,
      CASE
        WHEN m.lokasi_sel IS NOT NULL THEN m.lokasi_sel.nilai_pemulih
        WHEN m.sebab IN ('keluarga_berbeda', 'tertinggal_salah_label') AND m.nilai_terbaik IS NOT NULL THEN m.nilai_terbaik
        ELSE m.nilai_diharapkan
      END AS nilai_didukung,
      CASE
        WHEN m.lokasi_sel IS NOT NULL THEN 'satu-satunya nilai sel ini yang memulihkan ' || m.lokasi_sel.dukungan || ' identitas sekaligus (jumlah, total atau keluarga angka)'
        WHEN m.sebab = 'kebijakan_tampilan' THEN 'nilai eksak; angka tercetak adalah pembulatan, pemotongan atau batas 100% darinya'
        WHEN m.sebab = 'beda_definisi' AND m.beda_definisi_realisasi THEN 'dihitung ulang dari lembar kerja kantor menurut definisi IKU; lembar kerja kantor berada di atas tabel dan narasi laporan dalam hierarki sumber'
        WHEN m.sebab IN ('keluarga_berbeda', 'tertinggal_salah_label') AND m.jenis_terbaik IS NOT NULL THEN 'dinyatakan oleh ' || m.jenis_terbaik || coalesce(' (' || m.rujukan_terbaik || ')', '') || ', sumber berperingkat tertinggi di antara yang bertentangan (tabel statistik resmi > lembar kerja kantor > tabel laporan > narasi > kutipan media)'
        ELSE 'dihitung ulang dari angka yang dicetak laporan sendiri'
      END AS dasar_nilai
    FROM masalah_sebab m`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE masalah_teks AS
    SELECT m.*, ls.rujukan AS lokasi_rujukan, lb.label AS lokasi_label_baris,
      su.rujukan AS rujukan_utama, su.label_baris AS label_utama, su.source_column AS kolom_utama,
      CASE WHEN m.nilai_didukung IS NOT NULL THEN angka_id(round(m.nilai_didukung, 2)::VARCHAR) ELSE m.teks_terbaik END AS nilai_didukung_teks,
      CASE WHEN m.nilai_aktual IS NOT NULL THEN angka_id(m.nilai_aktual::VARCHAR) ELSE coalesce(m.teks_menyimpang, su.teks) END AS nilai_tercetak_teks
    FROM masalah_nilai m
    LEFT JOIN recon.dokumen ls ON ls.source_file = m.lokasi_sel.source_file
    LEFT JOIN label_baris lb ON lb.source_file = m.lokasi_sel.source_file AND lb.source_row = m.lokasi_sel.source_row
    LEFT JOIN sel_utama su USING (masalah_id)`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE masalah_peringkat AS
    SELECT m.*,
      ${KELAS_DAMPAK} AS kelas_dampak,
      row_number() OVER (ORDER BY ${URUTAN_PERINGKAT}) AS peringkat
    FROM masalah_teks m`);

  // Decisions: a resolution names a masalah, a figure family or a finding; whichever it names, it
  // decides the whole masalah (its findings share one cause), and its consequences with it.
  await db.run(`
    CREATE OR REPLACE TABLE recon.keputusan AS
    WITH r AS (SELECT * FROM m_resolusi),
    cocok AS (
      SELECT r.id, 'masalah' AS sasaran, m.masalah_id FROM r JOIN masalah_peringkat m ON m.masalah_id = r.id
      UNION SELECT r.id, 'keluarga', t.masalah_id FROM r JOIN recon.temuan t ON t.keluarga = r.id
      UNION SELECT r.id, 'temuan', t.masalah_id FROM r JOIN recon.temuan t ON t.temuan_id = r.id
    )
    SELECT id, sasaran, masalah_id, nilai_berlaku, nilai_berlaku_nilai, alasan, oleh, tanggal, source_file, source_row,
      CASE WHEN n > 0 THEN 'berlaku' ELSE 'usang' END AS status,
      CASE WHEN n = 0 THEN 'Keputusan "' || id || '" (' || oleh || ', ' || tanggal || ') tidak cocok dengan masalah, keluarga angka atau temuan mana pun: masalahnya sudah tidak ada atau id-nya salah.' END AS catatan
    FROM (
      SELECT r.id, coalesce(min(c.sasaran), 'tidak dikenal') AS sasaran,
        list(DISTINCT c.masalah_id ORDER BY c.masalah_id) FILTER (WHERE c.masalah_id IS NOT NULL) AS masalah_id, count(c.masalah_id) AS n,
        r.nilai_berlaku, r.nilai_berlaku_nilai, r.alasan, r.oleh, r.tanggal, r.source_file, r.source_row
      FROM r LEFT JOIN cocok c ON c.id = r.id
      GROUP BY r.id, r.nilai_berlaku, r.nilai_berlaku_nilai, r.alasan, r.oleh, r.tanggal, r.source_file, r.source_row
    ) ORDER BY source_row`);

  await db.run(`
    CREATE OR REPLACE TEMP TABLE keputusan_masalah AS
    SELECT DISTINCT ON (u.masalah_id) u.masalah_id, k.id AS keputusan_id, k.nilai_berlaku, k.nilai_berlaku_nilai, k.alasan, k.oleh, k.tanggal
    FROM recon.keputusan k, unnest(k.masalah_id) AS u(masalah_id)
    ORDER BY u.masalah_id, k.source_row`);

  await db.run(`
    CREATE OR REPLACE TABLE recon.masalah AS
    SELECT m.masalah_id, m.peringkat::INTEGER AS peringkat, m.kode_wilayah, m.tahun, m.lingkup, m.keparahan, ${keparahanLabel("m.keparahan")} AS keparahan_label,
      CASE WHEN k.masalah_id IS NOT NULL THEN 'diselesaikan' ELSE 'terbuka' END AS status,
      m.sebab, ${SEBAB_LABEL.replace("CASE sebab", "CASE m.sebab")} AS sebab_label,
      CASE WHEN m.kunci_masalah LIKE 'indikator|%' AND m.indikator IS NOT NULL AND m.ukuran_utama IN ('realisasi', 'target', 'capaian', 'kriteria', 'masukan', 'capaian_kumulatif')
           THEN m.indikator || ': ' || CASE m.ukuran_utama WHEN 'masukan' THEN 'angka masukan (pembilang/penyebut)' WHEN 'capaian_kumulatif' THEN 'capaian kumulatif' ELSE m.ukuran_utama END || ' tercetak ' || coalesce(m.nilai_tercetak_teks, '-') ||
                coalesce(', seharusnya ' || m.nilai_didukung_teks, '') || ' (' || ${SEBAB_LABEL.replace("CASE sebab", "CASE m.sebab")} || ')'
           ELSE m.penjelasan END AS judul,
      CASE m.sebab
        WHEN 'kebijakan_tampilan' THEN 'Tidak perlu mengoreksi angka: tampilan ' || coalesce(m.rujukan_utama, 'laporan') || ' membulatkan, memotong atau membatasi 100%. Cukup pastikan kebijakan tampilan dinyatakan.'
        WHEN 'beda_definisi' THEN 'Putuskan definisi yang dipakai' || coalesce(' untuk ' || m.indikator, '') || ' dan catat keputusan di sources/resolutions.csv dengan id ' || m.masalah_id ||
             '; ' || m.jumlah_angka_terbit || ' angka terbit yang mewarisinya (tabel dan narasi) mengikuti keputusan itu.'
        WHEN 'tertinggal_salah_label' THEN 'Periksa ' || coalesce(m.rujukan_utama, 'sumber') || coalesce(', "' || m.label_utama || '"', '') || ': angka ' || coalesce(m.nilai_tercetak_teks, '') ||
             ' tampaknya milik ukuran, tahun atau wilayah lain. Perbaiki label atau angkanya menjadi ' || coalesce(m.nilai_didukung_teks, '-') || '.'
        WHEN 'keluarga_berbeda' THEN 'Samakan angka ini di semua tempat menjadi ' || coalesce(m.nilai_didukung_teks, '-') || ' (' || coalesce(m.jenis_terbaik, 'sumber berperingkat tertinggi') ||
             '), atau catat nilai yang berlaku di sources/resolutions.csv dengan id ' || m.masalah_id || '.'
        ELSE CASE WHEN m.lokasi_sel IS NOT NULL
             THEN 'Perbaiki ' || coalesce(m.lokasi_rujukan, m.lokasi_sel.source_file) || coalesce(', baris "' || m.lokasi_label_baris || '"', '') || ', kolom ' || m.lokasi_sel.source_column ||
                  ': tercetak ' || angka_id(m.lokasi_sel.nilai_sekarang::VARCHAR) || ', seharusnya ' || angka_id(m.lokasi_sel.nilai_pemulih::VARCHAR) || '.'
             ELSE 'Periksa dan perbaiki ' || coalesce(m.rujukan_utama, 'sumber') || coalesce(', baris "' || m.label_utama || '"', '') || coalesce(', kolom ' || m.kolom_utama, '') ||
                  coalesce(': tercetak ' || m.nilai_tercetak_teks, '') || coalesce(', seharusnya ' || m.nilai_didukung_teks, '') || '.' END
      END AS tindakan,
      m.nilai_didukung, m.nilai_didukung_teks, m.dasar_nilai, m.nilai_aktual AS nilai_tercetak, m.nilai_tercetak_teks,
      m.kelas_dampak::INTEGER AS kelas_dampak,
      CASE m.kelas_dampak
        WHEN 1 THEN 'Mengubah pita kriteria capaian IKU' || coalesce(' ' || m.indikator, '') || '; ' || m.jumlah_angka_terbit || ' angka terbit terdampak.'
        WHEN 2 THEN 'Menggeser angka anggaran atau total terbitan' || coalesce(' di ' || m.rujukan_utama, '') || '; ' || m.jumlah_angka_terbit || ' angka terbit terdampak.'
        ELSE 'Tidak mengubah pita kriteria maupun total; ' || m.jumlah_angka_terbit || ' angka terbit terdampak; keparahan: ' || ${keparahanLabel("m.keparahan")} || '.'
      END AS alasan_peringkat,
      m.jumlah_temuan::INTEGER AS jumlah_temuan, m.jumlah_temuan_akibat::INTEGER AS jumlah_temuan_akibat, m.jumlah_angka_terbit::INTEGER AS jumlah_angka_terbit,
      m.indikator, m.keluarga, m.kunci_masalah,
      m.lokasi_sel.source_file AS lokasi_berkas, m.lokasi_sel.source_sheet AS lokasi_sheet, m.lokasi_sel.source_row AS lokasi_baris,
      m.lokasi_sel.source_column AS lokasi_kolom, m.lokasi_sel.huruf_kolom AS lokasi_huruf_kolom, m.lokasi_rujukan, m.lokasi_label_baris,
      m.lokasi_sel.nilai_sekarang AS lokasi_nilai_sekarang, m.lokasi_sel.nilai_pemulih AS lokasi_nilai_pemulih,
      k.keputusan_id, k.nilai_berlaku, k.nilai_berlaku_nilai, k.alasan AS resolusi_alasan, k.oleh AS resolusi_oleh, k.tanggal AS resolusi_tanggal
    FROM masalah_peringkat m
    LEFT JOIN keputusan_masalah k USING (masalah_id)
    ORDER BY m.peringkat`);

  // A finding's status is its masalah's: resolving the problem resolves its consequences.
  await db.run(`
    UPDATE recon.temuan t SET status = m.status, nilai_berlaku = m.nilai_berlaku, nilai_berlaku_nilai = m.nilai_berlaku_nilai,
      resolusi_alasan = m.resolusi_alasan, resolusi_oleh = m.resolusi_oleh, resolusi_tanggal = m.resolusi_tanggal
    FROM recon.masalah m WHERE m.masalah_id = t.masalah_id`);

  await buildRingkasan(db);
}

/**
 * The one place the reconciliation is counted. Every surface (CLI, JSON, CSV, XLSX, --strict, the
 * pages) reads these rows; nothing counts findings itself. 'semua' rows are the totals over a dimension;
 * keparahan 'error_warning' is the headline (error and warning together, rounding apart).
 */
async function buildRingkasan(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE recon.ringkasan AS
    WITH m AS (SELECT masalah_id, coalesce(kode_wilayah, '-') AS kode_wilayah, lingkup, keparahan, status, jumlah_temuan FROM recon.masalah),
    dims AS (
      SELECT w.kode_wilayah, l.lingkup, t.keparahan, s.status
      FROM (SELECT DISTINCT kode_wilayah FROM m UNION SELECT 'semua') w,
           (VALUES ('kerja'), ('konteks'), ('semua')) l(lingkup),
           (VALUES ('error'), ('warning'), ('rounding'), ('error_warning'), ('semua')) t(keparahan),
           (VALUES ('terbuka'), ('diselesaikan'), ('semua')) s(status)
    )
    SELECT d.kode_wilayah, d.lingkup, d.keparahan, d.status,
      count(m.masalah_id)::INTEGER AS jumlah_masalah, coalesce(sum(m.jumlah_temuan), 0)::INTEGER AS jumlah_temuan
    FROM dims d
    LEFT JOIN m ON (d.kode_wilayah = 'semua' OR m.kode_wilayah = d.kode_wilayah)
      AND (d.lingkup = 'semua' OR m.lingkup = d.lingkup)
      AND (d.keparahan = 'semua' OR m.keparahan = d.keparahan OR (d.keparahan = 'error_warning' AND m.keparahan IN ('error', 'warning')))
      AND (d.status = 'semua' OR m.status = d.status)
    GROUP BY ALL
    UNION ALL
    SELECT 'semua', 'semua', 'semua', 'keputusan_usang', count(*)::INTEGER, 0 FROM recon.keputusan WHERE status = 'usang'
    ORDER BY ALL`);
}
