import type { Family } from "./family.js";
import { ak1 } from "./ak1/normalise.js";

/** Every family the pipeline knows; the catalogue's `family` column names one of these. */
export const FAMILIES: Family[] = [ak1];
