/**
 * Benchmark of the whole build at national scale (issue #14). Prints figures, asserts nothing.
 *   npm run bench -- [SIZES...] [--sub-kegiatan K] [--conflict-rate R] [--seed S] [--work DIR] [--out FILE] [--no-rebuild] [--reuse] [--only-load] [--keep]
 * SIZES are REGIONSxYEARS (default: 1x2 50x2 514x2 514x10). For each size: generate synthetic
 * sources (npm run generate), measure the floor (DuckDB's bare read_csv + exact decimal casts of
 * the same files, floor.ts), run the full build in a child process (per-step wall time, rows/s,
 * peak RSS), run it again over the same sources (no-op rebuild), and score the injected
 * conflicts against the findings. Writes outputs/bench.json.
 *
 * Run large sizes niced (`nice -n 19 npm run bench -- 514x2`) on a shared machine. Set
 * WAREHOUSE_MEMORY_LIMIT (e.g. 1GB) to bound DuckDB's cache in the builds.
 */
import { spawn } from "node:child_process";
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate, type InjectedConflict } from "../synth/generate.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "sub-kegiatan": { type: "string", default: "3000" },
    "conflict-rate": { type: "string", default: "0.05" },
    seed: { type: "string", default: "1" },
    work: { type: "string", default: "outputs/bench-work" },
    out: { type: "string", default: "outputs/bench.json" },
    "no-rebuild": { type: "boolean", default: false },
    /** Reuse WORK/src-SIZE when it was generated with the same options (generating 514x2 takes ~15 min). */
    reuse: { type: "boolean", default: false },
    /** Build only the load step (a large size's ingest ratio and load memory when the whole build cannot finish in time). */
    "only-load": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const sizes = (positionals.length ? positionals : ["1x2", "50x2", "514x2", "514x10"]).map((s) => {
  const m = /^(\d+)x(\d+)$/.exec(s);
  if (!m) throw new Error(`ukuran harus WILAYAHxTAHUN, mis. 50x2 (diberikan: ${s})`);
  return { regions: Number(m[1]), years: Number(m[2]) };
});

interface Run {
  wallMs: number;
  /** user + system CPU time of the child (GNU time): less sensitive than wall time to a shared machine. */
  cpuMs: number | null;
  peakRssMb: number | null;
  stdout: string;
  code: number;
}

const TIME = "/usr/bin/time";
const hasTime = await access(TIME).then(() => true, () => false);

/**
 * Runs a child process and measures it: peak RSS from GNU time -v when present, else from the
 * child's own resourceUsage (it reports maxRSS of the whole process, native DuckDB memory included).
 */
async function measure(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const cmd = hasTime ? TIME : process.execPath;
  const argv = hasTime ? ["-v", process.execPath, ...args] : args;
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user && sys ? Math.round((Number(user[1]) + Number(sys[1])) * 1000) : null;
      if (code !== 0) process.stderr.write(stderr.slice(-4000));
      done({ wallMs: performance.now() - t0, cpuMs, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, stdout, code: code ?? -1 });
    });
  });
}

const TSX = ["--import", "tsx"];

/** Step timings from the build's log lines: "✔ load: 21 berkas, 6781 baris data (8.3 s)". */
function steps(log: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of log.matchAll(/^✔ (\w+): .*\(([\d.]+) s\)$/gm)) out[m[1]!] = Math.round(Number(m[2]) * 1000);
  return out;
}

/**
 * Where the time goes, from the build log: per model, per check (slowest first) and load time per
 * source family.
 */
function profile(log: string) {
  const top = (re: RegExp) =>
    [...log.matchAll(re)].map((m) => ({ name: m[1]!, ms: Number(m[2]) })).sort((a, b) => b.ms - a.ms).slice(0, 10);
  const loadByFamily: Record<string, number> = {};
  for (const m of log.matchAll(/^ {2}(\w+)\/\S+\s+\d+ baris data, \d+ baris total\s+\((\d+) ms\)$/gm)) {
    loadByFamily[m[1]!] = (loadByFamily[m[1]!] ?? 0) + Number(m[2]);
  }
  return {
    models: top(/^ {2}((?:staging|intermediate|marts)\.\w+)\s+\d+ baris\s+\((\d+) ms\)$/gm),
    checks: top(/^ {2}(\w+)\s+\d+ temuan dari \d+ diperiksa\s+\((\d+) ms\)$/gm),
    loadByFamily,
  };
}

