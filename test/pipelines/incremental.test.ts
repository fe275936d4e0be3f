/**
 * No-op rebuilds (issue #14): a build over the same sources with the same code keeps the
 * published tree and loads nothing; a change in one file's content builds again. Load-only
 * builds of a small synthetic set (the full steps take the same path, see build.ts).
 */
import { appendFile, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILDS_DIR, build, currentTree } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { generate } from "../../pipelines/synth/generate.js";

describe("rebuild without changes", () => {
  it("keeps the published tree, then builds again when one file changes", async () => {
    const src = await mkdtemp(join(tmpdir(), "incr-src-"));
    const out = await mkdtemp(join(tmpdir(), "incr-out-"));
    await generate({ regions: 1, years: 1, outDir: src, seed: 5, subKegiatan: 20 });
    const opts = { sourcesDir: src, outDir: out, only: "load", incremental: true } as const;

    await build({ ...opts, log: () => {} });
    const first = await currentTree(out);
    const logs: string[] = [];
    await build({ ...opts, log: (l) => logs.push(l) });
    expect(logs).toEqual([expect.stringMatching(/^✔ tidak ada perubahan/)]);
    expect(await currentTree(out)).toBe(first);
    expect(await readdir(join(out, BUILDS_DIR))).toEqual([first!.split("/").pop()]);

    // One more line in one file: a different content hash, so a real build with its own tree.
    const umk = (await readdir(join(src, "plans"), { recursive: true })).find((f) => f.endsWith(".csv"))!;
    await appendFile(join(src, "plans", umk), "\n");
    const again: string[] = [];
    await build({ ...opts, log: (l) => again.push(l) });
    expect(again.some((l) => l.startsWith("✔ load:"))).toBe(true);
    const second = await currentTree(out);
    expect(second).not.toBe(first);
    const db = await Db.open(join(second!, "warehouse.duckdb"), { readOnly: true });
    expect(await db.value<string>(`SELECT count(*)::VARCHAR FROM meta.sidik_build`)).toBe("1");
    db.close();

    // Asked for a full rebuild, it builds even though nothing changed.
    await build({ ...opts, incremental: false, log: () => {} });
    expect(await currentTree(out)).not.toBe(second);
  });
});
