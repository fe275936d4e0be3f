/**
 * Two builds over the same sources write byte-identical outputs: every CSV, JSON, Parquet, XLSX,
 * Arrow and HTML file. Only outputs/warehouse.duckdb differs, because it records the run
 * (raw.source_files loaded_at and load_ms) and DuckDB's file layout is not canonical, and the build
 * stamp's time on each page ("Dibangun <waktu> UTC"), which says when the page was built by design;
 * README "What a build writes".
 */
import { mkdtemp, readdir, readFile, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { tableContents } from "../helpers/outputs.js";
import { sharedBuild } from "../helpers/shared-build.js";
import { SOURCES } from "../helpers/warehouse.js";

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The page stamp's clock time is the one run-specific text a page carries; everything else must match. */
function withoutBuildTime(page: Buffer): Buffer {
  return Buffer.from(page.toString("utf8").replace(/Dibangun \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, "Dibangun <waktu> UTC"), "utf8");
}

describe("two builds over the same sources", () => {
  const outs: string[] = [];

  beforeAll(async () => {
    // The second build runs at least a minute after the shared one, so anything stamped with the
    // clock (zip entries have a 2-second resolution) would differ.
    const b = await mkdtemp(join(tmpdir(), "build-b-"));
    await build({ sourcesDir: SOURCES, outDir: b, log: () => {} });
    // Compare the published trees (what `current` points to), not the build folders' names.
    outs.push(...(await Promise.all([sharedBuild(), b].map((o) => realpath(join(o, "current"))))));
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
      const [x, y] = (await Promise.all(outs.map((o) => readFile(join(o, f))))).map((b) => (f.endsWith(".html") ? withoutBuildTime(b) : b));
      if (!x!.equals(y!)) differ.push(f);
    }
    expect(differ).toEqual([]);
    expect(names.length).toBeGreaterThan(30);
  });

  it("hold the same contents in every warehouse table, except when and how long each load ran", async () => {
    const [a, b] = await Promise.all(outs.map((o) => tableContents(join(o, WAREHOUSE_FILE))));
    expect(Object.keys(a!).length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });
});
