import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSources } from "../../../pipelines/ingest/run.js";
import { Db } from "../../../pipelines/lib/duckdb.js";
import { generate, type InjectedConflict } from "../../../pipelines/synth/generate.js";

const small = { regions: 2, years: 2, subKegiatan: 40 };

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

async function digest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await files(dir)) out[f] = createHash("sha256").update(await readFile(join(dir, f))).digest("hex");
  return out;
}

const tmp = () => mkdtemp(join(tmpdir(), "synth-"));

describe("synthetic sources", () => {
  let clean: string;
  let dirty: string;
  let conflicts: InjectedConflict[];

  beforeAll(async () => {
    clean = await tmp();
    dirty = await tmp();
    await generate({ ...small, outDir: clean, seed: 7 });
    conflicts = (await generate({ ...small, outDir: dirty, seed: 7, conflictRate: 0.5 })).conflicts;
  });

  it("writes every family and a catalogue naming each file", async () => {
    const catalogue: { path: string; family: string }[] = parse(await readFile(join(clean, "catalogue.csv"), "utf8"), { columns: true });
    const written = (await files(clean)).filter((f) => f !== "catalogue.csv" && f !== "manifest.json");
    expect(catalogue.map((c) => c.path).sort()).toEqual(written);
    expect([...new Set(catalogue.map((c) => c.family))].sort()).toEqual(["ak1", "bps", "budget", "hi", "plans"]);
  });

  it("loads through the pipeline's own load step", async () => {
    const db = await Db.open(":memory:");
    const r = await loadSources(db, { sourcesDir: clean, buildStartedAt: new Date(0), log: () => {} });
    // Per region-year: 40 sub-kegiatan + kegiatan + programs + urusan/bidang rows of Lampiran C.
    const subs = await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.budget_lampiran_c WHERE tingkat = 'sub_kegiatan'`);
    expect(subs).toBe("160");
    const regions = await db.all<{ kode_wilayah: string }>(`SELECT DISTINCT kode_wilayah FROM raw.bps_kabkota_tahun ORDER BY 1`);
    expect(regions.map((x) => x.kode_wilayah)).toEqual(["1101", "1201"]);
    expect(r.files).toBe(1 + 2 * 2 * 7 + 2 * 3 * 2);
    db.close();
  });

  it("is determined by its seed", async () => {
    const again = await tmp();
    await generate({ ...small, outDir: again, seed: 7 });
    expect(await digest(again)).toEqual(await digest(clean));
    const other = await tmp();
    await generate({ ...small, outDir: other, seed: 8 });
    expect((await digest(other))["budget/1101/lampiran_c_2024.csv"]).not.toBe((await digest(clean))["budget/1101/lampiran_c_2024.csv"]);
  });

  it("lists in the manifest exactly the cells it changed", async () => {
    expect(conflicts.length).toBeGreaterThan(0);
    const changed: Omit<InjectedConflict, "kind" | "column">[] = [];
    for (const f of await files(clean)) {
      if (!f.endsWith(".csv") || f === "catalogue.csv") continue;
      const a: string[][] = parse(await readFile(join(clean, f), "utf8"), { relax_column_count: true });
      const b: string[][] = parse(await readFile(join(dirty, f), "utf8"), { relax_column_count: true });
      expect(b.length).toBe(a.length);
      a.forEach((row, i) => row.forEach((cell, j) => {
        if (b[i]![j] !== cell) changed.push({ file: f, row: i + 1, original: cell, injected: b[i]![j]! });
      }));
    }
    const key = (c: { file: string; row: number }) => `${c.file}:${c.row}`;
    expect(changed.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      conflicts.map(({ file, row, original, injected }) => ({ file, row, original, injected })).sort((x, y) => key(x).localeCompare(key(y))),
    );
    const manifest = JSON.parse(await readFile(join(dirty, "manifest.json"), "utf8"));
    expect(manifest.conflicts).toEqual(conflicts);
  });
});
