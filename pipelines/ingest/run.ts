/** The load step: every catalogued file into the raw schema, family by family. */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Db } from "../lib/duckdb.js";
import { sqlString } from "../lib/duckdb.js";
import { SourceError } from "../lib/errors.js";
import { sha256File } from "../lib/hash.js";
import { readCatalogue, CATALOGUE_FILE, type CatalogueEntry } from "./catalogue.js";
import { FAMILIES } from "./families.js";
import { createRawSchema, ensureRawTable, loadFile } from "./load.js";

export interface LoadStepOptions {
  sourcesDir: string;
  buildStartedAt: Date;
  log: (line: string) => void;
  /** Load only the catalogue entries this accepts (tests load one family at a time). */
  filter?: (entry: CatalogueEntry) => boolean;
}

export async function loadSources(db: Db, opts: LoadStepOptions): Promise<{ files: number; rows: number }> {
  const sourcesDir = resolve(opts.sourcesDir);
  const entries = (await readCatalogue(sourcesDir)).filter(opts.filter ?? (() => true));
  await createRawSchema(db);
  let rows = 0;
  for (const [i, entry] of entries.entries()) {
    const family = FAMILIES.find((f) => f.name === entry.family);
    const layout = family?.layouts.find((l) => l.name === entry.layout);
    if (!family || !layout) {
      throw new SourceError([
        { file: CATALOGUE_FILE, row: i + 2, column: family ? "layout" : "family", reason: "keluarga/tata letak tidak dikenal", text: family ? entry.layout : entry.family },
      ]);
    }
    const absPath = join(sourcesDir, entry.path);
    try {
      await stat(absPath);
    } catch {
      throw new SourceError([{ file: CATALOGUE_FILE, row: i + 2, column: "path", reason: "berkas tercatat di katalog tetapi tidak ada", text: entry.path }]);
    }
    const t0 = Date.now();
    const { sha256, size } = await sha256File(absPath);
    const result = await loadFile(db, { file: entry.path, absPath, sha256, layout, kodeWilayah: entry.kode_wilayah, tahun: entry.tahun });
    const ms = Date.now() - t0;
    await db.run(`INSERT INTO raw.source_files VALUES (${[
      sqlString(entry.path), sqlString(sha256), size, sqlString(entry.family), sqlString(entry.layout),
      sqlString(`raw.${layout.table}`), sqlString(result.sheet), sqlString(entry.kode_wilayah), entry.tahun ?? "NULL",
      sqlString(entry.format), sqlString(entry.rujukan), sqlString(entry.judul), sqlString(entry.salinan_dari), result.headerRow, result.dataRows, result.totalRows,
      `TIMESTAMP ${sqlString(opts.buildStartedAt.toISOString().replace("T", " ").replace("Z", ""))}`, ms,
    ].join(", ")})`);
    rows += result.dataRows;
    opts.log(`  ${entry.path.padEnd(58)} ${String(result.dataRows).padStart(5)} baris data, ${result.totalRows} baris total  (${ms} ms)`);
  }
  // A layout with no file this build still gets its (empty) raw table, and every family is
  // normalised, so models over it run and the families' own raw tables (raw.bps_tabel_ukuran) exist: e.g. no
  // resolution recorded yet, or a source set without LKjIP tables (the synthetic regions).
  for (const layout of FAMILIES.flatMap((f) => f.layouts)) await ensureRawTable(db, layout);
  for (const family of FAMILIES) await family.normalise(db);
  return { files: entries.length, rows };
}
