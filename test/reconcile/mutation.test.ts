/**
 * Mutation test, at masalah level: copy the bundled sources, change one randomly chosen numeric cell
 * that an identity check covers, rebuild (load -> models -> check, no output files), and require
 * exactly one masalah that is new or changed against the shared clean build, naming that file, row
 * and column, and, when it locates a single cell, locating that one. Seeded and reproducible:
 * MUTATION_SEED and MUTATION_COUNT override the defaults. Each mutation is a rebuild, so `npm test`
 * runs a few; `MUTATION_COUNT=50 npx vitest run test/reconcile/mutation.test.ts` runs a campaign.
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
// Each mutation is a rebuild (load -> models -> check): `npm test` runs 3; the campaign runs more, e.g.
// MUTATION_COUNT=50 npx vitest run test/reconcile/mutation.test.ts
const COUNT = Number(process.env.MUTATION_COUNT ?? 3);
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

/** Every masalah with what it consists of: a changed masalah has another signature. */
const SIGNATURES = `
  SELECT m.masalah_id, m.keparahan || '|' || string_agg(t.temuan_id || ':' || t.keparahan || ':' || coalesce(t.nilai_aktual::VARCHAR, '') || ':' ||
         coalesce(t.nilai_diharapkan::VARCHAR, ''), ',' ORDER BY t.temuan_id) AS tanda
  FROM recon.masalah m JOIN recon.temuan t USING (masalah_id) GROUP BY m.masalah_id, m.keparahan`;

let clean: Db;
let cells: Cell[];
let baseline: Map<string, string>;
beforeAll(async () => {
  clean = await openSharedWarehouse();
  baseline = new Map((await clean.all<{ masalah_id: string; tanda: string }>(SIGNATURES)).map((r) => [r.masalah_id, r.tanda]));
  // The cells identity checks looked at: members of their items, and the cells a check lists apart (recon.sel_dicek).
  cells = await clean.all<Cell>(`
    WITH dicek AS (
      SELECT e.check_id, u.a.source_file AS source_file, u.a.source_row AS source_row, u.a.kolom AS kolom, u.a.nilai AS nilai
      FROM recon.evaluasi e, unnest(e.anggota) AS u(a)
      UNION ALL SELECT check_id, source_file, source_row, kolom, nilai FROM recon.sel_dicek
    )
    SELECT DISTINCT a.source_file, a.source_row, a.kolom, sc.source_column, sc.posisi
    FROM dicek a
    JOIN raw.source_columns sc ON sc.source_file = a.source_file AND sc.kolom = a.kolom
    JOIN raw.source_files f ON f.source_file = a.source_file
    WHERE a.check_id IN (${IDENTITY_CHECKS.map((c) => `'${c}'`).join(", ")})
      AND f.format = 'csv' AND f.salinan_dari IS NULL AND a.nilai IS NOT NULL
      -- A printed "-" read as zero is a number only by convention: mutate written figures.
      AND NOT EXISTS (SELECT 1 FROM raw.cell_flags c WHERE c.source_file = a.source_file
                      AND c.source_row = a.source_row AND c.kolom = a.kolom)
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
    it(`mutation ${i + 1} (seed ${SEED}) yields exactly one new masalah, located to the cell`, async () => {
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

      const db = await checkedWarehouse(dir, { files: false });
      const what = `${cell.source_file} baris ${cell.source_row} kolom ${cell.source_column}: "${before}" -> "${after}"`;
      try {
        const changed = (await db.all<{ masalah_id: string; tanda: string }>(SIGNATURES)).filter((m) => baseline.get(m.masalah_id) !== m.tanda);
        expect(changed.map((m) => m.masalah_id), what).toHaveLength(1);
        const id = changed[0]!.masalah_id;
        const named = await db.all(`
          SELECT 1 FROM recon.sel WHERE masalah_id = '${id}' AND source_file = '${cell.source_file}' AND source_row = ${cell.source_row}
            AND source_column = '${cell.source_column.replace(/'/g, "''")}'`);
        expect(named.length, `${what}: masalah ${id} names the cell`).toBeGreaterThan(0);
        const [m] = await db.all<{ lokasi_berkas: string | null; lokasi_baris: number | null; lokasi_kolom: string | null }>(`
          SELECT lokasi_berkas, lokasi_baris, lokasi_kolom FROM recon.masalah WHERE masalah_id = '${id}'`);
        if (m!.lokasi_berkas !== null) expect(m, `${what}: located`).toEqual({ lokasi_berkas: cell.source_file, lokasi_baris: cell.source_row, lokasi_kolom: cell.source_column });
      } finally {
        db.close();
      }
      // one rebuild: ~6 s on an idle machine, minutes on a loaded 2-core one
    }, 600_000);
  }
});
