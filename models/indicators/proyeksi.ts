/**
 * Renstra trajectories: ordinary least squares on the realised years and the annual change still
 * needed to reach a target, exact.
 *
 * The slope is computed from exact sums, (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), and a projection as one
 * fraction over those sums, so each result is rounded once (at decimal.js's 40 significant digits),
 * never accumulated through a float or through a rounded mean. With 2 or 3 yearly points whose
 * results terminate (e.g. 2022..2024) the values are exact.
 *
 * A line needs two distinct years: from one point (or points all in one year) there is no
 * regression and the functions say so (null) rather than extrapolating flat.
 */
import { dec, type Dec } from "./exact.js";

export interface Titik {
  x: Dec;
  y: Dec;
}

export interface Regresi {
  /** Number of points the line rests on. */
  n: number;
  /** Change per unit of x (per year). */
  kemiringan: Dec;
  /** Value of the line at x = 0. */
  intersep: Dec;
  /** Value of the line at x, computed as one fraction of the exact sums. */
  proyeksi(x: Dec): Dec;
}

export function regresiLinear(titik: readonly Titik[]): Regresi | null {
  const n = titik.length;
  if (n < 2) return null;
  let sx = dec(0);
  let sy = dec(0);
  let sxy = dec(0);
  let sxx = dec(0);
  for (const { x, y } of titik) {
    sx = sx.plus(x);
    sy = sy.plus(y);
    sxy = sxy.plus(x.times(y));
    sxx = sxx.plus(x.times(x));
  }
  const pembilang = sxy.times(n).minus(sx.times(sy));
  const penyebut = sxx.times(n).minus(sx.times(sx));
  // All x equal: no line through them (vertical), e.g. two vintages of one year.
  if (penyebut.isZero()) return null;
  return {
    n,
    kemiringan: pembilang.div(penyebut),
    intersep: sy.times(penyebut).minus(pembilang.times(sx)).div(penyebut.times(n)),
    // y(x0) = ȳ + b (x0 − x̄) = (Σy·D + N·(n·x0 − Σx)) / (n·D), with b = N / D.
    proyeksi: (x0: Dec) => sy.times(penyebut).plus(pembilang.times(x0.times(n).minus(sx))).div(penyebut.times(n)),
  };
}

/**
 * Points as they cross the SQL boundary: "x:y;x:y" (e.g. "2022:79.29;2023:81.8"), the text a
 * `string_agg(tahun || ':' || nilai, ';')` gives. Malformed text is an error, not a skipped point.
 */
export function parseTitik(text: string): Titik[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  return trimmed.split(";").map((p) => {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/.exec(p);
    if (!m) throw new Error(`titik regresi tidak terbaca: "${p}" (bentuk yang diharapkan "tahun:nilai")`);
    return { x: dec(m[1]!), y: dec(m[2]!) };
  });
}

/**
 * The change per year needed to go from `dari` (the latest realisation) to `ke` (the target) in
 * `tahun` years. Signed: negative when the value must fall (a lower-is-better target, or a
 * positive indicator already above it). No years left gives null: the deadline has passed.
 */
export function perubahanPerTahun(dari: Dec, ke: Dec, tahun: Dec): Dec | null {
  if (tahun.lessThanOrEqualTo(0)) return null;
  return ke.minus(dari).div(tahun);
}
