/** Placeholder until the bps family's layouts are written (see pipelines/ingest/ak1 for the pattern). */
import type { Family } from "../family.js";

export const bps: Family = { name: "bps", layouts: [], normalise: async () => {} };
