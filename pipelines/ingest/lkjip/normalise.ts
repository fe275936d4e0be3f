/** Placeholder until the lkjip family's layouts are written (see pipelines/ingest/ak1 for the pattern). */
import type { Family } from "../family.js";

export const lkjip: Family = { name: "lkjip", layouts: [], normalise: async () => {} };
