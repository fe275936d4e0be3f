/**
 * Capaian (achievement %) as the LKjIP defines it (BAB III.1):
 *   positive indicator (higher is better):  realisasi / target x 100
 *   negative indicator (lower is better):   (target - (realisasi - target)) / target x 100
 * The direction is declared per indicator in sources/plans/manual_iku.csv, never guessed.
 * Values are exact; display rounding and capping are separate (see pembulatan.ts).
 */
import { D, dec, type Dec } from "./exact.js";

export type Arah = "positif" | "negatif" | "rentang";

export type Capaian = { ok: true; nilai: Dec } | { ok: false; alasan: string };

export function capaian(realisasi: Dec, target: Dec, arah: "positif" | "negatif"): Capaian {
  if (target.isZero()) return { ok: false, alasan: "target nol: capaian tidak terdefinisi" };
  const nilai =
    arah === "positif"
      ? realisasi.div(target).times(100)
      : target.minus(realisasi.minus(target)).div(target).times(100);
  return { ok: true, nilai };
}

/**
 * Range target (e.g. inflation 1,5%-3,5%): inside the range is 100; above it the excess is
 * penalised like a negative indicator against the upper bound, below it the shortfall like a
 * positive indicator against the lower bound. The report itself prints 100 without a rule.
 */
export function capaianRentang(realisasi: Dec, bawah: Dec, atas: Dec): Capaian {
  if (bawah.greaterThan(atas)) return { ok: false, alasan: "batas bawah rentang lebih besar dari batas atas" };
  if (realisasi.greaterThanOrEqualTo(bawah) && realisasi.lessThanOrEqualTo(atas)) return { ok: true, nilai: new D(100) };
  return realisasi.greaterThan(atas) ? capaian(realisasi, atas, "negatif") : capaian(realisasi, bawah, "positif");
}

/** A ratio in percent (pembilang / penyebut x 100), exact. */
export function persen(pembilang: Dec, penyebut: Dec): Dec | null {
  return penyebut.isZero() ? null : pembilang.div(penyebut).times(100);
}

/** Parses a range target as printed: "1,5% - 3,5%" or "1,5-3,5". */
export function parseRentang(text: string): { bawah: Dec; atas: Dec } | null {
  const m = /(\d+(?:,\d+)?)\s*%?\s*[-–]\s*(\d+(?:,\d+)?)\s*%?/.exec(text);
  if (!m) return null;
  return { bawah: dec(m[1]!.replace(",", ".")), atas: dec(m[2]!.replace(",", ".")) };
}
