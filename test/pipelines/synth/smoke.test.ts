/**
 * CI smoke of the national-scale path (issue #14) at its smallest size: one synthetic region
 * through load, models and checks. No timing assertions (benchmarks are `npm run bench`).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../../pipelines/synth/generate.js";
import { checkedWarehouse } from "../../helpers/pipeline.js";

type Cell = {
  source_file: string;
  source_row: number;
  source_column: string;
};

describe("one synthetic region", () => {
  it("a clean region (a whole kabupaten's Lampiran C) gives no error or warning finding", async () => {
    const dir = await mkdtemp(join(tmpdir(), "smoke-"));
    const r = await generate({ regions: 1, years: 1, outDir: dir, seed: 3 });
    const db = await checkedWarehouse(dir);
    const loaded = await db.value<string>(`SELECT sum(data_rows)::VARCHAR FROM raw.source_files`);
    expect(Number(loaded)).toBe(r.dataRows);
    const findings = await db.all<{ keparahan: string; n: string }>(
      `SELECT keparahan, count(*)::VARCHAR AS n FROM recon.temuan WHERE keparahan IN ('error', 'warning') GROUP BY ALL`,
    );
    expect(findings).toEqual([]);
    db.close();
    // A whole kabupaten's export (3.000 sub-kegiatan): a hang guard for a loaded machine, not a timing.
  }, 240_000);

  it("every injected conflict is found, at its cell", async () => {
    const dir = await mkdtemp(join(tmpdir(), "smoke-"));
    const r = await generate({ regions: 1, years: 1, outDir: dir, seed: 3, conflictRate: 1, subKegiatan: 100 });
    expect(r.conflicts.map((c) => c.kind).sort()).toEqual(["arus_pencaker", "keluarga_angka", "pohon_anggaran"]);
    const db = await checkedWarehouse(dir);
    const cells = await db.all<Cell>(`SELECT DISTINCT c.source_file, c.source_row, c.source_column
      FROM (SELECT unnest(nilai_konflik) AS c FROM recon.temuan WHERE keparahan IN ('error', 'warning'))`);
    const named = new Set(cells.map((c) => `${c.source_file}|${c.source_row}|${c.source_column}`));
    expect(r.conflicts.filter((c) => !named.has(`${c.file}|${c.row}|${c.column}`))).toEqual([]);
    db.close();
  }, 240_000);
});
