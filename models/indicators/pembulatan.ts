/**
 * Display policy. The report mixes truncation (99,18 for 99,189) and rounding (72,06 for 72,059)
 * and caps some capaian at 100. Here the exact value is always kept; what is displayed follows a
 * named policy, and capping is an explicit option, off by default.
 */
import { D, type Dec } from "./exact.js";

export const KEBIJAKAN = {
  /** Round half up to 2 decimals: the default for every table this project writes. */
  bulat_2: { desimal: 2, cara: "bulat" },
  bulat_0: { desimal: 0, cara: "bulat" },
  /** Truncate, as most of the LKjIP 2024's capaian columns do. */
  potong_2: { desimal: 2, cara: "potong" },
  potong_0: { desimal: 0, cara: "potong" },
} as const;
export type Kebijakan = keyof typeof KEBIJAKAN;

export function tampilkan(nilai: Dec, kebijakan: Kebijakan = "bulat_2", batas100 = false): Dec {
  const { desimal, cara } = KEBIJAKAN[kebijakan];
  const v = batas100 && nilai.greaterThan(100) ? new D(100) : nilai;
  return v.toDecimalPlaces(desimal, cara === "bulat" ? D.ROUND_HALF_UP : D.ROUND_DOWN);
}

export type KelasPublikasi = "equal" | "rounding" | "differs";

/**
 * Compares a published figure with the exact recomputed value. `equal`: same number;
 * `rounding`: the published number is the exact value rounded or truncated to the decimals it is
 * printed with (or that value capped at 100, as the report does); `differs`: anything else.
 */
export function kelasPublikasi(published: Dec, desimal: number, exact: Dec): KelasPublikasi {
  if (published.equals(exact)) return "equal";
  const candidates = [exact.toDecimalPlaces(desimal, D.ROUND_HALF_UP), exact.toDecimalPlaces(desimal, D.ROUND_DOWN)];
  if (exact.greaterThan(100)) candidates.push(new D(100));
  return candidates.some((c) => c.equals(published)) ? "rounding" : "differs";
}
