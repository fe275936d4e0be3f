/** Placeholder until the budget family's layouts are written (see pipelines/ingest/ak1 for the pattern). */
import type { Family } from "../family.js";

export const budget: Family = { name: "budget", layouts: [], normalise: async () => {} };
