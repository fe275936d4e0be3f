import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../../pipelines/lib/duckdb.js";
import { kindOf, recordLineage, recordOutputLineage, upstream } from "../../../pipelines/lib/lineage.js";

let db: Db;
beforeAll(async () => {
  db = await Db.open(":memory:");
});
afterAll(() => db?.close());

describe("lineage", () => {
  it("tells a node's kind by its schema or path", () => {
    expect(
      ["raw.ak1_rekap", "config.susunan_tabel", "staging.stg_ak1_rekap", "marts.tabel_3_16", "recon.temuan", "sources/ak1/x.csv", "tables/tabel_3_16.csv", "site/index.html"].map(kindOf),
    ).toEqual(["raw", "config", "model", "model", "table", "source", "file", "page"]);
  });

  it("replaces an output's hops when it is recorded again, and walks upstream to the sources", async () => {
    await recordLineage(db, [
      { target: "raw.a", targetKind: "raw", input: "sources/a.csv", inputKind: "source", via: "pipelines/ingest/x/layout.ts", step: "load" },
      { target: "marts.m", targetKind: "model", input: "raw.a", inputKind: "raw", via: "models/marts/m.sql", step: "models" },
    ]);
    await recordOutputLineage(db, "tables/m.csv", ["marts.m", "config.c"], { via: "pipelines/export/tables.ts", step: "export" });
    await recordOutputLineage(db, "tables/m.csv", ["marts.m"], { via: "pipelines/export/tables.ts", step: "export" });
    const hops = await upstream(db, "tables/m.csv");
    expect(hops.map((h) => `${h.target} <- ${h.input} (${h.via})`)).toEqual([
      "tables/m.csv <- marts.m (pipelines/export/tables.ts)",
      "marts.m <- raw.a (models/marts/m.sql)",
      "raw.a <- sources/a.csv (pipelines/ingest/x/layout.ts)",
    ]);
  });

  it("refuses an output recorded without inputs", async () => {
    await expect(recordOutputLineage(db, "tables/x.csv", [], { via: "x.ts", step: "export" })).rejects.toThrow(/tanpa masukan/);
  });
});
