/**
 * Two builds over the same sources write byte-identical outputs: every CSV, JSON, Parquet, XLSX and
 * HTML file. Only outputs/warehouse.duckdb differs, because it records the run (raw.source_files
 * loaded_at and load_ms) and DuckDB's file layout is not canonical; README "What a build writes".
 */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { sharedBuild } from "../helpers/shared-build.js";
import { SOURCES } from "../helpers/warehouse.js";

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("two builds over the same sources", () => {
  const outs: string[] = [];

  beforeAll(async () => {
    // The second build runs at least a minute after the shared one, so anything stamped with the
    // clock (zip entries have a 2-second resolution) would differ.
    const b = await mkdtemp(join(tmpdir(), "build-b-"));
    await build({ sourcesDir: SOURCES, outDir: b, log: () => {} });
    outs.push(sharedBuild(), b);
  }, 400_000);

  it("write the same files", async () => {
    const [a, b] = await Promise.all(outs.map(files));
    expect(a).toEqual(b);
    // What the comparison covers, so a format that silently stops being written is noticed.
    for (const f of [
      "tables/lkjip_2024.xlsx",
      "tables/tabel_3_18.csv",
      "reconciliation.xlsx",
      "reconciliation.json",
      "feeds/rpjmd_indikator.parquet",
      "feeds/rpjmd_indikator.xlsx",
      "feeds/rpjmd_indikator.schema.json",
      "feeds/rpjmd_indikator/kode_wilayah=6403/tahun=2024/data_0.parquet",
      "site/index.html",
    ]) {
      expect(a, f).toContain(f);
    }
  });

  it("write every file byte for byte the same, except the warehouse", async () => {
    const names = (await files(outs[0]!)).filter((f) => f !== WAREHOUSE_FILE);
    const differ: string[] = [];
    for (const f of names) {
      const [x, y] = await Promise.all(outs.map((o) => readFile(join(o, f))));
      if (!x!.equals(y!)) differ.push(f);
    }
    expect(differ).toEqual([]);
    expect(names.length).toBeGreaterThan(30);
  });
});
