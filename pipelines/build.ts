/**
 * A build writes a complete new tree (warehouse + every generated file) into its own folder
 * `<out>/.builds/<id>/`, then publishes it with ONE atomic step: the symlink `<out>/current` is
 * replaced (rename of a fresh symlink over it). The documented paths (`<out>/warehouse.duckdb`,
 * `<out>/tables/...`) are fixed symlinks through `current`, so a reader sees either the old tree or
 * the new one, never a mix. A failed, interrupted or killed build leaves `current` as it was.
 *
 * One build at a time per output folder: `<out>/.lock` holds the owner's pid. Each build removes
 * the litter of earlier crashed builds (build folders `current` does not point to).
 */
import { cp, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink } from "node:fs/promises";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Db } from "./lib/duckdb.js";
import { BuildError } from "./lib/errors.js";
import { buildFingerprint, FINGERPRINT_TABLE, publishedFingerprint, recordFingerprint } from "./fingerprint.js";
// steps.js (every step's modules: exceljs, jsdom, Plot, esbuild) is imported only when a build runs:
// a no-op rebuild needs none of it, and importing it is most of a no-op's time.
import type { BuildResult, StepContext, StepName } from "./steps.js";

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  only?: StepName;
  strict?: boolean;
  log?: (line: string) => void;
  /**
   * When the published build ran the same steps over the same sources with the same code
   * (fingerprint.ts), do nothing and keep it. Default: true for full builds (`--full` turns it
   * off), false for `only` builds.
   */
  incremental?: boolean;
  /** Test hook: called with a label before each step and before publishing (crash tests). */
  onPhase?: (phase: string) => void | Promise<void>;
}

export const WAREHOUSE_FILE = "warehouse.duckdb";
export const BUILDS_DIR = ".builds";
export const CURRENT = "current";
export const LOCK_FILE = ".lock";

/** Builds in flight in this process: a signal handler removes their folders and locks. */
const inFlight = new Set<{ buildDir: string; lock: string }>();

/** Synchronous cleanup for SIGINT/SIGTERM: removes unpublished build folders and their locks. */
export function abortBuildsSync(): number {
  let n = 0;
  for (const b of inFlight) {
    rmSync(b.buildDir, { recursive: true, force: true });
    rmSync(b.lock, { force: true });
    n++;
  }
  inFlight.clear();
  return n;
}

/**
 * Ctrl+C / kill: remove the unpublished build folder and the lock, then die of the same signal
 * (re-raised with the default action, so the process ends at once without waiting on DuckDB threads).
 */
