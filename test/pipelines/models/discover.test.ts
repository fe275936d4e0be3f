import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOrder, discoverModels, referencedRelations, type Model } from "../../../pipelines/models/discover.js";
import { MODELS_DIR } from "../../../pipelines/models/run.js";

const model = (name: string, reads: string[]): Model => ({
  name,
  layer: name.split(".")[0] as Model["layer"],
  file: `models/${name.replace(".", "/")}.sql`,
  sql: "select 1",
  header: "Grain: test",
  reads,
});

describe("model discovery", () => {
  it("takes dependencies from SQL code, not from comments or strings", () => {
    const sql = `-- reads staging.not_this
      select * from staging.stg_a a join "intermediate".int_b using (k)
      where x = 'marts.not_this_either' /* raw.nor_this */ and y in (select 1 from raw.ak1_rekap)`;
    expect(referencedRelations(sql)).toEqual(["intermediate.int_b", "raw.ak1_rekap", "staging.stg_a"]);
  });

  it("orders models after what they read, and fails on cycles and unknown inputs", () => {
    const order = buildOrder(
      [model("marts.z", ["intermediate.y"]), model("intermediate.y", ["staging.x"]), model("staging.x", ["raw.t"])],
      new Set(["raw.t"]),
    );
    expect(order.map((m) => m.name)).toEqual(["staging.x", "intermediate.y", "marts.z"]);
    expect(() => buildOrder([model("staging.a", ["staging.b"]), model("staging.b", ["staging.a"])], new Set())).toThrow(/melingkar/);
    expect(() => buildOrder([model("staging.a", ["raw.missing"])], new Set())).toThrow(/raw\.missing/);
  });

  it("picks up a new model file and orders it after the model it reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "models-"));
    await cp(MODELS_DIR, dir, { recursive: true });
    await mkdir(join(dir, "marts"), { recursive: true });
    await writeFile(
      join(dir, "marts", "aaa_new_mart.sql"),
      "-- Grain: one row per region and year.\nselect kode_wilayah, tahun, count(*) as n from intermediate.int_ak1_arus_pencaker group by all\n",
    );
    const models = await discoverModels(dir);
    // Without a warehouse, every raw/config table a model names is taken to exist.
    const external = new Set(models.flatMap((m) => m.reads.filter((r) => /^(raw|config)\./.test(r))));
    const order = buildOrder(models, external).map((m) => m.name);
    expect(order).toContain("marts.aaa_new_mart");
    expect(order.indexOf("marts.aaa_new_mart")).toBeGreaterThan(order.indexOf("intermediate.int_ak1_arus_pencaker"));
    expect(order.indexOf("intermediate.int_ak1_arus_pencaker")).toBeGreaterThan(order.indexOf("staging.stg_ak1_rekap"));
  });

  it("requires every model to open with a header comment stating its grain", async () => {
    for (const m of await discoverModels(MODELS_DIR)) expect(m.header, m.file).toMatch(/grain/i);
  });
});
