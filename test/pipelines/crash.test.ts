/**
 * Crash test: builds in their own processes are killed with SIGKILL at random moments (8 in `npm test`;
 * `npm run campaign` kills 40; CRASH_KILLS and CRASH_SEED override) and at
 * the publish step (just before and just after the pointer swap). After every kill the published
 * view is whole: `current` points at one complete build, every documented path resolves through
 * it, and the warehouse is either the previous one or the new one. The next build removes all
 * litter. Also: a second build into a locked --out is refused, SIGTERM cleans up and ends the process.
 * Small source set (one AK-I recap, load step only) so each child stays short.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, BUILDS_DIR, CURRENT, LOCK_FILE, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { BuildError } from "../../pipelines/lib/errors.js";
import { catalogueRow, catalogueText } from "../helpers/corpus.js";
import { litter } from "../helpers/outputs.js";
import { SOURCES } from "../helpers/warehouse.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CHILD = "test/helpers/crash-child.ts";
const AK1 = "ak1/rekap_pencari_kerja_2024.csv";
// Each kill is a child process (~2 s): `npm test` runs a few, the campaign many.
const KILLS = 2 * Math.ceil(Number(process.env.CRASH_KILLS ?? 8) / 2);

let A: string; // sources: the recap as published
let B: string; // the same recap with one figure changed
let out: string;
const tmp: string[] = [];

async function sources(edit?: (t: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "crash-src-"));
  tmp.push(dir);
  await mkdir(join(dir, "ak1"));
  await copyFile(join(SOURCES, AK1), join(dir, AK1));
  if (edit) await writeFile(join(dir, AK1), edit(await readFile(join(dir, AK1), "utf8")));
  await writeFile(join(dir, "catalogue.csv"), catalogueText([catalogueRow(AK1)]));
  return dir;
}

interface Child {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  started: Promise<void>;
  waiting: Promise<void>;
  stdoutSoFar(): string;
}

function child(src: string, stop = "", outDir = out): Child {
  const p = spawn(process.execPath, ["--import", "tsx", CHILD, src, outDir, stop], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let onStart!: () => void;
  let onWait!: () => void;
  const started = new Promise<void>((r) => (onStart = r));
  const waiting = new Promise<void>((r) => (onWait = r));
  p.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes("start")) onStart();
    if (stdout.includes("waiting")) onWait();
  });
  p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((r) =>
    p.on("exit", (code, signal) => {
      onStart();
      onWait();
      r({ code, signal, stdout, stderr });
    }),
  );
  return { done, started, waiting, kill: (s) => p.kill(s), stdoutSoFar: () => stdout };
}

/** The AK-I file hash recorded in the published warehouse, after checking the view is whole. */
async function publishedState(outDir = out): Promise<{ sha: string; target: string }> {
  const out = outDir;
  const target = await readlink(join(out, CURRENT));
  expect(target).toMatch(new RegExp(`^${BUILDS_DIR}/[0-9]+-[0-9]+$`));
  expect((await stat(join(out, target))).isDirectory()).toBe(true);
  // Every documented path is a link through `current` and resolves.
  for (const entry of await readdir(out)) {
    if (entry.startsWith(".") || entry === CURRENT || entry.includes(".tmp-")) continue;
    expect(await readlink(join(out, entry))).toBe(`${CURRENT}/${entry}`);
    await stat(join(out, entry));
  }
  const db = await Db.open(join(out, WAREHOUSE_FILE), { readOnly: true });
  try {
    return { sha: await db.value<string>(`SELECT source_sha256 FROM raw.source_files`), target };
  } finally {
    db.close();
  }
}

let shaA: string;
let shaB: string;
let fullRunMs: number;