export function installSignalCleanup(write: (line: string) => void = (l) => process.stderr.write(l)): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const n = abortBuildsSync();
      write(`\n✘ Dihentikan (${signal}). ${n ? "Build yang belum selesai dibuang; " : ""}gudang data dan keluaran sebelumnya tidak diubah.\n`);
      process.kill(process.pid, signal);
    });
  }
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const outDir = resolve(opts.outDir);
  await mkdir(join(outDir, BUILDS_DIR), { recursive: true });
  const lock = await acquireLock(outDir);
  const id = `${Date.now()}-${process.pid}`;
  const buildDir = join(outDir, BUILDS_DIR, id);
  const handle = { buildDir, lock };
  inFlight.add(handle);
  let db: Db | null = null;
  try {
    await removeLitter(outDir);
    let sidik: string | null = null;
    // Full builds skip by default; a single-step build only when asked (crash tests rebuild one source set on purpose).
    const skipUnchanged = opts.only ? opts.incremental === true : (opts.incremental ?? true);
    if (!opts.only || skipUnchanged) {
      sidik = await buildFingerprint(resolve(opts.sourcesDir), [opts.only ?? "penuh"]).catch(() => null);
      const published = await currentTree(outDir);
      const before = sidik && published && skipUnchanged ? await publishedFingerprint(join(published, WAREHOUSE_FILE)) : null;
      if (before && before.sidik === sidik) {
        log(`✔ tidak ada perubahan: sumber (isi setiap berkas) dan kode sama dengan build yang diterbitkan (sidik ${sidik.slice(0, 16)}); keluaran tetap`);
        inFlight.delete(handle);
        return { openErrors: before.openErrors };
      }
    }
    await mkdir(buildDir);
    const { STEPS } = await import("./steps.js");
    const steps = opts.only ? STEPS.filter((s) => s.name === opts.only) : STEPS.filter((s) => s.inFullBuild);
    if (opts.only && steps[0]?.needsWarehouse) {
      // A single step rewrites only its own outputs: start from a copy of the published tree
      // (or of the files a build before this layout left in the folder itself).
      const previous = (await currentTree(outDir)) ?? ((await isFile(join(outDir, WAREHOUSE_FILE))) ? outDir : null);
      if (!previous) throw new BuildError(`${join(outDir, WAREHOUSE_FILE)} belum ada: jalankan dulu 'npm run pipeline'. Tidak ada yang diubah.`, 2);
      await cp(previous, buildDir, { recursive: true, filter: (src) => src === previous || !/^[.]/.test(src.slice(previous.length + 1)) });
    }
    const startedAt = new Date();
    db = await Db.open(join(buildDir, WAREHOUSE_FILE));
    const result: BuildResult = {};
    const ctx: StepContext = { db, sourcesDir: resolve(opts.sourcesDir), outDir: buildDir, startedAt, strict: opts.strict ?? false, log, result };
    for (const step of steps) {
      await opts.onPhase?.(step.name);
      const t0 = Date.now();
      log(`▶ ${step.name}: ${step.description}`);
      const summary = await step.run(ctx);
      log(`✔ ${step.name}: ${summary} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    // A single step over a copied tree must not carry the copied build's fingerprint.
    if (sidik) await recordFingerprint(db, sidik, result.openErrors);
    else await db.run(`DROP TABLE IF EXISTS ${FINGERPRINT_TABLE}`);
    await db.run("CHECKPOINT");
    db.close();
    db = null;
    await opts.onPhase?.("publish");
    await publish(outDir, id, opts.onPhase);
    inFlight.delete(handle);
    // After the swap nothing can fail the build: tidying is best effort.
    await removeLitter(outDir).catch(() => {});
    return result;
  } catch (err) {
    db?.close();
    inFlight.delete(handle);
    await rm(buildDir, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(lock, { force: true });
  }
}

/** The folder `current` points to, or null before the first build. */
export async function currentTree(outDir: string): Promise<string | null> {
  try {
    const target = await readlink(join(outDir, CURRENT));
    const abs = resolve(outDir, target);
    await stat(abs);
    return abs;
  } catch {
    return null;
  }
}

/**
 * The one step that makes a build visible: `current` -> the new folder (rename is atomic). Then
 * every top-level entry of the tree gets its fixed symlink through `current` (created once; an
 * entry a build no longer writes loses its link).
 */
async function publish(outDir: string, id: string, onPhase?: BuildOptions["onPhase"]): Promise<void> {
  const tmp = join(outDir, `${CURRENT}.tmp-${id}`);
  await symlink(join(BUILDS_DIR, id), tmp);
  await rename(tmp, join(outDir, CURRENT));
  await onPhase?.("swapped");
  const entries = new Set(await readdir(join(outDir, BUILDS_DIR, id)));
  for (const entry of entries) {
    const path = join(outDir, entry);
    const want = join(CURRENT, entry);
    const st = await lstat(path).catch(() => null);
    if (st?.isSymbolicLink() && (await readlink(path)) === want) continue;
    if (st) {
      // An entry from a build before this layout (a real file or folder): moved aside, then removed.
      const aside = join(outDir, BUILDS_DIR, `lama-${id}-${entry}`);
      await rename(path, aside);
      await rm(aside, { recursive: true, force: true });
    }
    const linkTmp = join(outDir, `${entry}.tmp-${id}`);
    await symlink(want, linkTmp);
    await rename(linkTmp, path);
  }
  for (const entry of await readdir(outDir)) {
    const path = join(outDir, entry);
    const st = await lstat(path);
    if (!st.isSymbolicLink() || entry === CURRENT) continue;
    const target = await readlink(path);
    if (target.startsWith(`${CURRENT}/`) && !entries.has(target.slice(CURRENT.length + 1))) await rm(path, { force: true });
  }
}

/** Removes what crashed builds left: build folders `current` does not point to, temporary links. */
async function removeLitter(outDir: string): Promise<void> {
  const current = await currentTree(outDir);
  for (const entry of await readdir(join(outDir, BUILDS_DIR)).catch(() => [] as string[])) {
    const path = join(outDir, BUILDS_DIR, entry);
    if (path !== current) await rm(path, { recursive: true, force: true });
  }
  for (const entry of await readdir(outDir)) {
    // .warehouse-*/.staging-*: litter of builds before this layout.
    if (/^\.(warehouse|staging)-/.test(entry) || /\.tmp-\d+-\d+$/.test(entry) || entry.startsWith(`${LOCK_FILE}.stale-`)) {
      await rm(join(outDir, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Takes `<out>/.lock` (created exclusively, holding our pid). A lock whose process is gone is
 * stale (a killed build) and is taken over.
 */
async function acquireLock(outDir: string): Promise<string> {
  const path = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, "wx");
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const content = await readFile(path, "utf8").catch(() => "");
    const pid = Number(content.trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new BuildError(
        `Build lain (proses ${pid}) sedang menulis ke ${outDir}. Tunggu sampai selesai, atau pakai --out folder lain. Tidak ada yang diubah.`,
        1,
      );
    }
    // Stale: move it aside (only if it is still the one we judged), then try again.
    if ((await readFile(path, "utf8").catch(() => null)) === content) {
      await rename(path, join(outDir, `${LOCK_FILE}.stale-${process.pid}-${attempt}`)).catch(() => {});
    }
  }
  throw new BuildError(`Kunci ${path} tidak dapat diambil. Tidak ada yang diubah.`, 1);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
