/**
 * Mutation test: copy the bundled sources, change one randomly chosen numeric cell that an identity
 * check covers, rebuild, and require a finding that names that file, row and column. Seeded and
 * reproducible: MUTATION_SEED and MUTATION_COUNT override the defaults.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAngka } from "../../pipelines/lib/angka.js";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { checkedWarehouse } from "../helpers/pipeline.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";
import { copySources } from "../helpers/warehouse.js";

const SEED = Number(process.env.MUTATION_SEED ?? 20241231);
// Each mutation is a whole rebuild: `npm test` runs 4; the campaign runs more, e.g.
// MUTATION_COUNT=50 npx vitest run test/reconcile/mutation.test.ts
const COUNT = Number(process.env.MUTATION_COUNT ?? 4);
const IDENTITY_CHECKS = ["total_tercetak", "arus_pencaker", "pohon_anggaran"];

/** mulberry32: tiny, seedable, good enough to pick cells. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cell = {
  source_file: string;
  source_row: number;
  kolom: string;
  source_column: string;
  posisi: number;
};

/** The same number written the way the cell wrote it, shifted by `delta` units of its last digit. */
export function mutateText(text: string, delta: number): string | null {
  const m = /\d[\d.,]*\d|\d/.exec(text);
  if (!m) return null;
  const core = m[0];
  const a = parseAngka(core);
  if (a.kind !== "number" || a.scale) return null;
  const unit = new Decimal(10).pow(-a.decimals);
  const value = a.value.plus(unit.times(delta));
  if (value.isNegative()) return null;
  const grouped = core.includes(".") && a.decimals === 0 ? true : /\.\d{3}/.test(core);
  const [int, frac] = value.toFixed(a.decimals).split(".");
  const intText = grouped ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int!;
  const next = frac ? `${intText},${frac}` : intText;
  return text.slice(0, m.index) + next + text.slice(m.index + core.length);
}

function toCsv(records: string[][]): string {
  return `${records.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
}

let clean: Db;
let cells: Cell[];
beforeAll(async () => {
  clean = await openSharedWarehouse();
  cells = await clean.all<Cell>(`
    SELECT DISTINCT u.a.source_file AS source_file, u.a.source_row AS source_row, u.a.kolom AS kolom, sc.source_column, sc.posisi
    FROM recon.evaluasi e, unnest(e.anggota) AS u(a)
    JOIN raw.source_columns sc ON sc.source_file = u.a.source_file AND sc.kolom = u.a.kolom
    JOIN raw.source_files f ON f.source_file = u.a.source_file
    WHERE e.check_id IN (${IDENTITY_CHECKS.map((c) => `'${c}'`).join(", ")})
      AND f.format = 'csv' AND f.salinan_dari IS NULL AND u.a.nilai IS NOT NULL
      -- A printed "-" read as zero is a number only by convention: mutate written figures.
      AND NOT EXISTS (SELECT 1 FROM raw.cell_flags c WHERE c.source_file = u.a.source_file
                      AND c.source_row = u.a.source_row AND c.kolom = u.a.kolom)
    ORDER BY ALL`);
}, 120_000);
afterAll(() => clean?.close());

describe("mutation test", () => {
  it("has identity-covered cells to choose from", () => {
    expect(cells.length).toBeGreaterThan(100);
  });

  it("changes a text amount the way the sheet writes it", () => {
    expect(mutateText("15.094.099.333,00", 7)).toBe("15.094.099.333,07");
    expect(mutateText("587", 3)).toBe("590");
    expect(mutateText("(Rp. 989.390.100)", 1)).toBe("(Rp. 989.390.101)");
    expect(mutateText("1.100.000.000", 2)).toBe("1.100.000.002");
  });

  const random = prng(SEED);
  for (let i = 0; i < COUNT; i++) {
    const pick = random();
    const delta = 1 + Math.floor(random() * 97);
    it(`mutation ${i + 1} (seed ${SEED}) is named by a finding`, async () => {
      const cell = cells[Math.floor(pick * cells.length)]!;
      const dir = await copySources();
      const path = join(dir, cell.source_file);
      const records: string[][] = parse(await readFile(path, "utf8"), { relax_column_count: true, skip_empty_lines: false });
      const row = records[cell.source_row - 1]!;
      const before = row[cell.posisi - 1] ?? "";
      const after = mutateText(before, delta);
      expect(after, `cell ${cell.source_file} r${cell.source_row} ${cell.source_column} = "${before}" is numeric`).not.toBeNull();
      row[cell.posisi - 1] = after!;
      await writeFile(path, toCsv(records));

      const db = await checkedWarehouse(dir);
      try {
        const hits = await db.all(`
          SELECT DISTINCT t.temuan_id FROM recon.temuan t, unnest(t.nilai_konflik) AS u(m)
          WHERE u.m.source_file = '${cell.source_file}' AND u.m.source_row = ${cell.source_row}
            AND u.m.source_column = '${cell.source_column.replace(/'/g, "''")}'`);
        expect(hits.length, `${cell.source_file} baris ${cell.source_row} kolom ${cell.source_column}: "${before}" -> "${after}"`).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    }, 120_000);
  }
});
