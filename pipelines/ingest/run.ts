/** The load step: every catalogued file into the raw schema, family by family. */
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Db } from "../lib/duckdb.js";
import { sqlString } from "../lib/duckdb.js";
import { SourceError } from "../lib/errors.js";
import { sha256File } from "../lib/hash.js";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { readCatalogue, CATALOGUE_FILE, type CatalogueEntry } from "./catalogue.js";
import { FAMILIES } from "./families.js";
import { batchKey, createRawSchema, ensureRawTable, loadBatch, prepareFile, type LoadResult, type PreparedFile } from "./load.js";

export interface LoadStepOptions {
  sourcesDir: string;
  buildStartedAt: Date;
  log: (line: string) => void;
  /** Load only the catalogue entries this accepts (tests load one family at a time). */
  filter?: (entry: CatalogueEntry) => boolean;
}

/** Files per batch: bounds the temporary body table (a Lampiran C file is ~3.400 rows). */
const BATCH_FILES = 128;

export async function loadSources(db: Db, opts: LoadStepOptions): Promise<{ files: number; rows: number }> {
  const sourcesDir = resolve(opts.sourcesDir);
  const entries = (await readCatalogue(sourcesDir)).filter(opts.filter ?? (() => true));
  await createRawSchema(db);
  const regions = await regionNames(sourcesDir, entries);
  // Every file is read up to its header and checked first (in catalogue order); then files of one
  // layout with the same header are loaded together, a batch at a time (loadBatch): per-file
  // statements were most of the load time at hundreds of files (BENCHMARKS.md).
  const prepared: { i: number; entry: CatalogueEntry; p: PreparedFile; size: number; ms: number }[] = [];
  for (const [i, entry] of entries.entries()) {
    const family = FAMILIES.find((f) => f.name === entry.family);
    const layout = family?.layouts.find((l) => l.name === entry.layout);
    if (!family || !layout) {
      throw new SourceError([
        { file: CATALOGUE_FILE, row: i + 2, column: family ? "layout" : "family", reason: "keluarga/tata letak tidak dikenal", text: family ? entry.layout : entry.family },
      ]);
    }
    const absPath = await confinedPath(sourcesDir, entry.path, i + 2);
    checkPathYear(entry, i + 2);
    const t0 = Date.now();
    const { sha256, size, lines } = await sha256File(absPath);
    const p = await prepareFile({ file: entry.path, absPath, sha256, layout, kodeWilayah: entry.kode_wilayah, tahun: entry.tahun, catalogueRow: i + 2, regions }, lines);
    prepared.push({ i, entry, p, size, ms: Date.now() - t0 });
  }
  const batches: (typeof prepared)[] = [];
  const open = new Map<string, typeof prepared>();
  for (const x of prepared) {
    const key = batchKey(x.p);
    let list = open.get(key);
    if (!list || list.length >= BATCH_FILES) {
      list = [];
      open.set(key, list);
      batches.push(list);
    }
    list.push(x);
  }
  const results = new Map<number, LoadResult>();
  for (const batch of batches) {
    const t0 = Date.now();
    const loaded = await loadBatch(db, batch.map((x) => x.p));
    const share = (Date.now() - t0) / batch.length;
    for (const [k, x] of batch.entries()) {
      results.set(x.i, loaded[k]!);
      x.ms += Math.round(share);
    }
  }
  let rows = 0;
  const stamp = `TIMESTAMP ${sqlString(opts.buildStartedAt.toISOString().replace("T", " ").replace("Z", ""))}`;
  const values: string[] = [];
  for (const { entry, p, size, ms, i } of prepared) {
    const result = results.get(i)!;
    const { layout, sha256 } = p.f;
    values.push(`(${[
      sqlString(entry.path), sqlString(sha256), size, sqlString(entry.family), sqlString(entry.layout),
      sqlString(`raw.${layout.table}`), sqlString(result.sheet), sqlString(entry.kode_wilayah), entry.tahun ?? "NULL",
      sqlString(entry.format), sqlString(entry.rujukan), sqlString(entry.judul), sqlString(entry.salinan_dari), result.headerRow, result.dataRows, result.totalRows,
      stamp, ms,
    ].join(", ")})`);
    if (result.dataRows === 0 && !entry.kosong_sah && !layout.mayBeEmpty) {
      throw new SourceError([
        {
          file: entry.path,
          sheet: result.sheet,
          row: result.headerRow,
          reason:
            "berkas tidak berisi satu baris data pun di bawah baris judul kolom. Jika memang kosong (mis. tidak ada kasus tahun itu), isi kolom kosong_sah = ya pada baris berkas ini di catalogue.csv",
        },
      ]);
    }
    rows += result.dataRows;
    opts.log(`  ${entry.path.padEnd(58)} ${String(result.dataRows).padStart(5)} baris data, ${result.totalRows} baris total  (${ms} ms)`);
  }
  for (let k = 0; k < values.length; k += 1000) await db.run(`INSERT INTO raw.source_files VALUES ${values.slice(k, k + 1000).join(", ")}`);
  // A layout with no file this build still gets its (empty) raw table, and every family is
  // normalised, so models over it run and the families' own raw tables (raw.bps_tabel_ukuran) exist: e.g. no
  // resolution recorded yet, or a source set without LKjIP tables (the synthetic regions).
  for (const layout of FAMILIES.flatMap((f) => f.layouts)) await ensureRawTable(db, layout);
  for (const family of FAMILIES) await family.normalise(db);
  return { files: entries.length, rows };
}