interface Finding {
  keparahan: string;
  nilai_konflik?: { source_file: string; source_row: number | null; source_column: string | null }[];
  lokasi_sel?: { source_file: string; source_row: number | null; source_column: string | null } | null;
}

/** An injected conflict is found when an error/warning finding names its cell. */
function score(conflicts: InjectedConflict[], findings: Finding[]) {
  const cells = new Set<string>();
  const files = new Set<string>();
  for (const f of findings.filter((x) => x.keparahan === "error" || x.keparahan === "warning")) {
    for (const c of [...(f.nilai_konflik ?? []), ...(f.lokasi_sel ? [f.lokasi_sel] : [])]) {
      cells.add(`${c.source_file}|${c.source_row}|${c.source_column}`);
      files.add(c.source_file);
    }
  }
  const found = conflicts.filter((c) => cells.has(`${c.file}|${c.row}|${c.column}`));
  const dirty = new Set(conflicts.map((c) => c.file.split("/")[1]));
  // Findings on a region with nothing injected are false alarms on clean data.
  const cleanRegionFiles = [...files].filter((f) => !dirty.has(f.split("/")[1]));
  return { injected: conflicts.length, found: found.length, share: conflicts.length ? found.length / conflicts.length : null, findingsOnCleanRegions: cleanRegionFiles.length };
}

const fmt = (ms: number | undefined) => (ms == null ? "-" : `${(ms / 1000).toFixed(1)} s`);
// Sizes run earlier stay in bench.json (large sizes are run separately); a size run again is replaced.
const previous = await readFile(resolve(values.out!), "utf8").then((t) => JSON.parse(t) as { results: ({ size: string } & Record<string, unknown>)[] }, () => null);
const results: ({ size: string } & Record<string, unknown>)[] = previous?.results ?? [];
const workRoot = resolve(values.work!);
await mkdir(workRoot, { recursive: true });
const machine = {
  cpu: cpus()[0]?.model ?? "?",
  cores: cpus().length,
  memGb: Math.round(totalmem() / 2 ** 30),
  os: `${osType()} ${release()}`,
  node: process.version,
  loadAvgAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  /** DuckDB memory_limit of the builds (env WAREHOUSE_MEMORY_LIMIT, inherited by the children). */
  warehouseMemoryLimit: process.env.WAREHOUSE_MEMORY_LIMIT ?? null,
};
console.log(`mesin: ${machine.cpu}, ${machine.cores} core, ${machine.memGb} GB, ${machine.os}, Node ${machine.node}, beban awal ${machine.loadAvgAtStart.join(" ")}`);

