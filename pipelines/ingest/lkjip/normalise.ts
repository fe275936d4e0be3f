/**
 * LKjIP: every figure column is a claim kept verbatim (teks_angka never fails to load), so there is
 * nothing to validate beyond what the shared reader does. Row context (table number, row order,
 * merged No / Sasaran cells) is added by the staging models (models/staging/stg_lkjip_*.sql) and
 * every claim cell is unpivoted by models/intermediate/int_lkjip_klaim.sql.
 */
import type { Family } from "../family.js";
import { LAYOUTS } from "./layout.js";

export const lkjip: Family = { name: "lkjip", layouts: LAYOUTS, normalise: async () => {} };
