/** The check catalogue (models/checks/katalog.csv): the one place every check is declared. */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { SourceError } from "../lib/errors.js";

export const CheckEntry = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "id cek harus snake_case"),
  jenis: z.string().min(1),
  keparahan: z.enum(["error", "warning", "rounding"]),
  membaca: z.string().min(1, "kolom membaca wajib diisi: tabel dan kolom yang dibaca cek"),
  implementasi: z.string().regex(/^(sql:[a-z0-9_]+\.sql|ts:[a-z_]+)$/, "implementasi harus sql:<berkas>.sql atau ts:<nama>"),
  deskripsi_id: z.string().min(1),
  deskripsi_en: z.string().min(1),
});
export type CheckEntry = z.output<typeof CheckEntry>;

export async function readCheckCatalogue(path: string, label: string): Promise<CheckEntry[]> {
  const records: Record<string, string>[] = parse(await readFile(path, "utf8"), { columns: true, bom: true });
  const problems = records.flatMap((rec, i) => {
    const r = CheckEntry.safeParse(rec);
    return r.success
      ? []
      : r.error.issues.map((iss) => ({ file: label, row: i + 2, column: String(iss.path[0] ?? ""), reason: iss.message, text: rec[String(iss.path[0])] ?? null }));
  });
  if (problems.length) throw new SourceError(problems);
  const entries = records.map((r) => CheckEntry.parse(r));
  const ids = entries.map((e) => e.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new SourceError([{ file: label, column: "id", reason: "id cek ganda", text: dup }]);
  return entries;
}