beforeAll(async () => {
  A = await sources();
  B = await sources((t) => t.replace(",2218,", ",2219,"));
  out = await mkdtemp(join(tmpdir(), "crash-out-"));
  tmp.push(out);
  await build({ sourcesDir: B, outDir: out, only: "load", log: () => {} });
  shaB = (await publishedState()).sha;
  // One uninterrupted child run: proves the child works and gives the window random kills fall in.
  const t0 = Date.now();
  const r = await child(A).done;
  fullRunMs = Date.now() - t0;
  expect(r.stdout).toContain("done");
  shaA = (await publishedState()).sha;
  expect(shaA).not.toBe(shaB);
}, 120_000);

afterAll(async () => {
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});

describe("crash safety", () => {
  it(`is never torn when a build is killed at ${KILLS} random moments, and the next build leaves no litter`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Two output folders killed in parallel (the machine has 2 cores), KILLS / 2 kills each.
    const lane = async (laneOut: string, first: string) => {
      let previous = first;
      for (let i = 0; i < KILLS / 2; i++) {
        const [src, sha] = i % 2 === 0 ? [B, shaB] : [A, shaA];
        const c = child(src, "", laneOut);
        await c.started;
        const delay = Math.floor(random() * fullRunMs);
        await new Promise((r) => setTimeout(r, delay));
        c.kill("SIGKILL");
        const r = await c.done;
        const now = await publishedState(laneOut);
        const where = `seed ${seed}, ${laneOut}, kill ${i + 1} after ${delay} ms (${r.signal ?? `exit ${r.code}`})`;
        expect([previous, sha], where).toContain(now.sha);
        if (r.stdout.includes("done")) expect(now.sha, where).toBe(sha);
        previous = now.sha;
      }
      await build({ sourcesDir: A, outDir: laneOut, only: "load", log: () => {} });
      expect((await publishedState(laneOut)).sha).toBe(shaA);
      expect(await litter(laneOut)).toEqual([]);
    };
    const second = await mkdtemp(join(tmpdir(), "crash-out-"));
    tmp.push(second);
    await build({ sourcesDir: A, outDir: second, only: "load", log: () => {} });
    await Promise.all([lane(out, shaA), lane(second, shaA)]);
  }, 1_200_000);

  it("keeps the previous build when killed just before the swap, shows the new one when killed just after", async () => {
    const before = await publishedState();
    expect(before.sha).toBe(shaA);
    const r1 = await child(B, "kill:publish").done;
    expect(r1.signal).toBe("SIGKILL");
    expect(await publishedState()).toEqual(before);
    const r2 = await child(B, "kill:swapped").done;
    expect(r2.signal).toBe("SIGKILL");
    const after = await publishedState();
    expect(after.sha).toBe(shaB);
    expect(after.target).not.toBe(before.target);
    await build({ sourcesDir: B, outDir: out, only: "load", log: () => {} });
    expect(await litter(out)).toEqual([]);
  }, 120_000);

  it("refuses a second build into the same --out while one holds the lock, changing nothing", async () => {
    const before = await publishedState();
    await writeFile(join(out, LOCK_FILE), `${process.pid}\n`);
    try {
      const err = await build({ sourcesDir: A, outDir: out, log: () => {} }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(BuildError);
      expect((err as Error).message).toMatch(/^Build lain \(proses \d+\) sedang menulis ke .*Tidak ada yang diubah\.$/);
      expect(await publishedState()).toEqual(before);
    } finally {
      await rm(join(out, LOCK_FILE), { force: true });
    }
  });

  it("on SIGTERM removes the unfinished build and its lock, says so, and ends", async () => {
    const before = await publishedState();
    const c = child(A, "wait:load");
    await c.waiting;
    expect(c.stdoutSoFar()).toContain("waiting");
    c.kill("SIGTERM");
    const r = await c.done;
    expect(r.signal).toBe("SIGTERM");
    expect(r.stderr).toMatch(/Dihentikan \(SIGTERM\)\. Build yang belum selesai dibuang; gudang data dan keluaran sebelumnya tidak diubah\./);
    expect(await publishedState()).toEqual(before);
    expect(await litter(out)).toEqual([]);
  }, 120_000);
});
