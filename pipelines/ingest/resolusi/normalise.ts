/**
 * Resolutions: a decision without its reason, author or date is not a decision, so those rows fail the
 * load naming the cell; the id itself is checked against the findings later (a resolution that matches
 * nothing is reported by the reconciliation, not rejected here, so old decisions stay visible).
 */
import { z } from "zod";
import type { Db } from "../../lib/duckdb.js";
import { SourceError, type SourceProblem } from "../../lib/errors.js";
import type { Family } from "../family.js";
import { keputusan } from "./layout.js";

const Row = z.object({
  id: z.string({ error: "id temuan/keluarga kosong" }).min(1),
  alasan: z.string({ error: "alasan wajib diisi" }).min(1),
  oleh: z.string({ error: "nama yang memutuskan wajib diisi" }).min(1),
  tanggal: z.string({ error: "tanggal wajib diisi" }).regex(/^\d{4}-\d{2}-\d{2}$/, "tanggal harus berformat YYYY-MM-DD"),
});

async function normalise(db: Db): Promise<void> {
  const rows = await db.all<Record<string, string | null> & { source_file: string; source_row: number }>(
    `SELECT source_file, source_row, id, alasan, oleh, tanggal FROM raw.resolusi_keputusan ORDER BY source_file, source_row`,
  );
  const problems: SourceProblem[] = [];
  for (const r of rows) {
    const parsed = Row.safeParse({ id: r.id ?? undefined, alasan: r.alasan ?? undefined, oleh: r.oleh ?? undefined, tanggal: r.tanggal ?? undefined });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const column = String(issue.path[0]);
      problems.push({ file: r.source_file, row: Number(r.source_row), column, reason: issue.message, text: r[column] ?? null });
    }
  }
  if (problems.length) throw new SourceError(problems);
}

export const resolusi: Family = { name: "resolusi", layouts: [keputusan], normalise };
