/**
 * A source family: the layouts its files are read with (layout.ts) and the family-specific SQL
 * run after the shared reader has loaded them (normalise.ts). A new family is a copy of a sibling.
 */
import type { Db } from "../lib/duckdb.js";
import type { ParsedLayout } from "./layout.js";

export interface Family {
  name: string;
  layouts: ParsedLayout[];
  /** Family-specific SQL over its raw tables once all its files are loaded (may be a no-op). */
  normalise(db: Db): Promise<void>;
}
