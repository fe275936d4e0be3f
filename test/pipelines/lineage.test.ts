/**
 * meta.lineage on the shared build: every file the build wrote (tables, feeds, reconciliation,
 * notebook pages) walks back hop by hop to raw tables and to the source files they were loaded
 * from, and no hop ends at a relation nobody records how it was made.
 */
import { readdir, realpath } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { upstream } from "../../pipelines/lib/lineage.js";
import { openSharedWarehouse, sharedBuild } from "../helpers/shared-build.js";

let db: Db;
let outputs: string[];
beforeAll(async () => {
  db = await openSharedWarehouse();
  // The published tree `current` points to (the build folder's name is not an output).
  const dir = await realpath(join(sharedBuild(), "current"));
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  outputs = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    // site/assets/ holds the notebooks' client code bundled from node_modules: code, not figures.
    .filter((f) => f !== "warehouse.duckdb" && !f.startsWith("site/assets/"))
    .sort();
});
afterAll(() => db?.close());

describe("lineage of every output", () => {
  it("covers every file the build wrote", async () => {
    expect(outputs.length).toBeGreaterThan(30);
    const recorded = (await db.all<{ target: string }>(`SELECT DISTINCT target FROM meta.lineage`)).map((r) => r.target);
    // A partitioned export is recorded as its folder ("feeds/x/").
    const covered = (f: string) => recorded.some((t) => t === f || (t.endsWith("/") && f.startsWith(t)));
    expect(outputs.filter((f) => !covered(f))).toEqual([]);
  });

  it("walks from each output back to raw tables and source files, with no dead end", async () => {
    const made = new Set((await db.all<{ target: string }>(`SELECT DISTINCT target FROM meta.lineage`)).map((r) => r.target));
    const recorded = [...made].filter((t) => t.includes("/"));
    const targets = [...new Set(outputs.map((f) => (made.has(f) ? f : recorded.find((t) => t.endsWith("/") && f.startsWith(t)) ?? f)))];
    for (const output of targets) {
      const hops = await upstream(db, output);
      const inputs = new Set(hops.map((h) => h.input));
      const deadEnds = [...inputs].filter((i) => !made.has(i) && !i.startsWith("sources/") && !i.startsWith("config."));
      expect({ output, deadEnds }).toEqual({ output, deadEnds: [] });
      expect({ output, raw: [...inputs].some((i) => i.startsWith("raw.")) }).toEqual({ output, raw: true });
      expect({ output, sources: [...inputs].some((i) => i.startsWith("sources/")) }).toEqual({ output, sources: true });
    }
  });

  it("names each hop of Tabel 3.16's placement rate from the AK-I recap to the CSV", async () => {
    const hops = await upstream(db, "tables/tabel_3_16.csv");
    const path = (from: string) => hops.filter((h) => h.target === from).map((h) => h.input);
    expect(path("tables/tabel_3_16.csv")).toEqual(["config.ekspor_tabel", "marts.tabel_3_16"]);
    expect(hops.find((h) => h.target === "marts.tabel_3_16")?.via).toBe("models/marts/tabel_3_16.sql");
    expect(hops.some((h) => h.target === "raw.ak1_rekap" && h.input === "sources/ak1/rekap_pencari_kerja_2024.csv")).toBe(true);
  });
});
