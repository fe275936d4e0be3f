/** Load, model and check a sources folder into an in-memory warehouse (no files written but outputs). */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSources } from "../../pipelines/ingest/run.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { MODELS_DIR, runModels } from "../../pipelines/models/run.js";
import { runChecks } from "../../pipelines/reconcile/run.js";

/** `files: false` skips writing reconciliation.* (recon.* is complete either way). */
export async function checkedWarehouse(sourcesDir: string, opts: { files?: boolean } = {}): Promise<Db> {
  const db = await Db.open(":memory:");
  await loadSources(db, { sourcesDir, buildStartedAt: new Date(0), log: () => {} });
  await runModels(db, () => {}, MODELS_DIR);
  const outDir = opts.files === false ? null : await mkdtemp(join(tmpdir(), "recon-"));
  await runChecks(db, { modelsDir: MODELS_DIR, outDir, log: () => {} });
  return db;
}
