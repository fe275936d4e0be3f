/** Test helpers: load (part of) a sources folder into a fresh in-memory warehouse. */
import { mkdtemp, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CatalogueEntry } from "../../pipelines/ingest/catalogue.js";
import { loadSources } from "../../pipelines/ingest/run.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { MODELS_DIR, runModels } from "../../pipelines/models/run.js";

export const SOURCES = resolve(import.meta.dirname, "../../sources");

export async function loadRaw(filter?: (e: CatalogueEntry) => boolean, sourcesDir = SOURCES): Promise<Db> {
  const db = await Db.open(":memory:");
  await loadSources(db, { sourcesDir, buildStartedAt: new Date(0), log: () => {}, filter });
  return db;
}

/**
 * loadRaw, then the given models and the models they read (e.g. a family's staging models), so
 * ingest tests see what the models derive from the raw tables (merged cells, code tree, claims).
 */
export async function loadAndModel(filter: (e: CatalogueEntry) => boolean, select: string[], sourcesDir = SOURCES): Promise<Db> {
  const db = await loadRaw(filter, sourcesDir);
  await runModels(db, () => {}, MODELS_DIR, { select });
  return db;
}

/** A writable copy of the bundled sources, for tests that corrupt or extend them. */
export async function copySources(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sources-"));
  await cp(SOURCES, dir, { recursive: true });
  return dir;
}

export const byFamily = (family: string) => (e: CatalogueEntry) => e.family === family;
