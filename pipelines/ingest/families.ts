import type { Family } from "./family.js";
import { ak1 } from "./ak1/normalise.js";
import { bps } from "./bps/normalise.js";
import { budget } from "./budget/normalise.js";
import { hi } from "./hi/normalise.js";
import { lkjip } from "./lkjip/normalise.js";
import { plans } from "./plans/normalise.js";
import { resolusi } from "./resolusi/normalise.js";

/** Every family the pipeline knows; the catalogue's `family` column names one of these. */
export const FAMILIES: Family[] = [bps, ak1, hi, budget, plans, lkjip, resolusi];
