/**
 * The Permendagri 86/2017 rating scale (LKjIP Tabel 3.1), read from models/config/skala_kinerja.csv.
 *
 * The published intervals leave gaps (90-91, 75-76, 65-66, 50-51) and stop at 100. Rule used here,
 * stated once: each band starts at its lower bound (inclusive) and runs up to the next band's lower
 * bound (exclusive), so 90,5 is Tinggi and 75,5 is Sedang; capaian above 100 stays Sangat Tinggi.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { dec, type Dec } from "./exact.js";

const Band = z.object({
  kriteria: z.string().min(1),
  batas_bawah: z.string().transform((v) => (v === "" ? null : dec(v))),
  kode_warna: z.string(),
  warna: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Band = z.output<typeof Band>;

export const SKALA_FILE = resolve(import.meta.dirname, "../config/skala_kinerja.csv");

export function loadSkala(path = SKALA_FILE): Band[] {
  const rows = parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];
  const bands = rows.map((r) => Band.parse(r));
  // Highest band first; exactly one open-ended bottom band.
  const rank = (b: Band) => b.batas_bawah ?? dec(-Infinity);
  bands.sort((a, b) => rank(b).comparedTo(rank(a)));
  if (bands.filter((b) => b.batas_bawah === null).length !== 1) throw new Error(`${path}: harus ada tepat satu kriteria tanpa batas bawah`);
  return bands;
}

let cached: Band[] | null = null;

export function kriteria(capaianPersen: Dec, skala: Band[] = (cached ??= loadSkala())): Band {
  return skala.find((b) => b.batas_bawah === null || capaianPersen.greaterThanOrEqualTo(b.batas_bawah))!;
}