/**
 * The file's real path, refused unless it lies inside the sources folder: no absolute paths, no
 * `..`, no symlink (of the file or of a folder on the way) that leads outside.
 */
async function confinedPath(sourcesDir: string, path: string, row: number): Promise<string> {
  const refuse = (reason: string) => new SourceError([{ file: CATALOGUE_FILE, row, column: "path", reason, text: path }]);
  if (isAbsolute(path) || path.split(/[\\/]/).includes("..")) throw refuse("path harus relatif terhadap folder sumber, tanpa '..'");
  let real: string;
  try {
    real = await realpath(resolve(sourcesDir, path));
    if (!(await stat(real)).isFile()) throw new Error("not a file");
  } catch {
    throw refuse("berkas tercatat di katalog tetapi tidak ada");
  }
  const root = await realpath(sourcesDir);
  const rel = relative(root, real);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
    throw refuse(`berkas (atau tautan simbolik di jalurnya) menunjuk ke luar folder sumber: ${real}`);
  }
  return real;
}

/** A year printed in the file name (`..._2023.csv`, `lkjip/2024/...`) must be the catalogue's year. */
function checkPathYear(entry: CatalogueEntry, row: number): void {
  const years = [...entry.path.matchAll(/(?:^|[^0-9])((?:19|20)\d{2})(?=[^0-9]|$)/g)].map((m) => Number(m[1]));
  if (entry.tahun == null || years.length === 0 || years.includes(entry.tahun)) return;
  throw new SourceError([
    {
      file: CATALOGUE_FILE,
      row,
      column: "tahun",
      reason: `tahun di katalog (${entry.tahun}) bertentangan dengan tahun pada nama berkas ${entry.path} (${years.join(", ")})`,
      text: String(entry.tahun),
    },
  ]);
}

/**
 * Region names by BPS code, from the catalogued region list (layout bps.wilayah: kode, name,
 * aliases separated by "|"), for the layouts' region cues. Empty when the build has no such list.
 */
async function regionNames(sourcesDir: string, entries: CatalogueEntry[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [i, e] of entries.entries()) {
    if (e.layout !== "bps.wilayah") continue;
    const path = await confinedPath(sourcesDir, e.path, i + 2);
    let records: string[][];
    try {
      records = parse(await readFile(path, "utf8"), { relax_column_count: true, from_line: 2 });
    } catch {
      continue; // its own load reports the problem, naming the cell
    }
    for (const [kode, nama, alias] of records) {
      if (!kode || !nama) continue;
      const names = [nama, ...(alias ?? "").split("|")].map((n) => n.trim()).filter((n) => n.length >= 4);
      out.set(kode.trim(), [...(out.get(kode.trim()) ?? []), ...names]);
    }
  }
  return out;
}
