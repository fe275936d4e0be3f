/**
 * meta.lineage: one row per hop, "target was made from input by via (a file of this repo) in step".
 * Hops run from source files to raw tables (load), raw/config to models (models), models to
 * recon/feed tables (check, feed) and tables to the files a build writes and the notebook pages
 * (export, feed, check, notebooks). Walking it from any output reaches `raw` and then `sources/`.
 *
 * Every step that writes a file calls recordOutputLineage for it, naming the relations it read.
 */
import { type Db, sqlString } from "./duckdb.js";
import { referencedRelations } from "./relations.js";

/** What a lineage node is. `source` = a file under sources/; `file` / `page` = a build output. */
export type NodeKind = "source" | "raw" | "config" | "model" | "table" | "file" | "page";

export interface Hop {
  target: string;
  targetKind: NodeKind;
  input: string;
  inputKind: NodeKind;
  /** Repository file that performs the hop (a model's SQL file, or the TS module writing a file). */
  via: string;
  step: string;
}

const MODEL_SCHEMAS = new Set(["staging", "intermediate", "marts"]);
const TABLE_SCHEMAS = new Set(["recon", "feed", "meta"]);

/** Kind of a relation or path by its schema: raw.x, config.x, staging/intermediate/marts.x, recon/feed/meta.x. */
export function kindOf(name: string): NodeKind {
  const schema = name.includes(".") && !name.includes("/") ? name.split(".")[0]! : "";
  if (schema === "raw") return "raw";
  if (schema === "config") return "config";
  if (MODEL_SCHEMAS.has(schema)) return "model";
  if (TABLE_SCHEMAS.has(schema)) return "table";
  if (name.startsWith("sources/")) return "source";
  return name.startsWith("site/") ? "page" : "file";
}

export async function ensureLineage(db: Db): Promise<void> {
  await db.run(`CREATE SCHEMA IF NOT EXISTS meta`);
  await db.run(`CREATE TABLE IF NOT EXISTS meta.lineage (
    target VARCHAR NOT NULL, target_kind VARCHAR NOT NULL, input VARCHAR NOT NULL, input_kind VARCHAR NOT NULL,
    via VARCHAR NOT NULL, step VARCHAR NOT NULL)`);
}

/** Replaces every hop into the given targets (a step run again must not leave stale hops). */
export async function recordLineage(db: Db, hops: Hop[]): Promise<void> {
  await ensureLineage(db);
  const targets = [...new Set(hops.map((h) => h.target))];
  if (targets.length === 0) return;
  await db.run(`DELETE FROM meta.lineage WHERE list_contains([${targets.map(sqlString).join(", ")}]::VARCHAR[], target)`);
  const rows = [...new Map(hops.map((h) => [`${h.target}\u0000${h.input}`, h])).values()];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map((h) => `(${[h.target, h.targetKind, h.input, h.inputKind, h.via, h.step].map(sqlString).join(", ")})`);
    await db.run(`INSERT INTO meta.lineage VALUES ${values.join(", ")}`);
  }
}

/**
 * Records that a build output (path relative to the output folder, e.g. `tables/tabel_3_16.csv`,
 * `site/ringkasan.html`) was written from `inputs` (relations such as `marts.tabel_3_16`, or config
 * files) by the module `via`.
 */
export async function recordOutputLineage(
  db: Db,
  output: string,
  inputs: string[],
  opts: { via: string; step: string },
): Promise<void> {
  if (inputs.length === 0) throw new Error(`lineage: ${output} tanpa masukan`);
  await recordLineage(
    db,
    inputs.map((input) => ({ target: output, targetKind: kindOf(output), input, inputKind: kindOf(input), via: opts.via, step: opts.step })),
  );
}

/** Records a table built in TS (recon.*, feed.*) from the relations its SQL reads. */
export async function recordTableLineage(db: Db, table: string, inputs: string[], opts: { via: string; step: string }): Promise<void> {
  await recordLineage(
    db,
    inputs.map((input) => ({ target: table, targetKind: kindOf(table), input, inputKind: kindOf(input), via: opts.via, step: opts.step })),
  );
}

/** Relations (raw, config, models, recon, feed) an SQL text reads. */
export function relationsIn(sql: string): string[] {
  return referencedRelations(sql, ["raw", "config", "staging", "intermediate", "marts", "recon", "feed"]);
}

export interface LineageRow {
  target: string;
  target_kind: NodeKind;
  input: string;
  input_kind: NodeKind;
  via: string;
  step: string;
}

/** Every hop upstream of `start` (breadth first), for tests and for the docs' figure path. */
export async function upstream(db: Db, start: string): Promise<LineageRow[]> {
  const all = await db.all<LineageRow & Record<string, unknown>>(`SELECT * FROM meta.lineage ORDER BY target, input`);
  const byTarget = new Map<string, LineageRow[]>();
  for (const r of all) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  const seen = new Set<string>([start]);
  const out: LineageRow[] = [];
  const queue = [start];
  while (queue.length) {
    for (const hop of byTarget.get(queue.shift()!) ?? []) {
      out.push(hop);
      if (!seen.has(hop.input)) {
        seen.add(hop.input);
        queue.push(hop.input);
      }
    }
  }
  return out;
}
