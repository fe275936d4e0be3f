/**
 * The optional Parquet export reads back equal to the warehouse: every raw table of a small
 * synthetic build (two regions, two years), partitioned kode_wilayah=/tahun=, through DuckDB's
 * read_parquet with hive_partitioning. Marts take the same code path (writeParquet).
 */
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, currentTree } from "../../../pipelines/build.js";
import { Db, sqlString } from "../../../pipelines/lib/duckdb.js";
import { generate } from "../../../pipelines/synth/generate.js";

describe("Hive-partitioned Parquet", () => {
  it("reads back equal to each warehouse table, one folder per region and year", async () => {
    const src = await mkdtemp(join(tmpdir(), "parquet-src-"));
    const out = await mkdtemp(join(tmpdir(), "parquet-out-"));
    await generate({ regions: 2, years: 2, outDir: src, seed: 7, subKegiatan: 20 });
    await build({ sourcesDir: src, outDir: out, only: "load", log: () => {} });
    await build({ sourcesDir: src, outDir: out, only: "parquet", log: () => {} });
    const tree = (await currentTree(out))!;
    const lampiran = await readdir(join(tree, "parquet", "raw", "budget_lampiran_c"), { recursive: true });
    expect(lampiran.filter((p) => p.endsWith(".parquet")).map((p) => p.split("/").slice(0, 2).join("/")).sort()).toEqual([
      "kode_wilayah=1101/tahun=2023",
      "kode_wilayah=1101/tahun=2024",
      "kode_wilayah=1201/tahun=2023",
      "kode_wilayah=1201/tahun=2024",
    ]);

    const db = await Db.open(join(tree, "warehouse.duckdb"), { readOnly: true });
    const written = await db.all<{ target: string; input: string }>(`SELECT target, input FROM meta.lineage WHERE step = 'parquet' ORDER BY 1`);
    expect(written.length).toBeGreaterThan(5);
    for (const { target, input } of written) {
      const path = join(tree, target);
      const reader = target.endsWith("/")
        ? `read_parquet(${sqlString(`${path}**/*.parquet`)}, hive_partitioning = true, hive_types = {'kode_wilayah': VARCHAR, 'tahun': INTEGER})`
        : `read_parquet(${sqlString(path)})`;
      const cols = (await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${input})`)).map((c) => `"${c.column_name}"`).join(", ");
      const diff = await db.value<string>(`SELECT ((SELECT count(*) FROM (SELECT ${cols} FROM ${input} EXCEPT ALL SELECT ${cols} FROM ${reader}))
        + (SELECT count(*) FROM (SELECT ${cols} FROM ${reader} EXCEPT ALL SELECT ${cols} FROM ${input})))::VARCHAR`);
      expect(diff, target).toBe("0");
    }
    expect(Number(await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.budget_lampiran_c`))).toBeGreaterThan(0);
    db.close();
  });
});
