/** Decimal arithmetic for indicators: 40 significant digits, half-up; never JS floats. */
import { Decimal } from "decimal.js";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export function dec(v: string | number | Decimal | Dec): Dec {
  return new D(v.toString());
}
