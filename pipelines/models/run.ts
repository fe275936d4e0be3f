/** The models step: every SQL model in dependency order, with lineage recorded in meta.lineage. */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Db, sqlString } from "../lib/duckdb.js";
import { ensureLineage, kindOf, recordLineage } from "../lib/lineage.js";
import { registerIndicatorFunctions } from "../../models/indicators/register.js";
import { LAYERS, buildOrder, discoverModels, type Model } from "./discover.js";

export const MODELS_DIR = resolve(import.meta.dirname, "../../models");

/**
 * `select`: build only these models and the models they read (tests of one source family build
 * its staging models without the rest of the graph).
 */
export async function runModels(
  db: Db,
  log: (l: string) => void,
  modelsDir = MODELS_DIR,
  opts: { select?: string[] } = {},
): Promise<{ models: number }> {
  registerIndicatorFunctions(db);
  await loadConfig(db, join(modelsDir, "config"));
  await runMacros(db, join(modelsDir, "macros"));
  const raw = await db.all<{ t: string }>(
    `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema IN ('raw', 'config')`,
  );
  const all = buildOrder(await discoverModels(modelsDir), new Set(raw.map((r) => r.t)));
  const order = opts.select ? withUpstream(all, opts.select) : all;
  for (const layer of LAYERS) await db.run(`CREATE SCHEMA IF NOT EXISTS ${layer}`);
  await db.run(`CREATE SCHEMA IF NOT EXISTS meta`);
  await ensureLineage(db);
  await db.run(`DELETE FROM meta.lineage WHERE step = 'models'`);
  await db.run(`CREATE OR REPLACE TABLE meta.models (model VARCHAR, file VARCHAR, header VARCHAR, build_order INTEGER, row_count BIGINT)`);
  for (const [i, m] of order.entries()) {
    const t0 = performance.now();
    try {
      await db.run(`CREATE OR REPLACE TABLE ${m.name} AS\n${m.sql}`);
    } catch (err) {
      throw new Error(`${m.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const n = await db.value<string>(`SELECT count(*)::VARCHAR FROM ${m.name}`);
    await db.run(`INSERT INTO meta.models VALUES (${sqlString(m.name)}, ${sqlString(m.file)}, ${sqlString(m.header)}, ${i + 1}, ${n})`);
    await recordLineage(
      db,
      m.reads.map((r) => ({ target: m.name, targetKind: "model", input: r, inputKind: kindOf(r), via: m.file, step: "models" })),
    );
    // Time per model: the profile of the models step at scale (npm run bench).
    log(`  ${m.name.padEnd(50)} ${n.padStart(6)} baris  (${Math.round(performance.now() - t0)} ms)`);
  }
  return { models: order.length };
}

/**
 * Project configuration tables (models/config/*.csv: rating scale, glossary synonyms) as schema
 * `config`, all text: models cast what they need.
 */
export async function loadConfig(db: Db, dir: string): Promise<void> {
  await db.run(`CREATE SCHEMA IF NOT EXISTS config`);
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort()) {
    await db.run(`CREATE OR REPLACE TABLE config.${f.replace(/\.csv$/, "")} AS
      SELECT * FROM read_csv(${sqlString(join(dir, f))}, header = true, all_varchar = true)`);
  }
}

/** SQL macros shared by models (models/macros/*.sql), created before any model runs. */
export async function runMacros(db: Db, dir: string): Promise<void> {
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort()) {
    await db.run(await readFile(join(dir, f), "utf8"));
  }
}

/** The selected models and every model they read, in build order. */
function withUpstream(ordered: Model[], select: string[]): Model[] {
  const byName = new Map(ordered.map((m) => [m.name, m]));
  const keep = new Set<string>();
  const visit = (name: string) => {
    const m = byName.get(name);
    if (!m) throw new Error(`model ${name} tidak ada`);
    if (keep.has(name)) return;
    keep.add(name);
    for (const r of m.reads) if (byName.has(r)) visit(r);
  };
  for (const name of select) visit(name);
  return ordered.filter((m) => keep.has(m.name));
}
