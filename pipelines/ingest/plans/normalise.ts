/** Placeholder until the plans family's layouts are written (see pipelines/ingest/ak1 for the pattern). */
import type { Family } from "../family.js";

export const plans: Family = { name: "plans", layouts: [], normalise: async () => {} };
