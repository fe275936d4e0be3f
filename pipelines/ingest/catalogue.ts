/** The source catalogue (sources/catalogue.csv): which files exist and how each is read. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { SourceError } from "../lib/errors.js";

export const CatalogueEntry = z.object({
  path: z.string().min(1),
  family: z.string().min(1),
  layout: z.string().regex(/^[a-z0-9]+\.[a-z0-9_]+$/),
  kode_wilayah: z
    .string()
    .regex(/^(\d{2}|\d{4})?$/, "kode wilayah BPS harus 2 digit (provinsi) atau 4 digit (kab/kota)")
    .transform((v) => (v === "" ? null : v)),
  tahun: z
    .string()
    .regex(/^(\d{4})?$/, "tahun harus 4 digit")
    .transform((v) => (v === "" ? null : Number(v))),
  format: z.enum(["csv", "xlsx"]),
  rujukan: z.string(),
  judul: z.string(),
  catatan: z.string(),
  /** Set when this file is the same data as another in a different format (e.g. the XLSX of a CSV). */
  salinan_dari: z.string().transform((v) => (v === "" ? null : v)),
  /**
   * Optional column: "ya" when the file legitimately holds no data rows (e.g. no case that year).
   * Any other file without data rows fails the build: an empty recap must never pass silently.
   */
  kosong_sah: z
    .enum(["", "ya", "tidak"], { message: "kosong_sah diisi 'ya', 'tidak' atau dikosongkan" })
    .optional()
    .transform((v) => v === "ya"),
});
export type CatalogueEntry = z.output<typeof CatalogueEntry>;

export const CATALOGUE_FILE = "catalogue.csv";

export async function readCatalogue(sourcesDir: string): Promise<CatalogueEntry[]> {
  const file = join(sourcesDir, CATALOGUE_FILE);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new SourceError([{ file: CATALOGUE_FILE, reason: missing ? `katalog sumber tidak ada di ${sourcesDir}` : "katalog bukan teks UTF-8 yang sah" }]);
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true });
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    const reason =
      e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
        ? "jumlah kolom baris ini berbeda dengan baris judul katalog"
        : /QUOTE/.test(e.code ?? "")
          ? "tanda kutip (\") tidak seimbang di baris ini"
          : `katalog tidak dapat dibaca (${e.code ?? "CSV"})`;
    throw new SourceError([{ file: CATALOGUE_FILE, row: e.lines ?? null, reason }]);
  }
  if (records.length === 0) {
    throw new SourceError([{ file: CATALOGUE_FILE, reason: "katalog tidak mencatat satu berkas pun (kosong atau hanya baris judul)" }]);
  }
  const header = Object.keys(records[0]!);
  const missingColumns = Object.keys(CatalogueEntry.shape).filter((k) => !CatalogueEntry.shape[k as keyof typeof CatalogueEntry.shape].isOptional() && !header.includes(k));
  if (missingColumns.length) {
    throw new SourceError([{ file: CATALOGUE_FILE, row: 1, reason: `kolom katalog tidak ada: ${missingColumns.join(", ")}` }]);
  }
  const problems = records.flatMap((rec, i) => {
    const r = CatalogueEntry.safeParse(rec);
    return r.success
      ? []
      : r.error.issues.map((iss) => ({
          file: CATALOGUE_FILE,
          row: i + 2,
          column: String(iss.path[0] ?? ""),
          reason: iss.message,
          text: String(rec[String(iss.path[0])] ?? ""),
        }));
  });
  if (problems.length) throw new SourceError(problems);
  const entries = records.map((rec) => CatalogueEntry.parse(rec));
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (seen.has(e.path)) throw new SourceError([{ file: CATALOGUE_FILE, row: i + 2, column: "path", reason: "berkas tercatat dua kali", text: e.path }]);
    seen.add(e.path);
  }
  return entries;
}
