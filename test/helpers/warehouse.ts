/** Test helpers: load (part of) a sources folder into a fresh in-memory warehouse. */
import { mkdtemp, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CatalogueEntry } from "../../pipelines/ingest/catalogue.js";
import { loadSources } from "../../pipelines/ingest/run.js";
import { Db } from "../../pipelines/lib/duckdb.js";

export const SOURCES = resolve(import.meta.dirname, "../../sources");

export async function loadRaw(filter?: (e: CatalogueEntry) => boolean, sourcesDir = SOURCES): Promise<Db> {
  const db = await Db.open(":memory:");
  await loadSources(db, { sourcesDir, buildStartedAt: new Date(0), log: () => {}, filter });
  return db;
}

/** A writable copy of the bundled sources, for tests that corrupt or extend them. */
export async function copySources(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sources-"));
  await cp(SOURCES, dir, { recursive: true });
  return dir;
}

export const byFamily = (family: string) => (e: CatalogueEntry) => e.family === family;
