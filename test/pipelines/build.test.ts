import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { litter } from "../helpers/outputs.js";
import { sharedBuildCopy } from "../helpers/shared-build.js";
import { copySources } from "../helpers/warehouse.js";

const quiet = () => {};
let out: string;

async function fileHash(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

beforeAll(async () => {
  // The shared build of sources/, copied because the failure tests below aim at this folder.
  out = await sharedBuildCopy();
});

describe("build", () => {
  it("puts provenance on every row of every raw table", async () => {
    const db = await Db.open(join(out, WAREHOUSE_FILE));
    try {
      const tables = await db.all<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'raw' AND table_name <> 'source_columns'`,
      );
      expect(tables.length).toBeGreaterThan(10);
      for (const { t } of tables) {
        const missing = await db.value<string>(
          `SELECT count(*)::VARCHAR FROM raw."${t}" WHERE source_file IS NULL OR source_sha256 IS NULL
             ${t === "source_files" ? "" : "OR source_row IS NULL OR source_row < 1"}`,
        );
        expect({ table: t, missing }).toEqual({ table: t, missing: "0" });
      }
      const unknownFiles = await db.value<string>(`
        SELECT count(*)::VARCHAR FROM (SELECT source_file, source_sha256 FROM raw.stated_totals
          UNION SELECT source_file, source_sha256 FROM raw.cell_flags) x
        ANTI JOIN raw.source_files f USING (source_file, source_sha256)`);
      expect(unknownFiles).toBe("0");
    } finally {
      db.close();
    }
  });

  it("leaves the previous warehouse untouched and names file, row and column when a source is corrupt", async () => {
    const before = await fileHash(join(out, WAREHOUSE_FILE));
    const broken = await copySources();
    const path = join(broken, "ak1/rekap_pencari_kerja_2024.csv");
    const lines = (await readFile(path, "utf8")).split("\n");
    lines[7] = lines[7]!.replace(",2218,", ",2.2.18,"); // row 8 (SMU), Yang Terdaftar / L
    await writeFile(path, lines.join("\n"));

    await expect(build({ sourcesDir: broken, outDir: out, log: quiet })).rejects.toThrow(
      /ak1\/rekap_pencari_kerja_2024\.csv, baris 8, kolom "Yang Terdaftar \/ L": angka tidak dapat dibaca.*"2\.2\.18"/,
    );
    expect(await fileHash(join(out, WAREHOUSE_FILE))).toBe(before);
    expect(await litter(out)).toEqual([]);
  });

  it("rejects a catalogue that names a missing file, before touching the warehouse", async () => {
    const before = await fileHash(join(out, WAREHOUSE_FILE));
    const broken = await copySources();
    const catalogue = join(broken, "catalogue.csv");
    await writeFile(catalogue, (await readFile(catalogue, "utf8")).replace("hi/keterangan_2024.csv", "hi/keterangan_2042.csv"));
    await expect(build({ sourcesDir: broken, outDir: out, log: quiet })).rejects.toThrow(/catalogue\.csv, baris \d+, kolom "path".*keterangan_2042/);
    expect(await fileHash(join(out, WAREHOUSE_FILE))).toBe(before);
  });
});
