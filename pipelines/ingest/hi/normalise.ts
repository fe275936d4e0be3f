/** Placeholder until the hi family's layouts are written (see pipelines/ingest/ak1 for the pattern). */
import type { Family } from "../family.js";

export const hi: Family = { name: "hi", layouts: [], normalise: async () => {} };