for (const size of sizes) {
  const label = `${size.regions}x${size.years}`;
  const sizeLoad = loadavg().map((x) => Number(x.toFixed(2)));
  const src = join(workRoot, `src-${label}`);
  const out = join(workRoot, `out-${label}`);
  await rm(out, { recursive: true, force: true });
  const g0 = performance.now();
  const wanted = { seed: Number(values.seed), regions: size.regions, conflictRate: Number(values["conflict-rate"]), subKegiatan: Number(values["sub-kegiatan"]) };
  const manifest = values.reuse
    ? await readFile(join(src, "manifest.json"), "utf8").then((t) => JSON.parse(t) as { seed: number; regions: number; years: number[]; conflictRate: number; subKegiatan: number; conflicts: InjectedConflict[] }, () => null)
    : null;
  const reusable = manifest && Object.entries(wanted).every(([k, v]) => manifest[k as keyof typeof wanted] === v) && manifest.years.length === size.years;
  if (!reusable) await rm(src, { recursive: true, force: true });
  const gen = reusable
    ? { files: (await readFile(join(src, "catalogue.csv"), "utf8")).trim().split("\n").length - 1, dataRows: Number.NaN, budgetRows: Number.NaN, conflicts: manifest.conflicts }
    : await generate({
        regions: size.regions,
        years: size.years,
        outDir: src,
        seed: Number(values.seed),
        conflictRate: Number(values["conflict-rate"]),
        subKegiatan: Number(values["sub-kegiatan"]),
      });
  const generateMs = performance.now() - g0;
  console.log(`\n[${label}] ${gen.files} berkas, ${gen.dataRows} baris data, ${gen.conflicts.length} konflik disisipkan (dibuat dalam ${fmt(generateMs)})`);

  // The floor is DuckDB's own speed: no memory limit of the builds (at 1 GB its 7.425-file read runs out).
  const { WAREHOUSE_MEMORY_LIMIT: _limit, ...floorEnv } = process.env;
  const floorRun = await measure([...TSX, "pipelines/bench/floor.ts", src, join(workRoot, `floor-${label}.duckdb`)], floorEnv);
  const floor = JSON.parse(floorRun.stdout.trim().split("\n").pop()!) as { rows: number; readMs: number; castMs: number; ms: number };
  console.log(`  lantai (read_csv + cast desimal): ${fmt(floor.ms)}, CPU proses ${fmt(floorRun.cpuMs ?? undefined)} (baca ${fmt(floor.readMs)}, cast ${fmt(floor.castMs)}), ${floor.rows} baris, RSS puncak ${floorRun.peakRssMb ?? "?"} MB`);

  const onlyLoad = values["only-load"];
  const build = await measure([...TSX, "pipelines/cli.ts", "--sources", src, "--out", out, ...(onlyLoad ? ["--only", "load"] : [])]);
  // Rows as loaded (a reused source folder has no generator count).
  if (Number.isNaN(gen.dataRows)) gen.dataRows = Number(/✔ load: \d+ berkas, (\d+) baris data/.exec(build.stdout)?.[1] ?? Number.NaN);
  const step = steps(build.stdout);
  await writeFile(join(workRoot, `build-${label}.log`), build.stdout);
  const prof = profile(build.stdout);
  console.log(`  build: ${fmt(build.wallMs)} (CPU ${fmt(build.cpuMs ?? undefined)}, kode keluar ${build.code}), RSS puncak ${build.peakRssMb ?? "?"} MB`);
  for (const [name, ms] of Object.entries(step)) console.log(`    ${name.padEnd(10)} ${fmt(ms).padStart(8)}  ${Math.round(gen.dataRows / (ms / 1000)).toLocaleString("id-ID")} baris/s`);

  let rebuild: Run | null = null;
  if (!values["no-rebuild"] && !onlyLoad && build.code === 0) {
    rebuild = await measure([...TSX, "pipelines/cli.ts", "--sources", src, "--out", out]);
    console.log(`  build ulang tanpa perubahan: ${fmt(rebuild.wallMs)} (${((100 * rebuild.wallMs) / build.wallMs).toFixed(0)}% dari build penuh)`);
  }

  let conflicts = null;
  if (build.code === 0 && !onlyLoad) {
    // reconciliation.json: { ringkasan, masalah, temuan, keputusan } (a bare list of findings before).
    const json = JSON.parse(await readFile(join(out, "reconciliation.json"), "utf8")) as Finding[] | { temuan: Finding[] };
    const findings = Array.isArray(json) ? json : json.temuan;
    conflicts = score(gen.conflicts, findings);
    console.log(`  konflik ditemukan: ${conflicts.found}/${conflicts.injected}; berkas wilayah bersih dengan temuan: ${conflicts.findingsOnCleanRegions}`);
  }
  console.log(`  model terlambat: ${prof.models.slice(0, 3).map((m) => `${m.name} ${fmt(m.ms)}`).join(", ")}`);
  console.log(`  cek terlambat: ${prof.checks.slice(0, 3).map((m) => `${m.name} ${fmt(m.ms)}`).join(", ")}`);
  console.log(`  load per keluarga: ${Object.entries(prof.loadByFamily).map(([k, ms]) => `${k} ${fmt(ms)}`).join(", ")}`);
  const load = step.load;
  const ratios = { ingest: load ? load / floor.ms : null, build: onlyLoad ? null : build.wallMs / floor.ms };
  console.log(`  rasio terhadap lantai: ingest ${ratios.ingest?.toFixed(1) ?? "-"}x, build ${ratios.build?.toFixed(1) ?? "-"}x`);
  const at = results.findIndex((r) => r.size === label);
  if (at >= 0) results.splice(at, 1);
  results.push({
    size: label, ...size, files: gen.files, dataRows: gen.dataRows, budgetRows: gen.budgetRows, generateMs: Math.round(generateMs),
    loadAvgAtStart: sizeLoad,
    floor: { ...floor, processWallMs: Math.round(floorRun.wallMs), processCpuMs: floorRun.cpuMs, peakRssMb: floorRun.peakRssMb },
    build: { exitCode: build.code, wallMs: Math.round(build.wallMs), cpuMs: build.cpuMs, peakRssMb: build.peakRssMb, stepsMs: step,
      rowsPerSecond: Object.fromEntries(Object.entries(step).map(([k, ms]) => [k, Math.round(gen.dataRows / (ms / 1000))])) },
    onlyLoad,
    noopRebuild: rebuild ? { exitCode: rebuild.code, wallMs: Math.round(rebuild.wallMs), cpuMs: rebuild.cpuMs, peakRssMb: rebuild.peakRssMb, incremental: true, share: rebuild.wallMs / build.wallMs } : null,
    ratios, conflicts, profile: prof,
  });
  await writeFile(resolve(values.out!), `${JSON.stringify({ machine, measuredAt: new Date().toISOString(), subKegiatan: Number(values["sub-kegiatan"]), conflictRate: Number(values["conflict-rate"]), results }, null, 2)}\n`);
  if (!values.keep) {
    await rm(src, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
}
printTable(results);
console.log(`\nhasil: ${values.out}`);

interface BenchRow {
  size: string;
  files?: number;
  dataRows?: number;
  onlyLoad?: boolean;
  floor?: { ms?: number; processCpuMs?: number | null };
  build?: { wallMs?: number; cpuMs?: number | null; peakRssMb?: number | null; stepsMs?: Record<string, number> };
  ratios?: { ingest?: number | null; build?: number | null };
  noopRebuild?: { wallMs: number } | null;
  conflicts?: { found: number; injected: number; findingsOnCleanRegions: number } | null;
}

/** Every size in bench.json as one Markdown table (the one BENCHMARKS.md records), id-ID numbers. */
function printTable(rows: typeof results): void {
  const s = (ms: unknown) => (typeof ms === "number" ? (ms / 1000).toLocaleString("id-ID", { maximumFractionDigits: 1 }) : "-");
  const x = (r: unknown) => (typeof r === "number" ? `${r.toLocaleString("id-ID", { maximumFractionDigits: 1 })}x` : "-");
  const n = (v: unknown) => (typeof v === "number" && !Number.isNaN(v) ? v.toLocaleString("id-ID") : "-");
  const steps = ["load", "models", "check", "export", "feed", "notebooks"];
  console.log(`\n| ukuran | berkas | baris data | lantai (CPU) | ${steps.join(" | ")} | build wall / CPU | RSS puncak | ingest x lantai | build x lantai | build ulang tanpa perubahan | konflik ditemukan | temuan di wilayah bersih |`);
  console.log(`|${"---|".repeat(12 + steps.length)}`);
  const sorted = [...rows].sort((a, b) => Number(a.regions) * Number(a.years) - Number(b.regions) * Number(b.years));
  for (const r of sorted as BenchRow[]) {
    const b = r.build ?? {};
    const noop = r.noopRebuild && b.wallMs ? `${s(r.noopRebuild.wallMs)} (${((100 * r.noopRebuild.wallMs) / b.wallMs).toLocaleString("id-ID", { maximumFractionDigits: 1 })} %)` : "-";
    const c = r.conflicts ? `${r.conflicts.found}/${r.conflicts.injected}` : "-";
    console.log(`| ${r.size}${r.onlyLoad ? " (load saja)" : ""} | ${n(r.files)} | ${n(r.dataRows)} | ${s(r.floor?.ms)} (${s(r.floor?.processCpuMs)}) | ${steps.map((k) => s(b.stepsMs?.[k])).join(" | ")} | ${s(b.wallMs)} / ${s(b.cpuMs)} | ${n(b.peakRssMb)} MB | ${x(r.ratios?.ingest)} | ${x(r.ratios?.build)} | ${noop} | ${c} | ${r.conflicts ? n(r.conflicts.findingsOnCleanRegions) : "-"} |`);
  }
}
