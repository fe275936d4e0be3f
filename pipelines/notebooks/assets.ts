/**
 * What the interactive notebooks need beside the pages: the client script bundled from
 * notebooks/client/main.ts with Observable Plot, d3, apache-arrow and (loaded on demand for XLSX)
 * exceljs, all from node_modules by esbuild (no CDN, nothing fetched at run time); and the data as
 * Arrow IPC files.
 *
 * Why Arrow IPC: typed columns (years as Int32, flags as Bool) in a compact binary file the browser
 * reads with apache-arrow without parsing text. Money and percentages travel as exact decimal TEXT
 * columns, not Arrow decimals or floats: JS has no exact decimal type, and the page formats the text
 * with the project's one formatter.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Bool, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import { build } from "esbuild";
import type { ArrowData } from "../../notebooks/site.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Bundles the client into <site>/assets/ (notebook.js plus on-demand chunks). */
export async function bundleClient(siteDir: string): Promise<string[]> {
  const out = await build({
    entryPoints: { notebook: join(ROOT, "notebooks/client/main.ts") },
    bundle: true,
    format: "esm",
    splitting: true,
    platform: "browser",
    target: "es2022",
    minify: true,
    outdir: join(siteDir, "assets"),
    chunkNames: "bagian-[hash]",
    legalComments: "eof",
    metafile: true,
    logLevel: "silent",
    // csv-stringify's package entry needs Node's Buffer; its own browser build (dist/esm) carries a polyfill.
    alias: { "csv-stringify/sync": join(ROOT, "node_modules/csv-stringify/dist/esm/sync.js") },
  });
  return Object.keys(out.metafile.outputs);
}


function teks(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  return String(v);
}

/** One Arrow IPC file (file format) from rows; every column typed as declared. */
export async function writeArrow(path: string, data: ArrowData): Promise<void> {
  const cols: Record<string, Vector> = {};
  for (const [k, jenis] of Object.entries(data.kolom)) {
    const vals = data.rows.map((r) => r[k]);
    cols[k] = (
      jenis === "bulat"
        ? vectorFromArray(vals.map((v) => (v === null || v === undefined ? null : Number(v))), new Int32())
        : jenis === "logika"
          ? vectorFromArray(vals.map((v) => (v === null || v === undefined ? null : Boolean(v))), new Bool())
          : vectorFromArray(vals.map(teks), new Utf8())
    ) as Vector;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, tableToIPC(new Table(cols), "file"));
}
