/**
 * A build's fingerprint: what it read (the catalogue and every catalogued file, by content) and
 * the code that read it (pipelines/, models/, notebooks/, package-lock.json). A full build whose fingerprint
 * equals the published build's has nothing to do: the published tree is already its result
 * (the no-op rebuild of issue #14). Stored in the warehouse as meta.sidik_build.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Db, sqlString } from "./lib/duckdb.js";
import { sha256File } from "./lib/hash.js";
import { CATALOGUE_FILE, readCatalogue } from "./ingest/catalogue.js";

const ROOT = resolve(import.meta.dirname, "..");
export const FINGERPRINT_TABLE = "meta.sidik_build";

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Code and configuration: a change to any of them can change every table. */
export async function codeFingerprint(): Promise<string> {
  const h = createHash("sha256");
  // notebooks/: the site's pages and client are built from it, so a page change is a code change.
  const files = [...(await filesUnder(join(ROOT, "pipelines"))), ...(await filesUnder(join(ROOT, "models"))), ...(await filesUnder(join(ROOT, "notebooks"))), join(ROOT, "package-lock.json")].sort();
  for (const f of files) h.update(`${relative(ROOT, f)}\0`).update(await readFile(f)).update("\0");
  return h.digest("hex");
}

/** Sources: the catalogue's bytes and each catalogued file's SHA-256 (a missing file counts as such). */
export async function sourcesFingerprint(sourcesDir: string): Promise<string> {
  const h = createHash("sha256");
  h.update(await readFile(join(sourcesDir, CATALOGUE_FILE)));
  for (const e of await readCatalogue(sourcesDir)) {
    const sha = await sha256File(resolve(sourcesDir, e.path)).then((r) => r.sha256, () => "tidak-ada");
    h.update(`${e.path}\0${sha}\0`);
  }
  return h.digest("hex");
}

/** `steps`: the steps the build runs (a load-only tree is not a full build's). */
export async function buildFingerprint(sourcesDir: string, steps: string[]): Promise<string> {
  return createHash("sha256").update(await codeFingerprint()).update(await sourcesFingerprint(sourcesDir)).update(steps.join(",")).digest("hex");
}

export async function recordFingerprint(db: Db, sidik: string, openErrors: number | undefined): Promise<void> {
  await db.run(`CREATE SCHEMA IF NOT EXISTS meta`);
  await db.run(`CREATE OR REPLACE TABLE ${FINGERPRINT_TABLE} AS SELECT ${sqlString(sidik)} AS sidik, ${openErrors ?? "NULL"}::INTEGER AS masalah_kesalahan_terbuka`);
}

/** The fingerprint a published warehouse was built from, or null (older build, unreadable file). */
export async function publishedFingerprint(warehouse: string): Promise<{ sidik: string; openErrors: number | undefined } | null> {
  let db: Db | null = null;
  try {
    db = await Db.open(warehouse, { readOnly: true });
    const r = await db.all<{ sidik: string; masalah_kesalahan_terbuka: number | null }>(`SELECT * FROM ${FINGERPRINT_TABLE}`);
    return r[0] ? { sidik: r[0].sidik, openErrors: r[0].masalah_kesalahan_terbuka ?? undefined } : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
