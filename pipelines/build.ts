/**
 * A build: every step runs against a new database file, which replaces outputs/warehouse.duckdb
 * only when all steps succeeded. Generated files are written to a staging folder and moved into
 * place at the same moment. A failed build leaves the previous warehouse and outputs untouched.
 */
import { copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Db } from "./lib/duckdb.js";
import { STEPS, type BuildResult, type StepContext, type StepName } from "./steps.js";

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  only?: StepName;
  strict?: boolean;
  log?: (line: string) => void;
}

export const WAREHOUSE_FILE = "warehouse.duckdb";

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });
  const id = `${process.pid}-${Date.now()}`;
  const tmpDb = join(outDir, `.warehouse-${id}.duckdb`);
  const staging = join(outDir, `.staging-${id}`);
  await mkdir(staging, { recursive: true });
  const finalDb = join(outDir, WAREHOUSE_FILE);

  const steps = opts.only ? STEPS.filter((s) => s.name === opts.only) : STEPS.filter((s) => s.inFullBuild);
  if (opts.only && steps[0]?.needsWarehouse) {
    if (!(await exists(finalDb))) throw new Error(`${finalDb} belum ada: jalankan dulu 'npm run pipeline'`);
    await copyFile(finalDb, tmpDb);
  }

  const startedAt = new Date();
  let db: Db | null = await Db.open(tmpDb);
  try {
    const result: BuildResult = {};
    const ctx: StepContext = { db, sourcesDir: resolve(opts.sourcesDir), outDir: staging, startedAt, strict: opts.strict ?? false, log, result };
    for (const step of steps) {
      const t0 = Date.now();
      log(`▶ ${step.name}: ${step.description}`);
      const summary = await step.run(ctx);
      log(`✔ ${step.name}: ${summary} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    await db.run("CHECKPOINT");
    db.close();
    db = null;
    await rename(tmpDb, finalDb);
    await publishStaging(staging, outDir);
    return result;
  } catch (err) {
    db?.close();
    await rm(tmpDb, { force: true });
    await rm(`${tmpDb}.wal`, { force: true });
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Moves each generated entry over its previous version. */
async function publishStaging(staging: string, outDir: string): Promise<void> {
  for (const entry of await readdir(staging)) {
    const target = join(outDir, entry);
    await rm(target, { recursive: true, force: true });
    await rename(join(staging, entry), target);
  }
  await rm(staging, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
