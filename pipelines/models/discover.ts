/**
 * SQL models: one file per model under models/<layer>/<name>.sql, materialised as table
 * <layer>.<name>. Dependencies come from the SQL itself (every `layer.name` it mentions), so the
 * build order needs no hand-kept list.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { referencedRelations as relationsOf } from "../lib/relations.js";

export { stripCommentsAndStrings } from "../lib/relations.js";

export const LAYERS = ["staging", "intermediate", "marts"] as const;
export type Layer = (typeof LAYERS)[number];
const READABLE_SCHEMAS = ["raw", "config", ...LAYERS];

export interface Model {
  name: string;
  layer: Layer;
  file: string;
  sql: string;
  /** Header comment lines (grain, inputs). */
  header: string;
  /** Qualified names this model reads (raw tables and other models). */
  reads: string[];
}

/** Relations a model reads: raw and config tables and other models. */
export function referencedRelations(sql: string): string[] {
  return relationsOf(sql, READABLE_SCHEMAS);
}

export async function discoverModels(modelsDir: string): Promise<Model[]> {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    let files: string[];
    try {
      files = (await readdir(join(modelsDir, layer))).filter((f) => f.endsWith(".sql")).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const path = join(modelsDir, layer, f);
      const sql = await readFile(path, "utf8");
      const name = `${layer}.${f.replace(/\.sql$/, "")}`;
      const header = (/^(\s*--[^\n]*\n)+/.exec(sql)?.[0] ?? "").replace(/^\s*--\s?/gm, "").trim();
      models.push({
        name,
        layer,
        file: relative(join(modelsDir, ".."), path),
        sql: sql.trim().replace(/;\s*$/, ""),
        header,
        reads: referencedRelations(sql).filter((r) => r !== name),
      });
    }
  }
  return models;
}

/**
 * Orders models so each runs after the models it reads (stable: alphabetical among equals).
 * Fails on a cycle or on a reference to a model that does not exist, naming the file.
 */
export function buildOrder(models: Model[], rawTables: Set<string>): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const m of models) {
    if (!m.header) throw new Error(`${m.file}: model tanpa komentar kepala (grain dan input) di baris pertama`);
    for (const r of m.reads) {
      if (!byName.has(r) && !rawTables.has(r)) throw new Error(`${m.file}: membaca ${r}, yang bukan tabel raw maupun model`);
    }
  }
  const ordered: Model[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (m: Model, path: string[]) => {
    if (state.get(m.name) === "done") return;
    if (state.get(m.name) === "visiting") throw new Error(`ketergantungan melingkar: ${[...path, m.name].join(" -> ")}`);
    state.set(m.name, "visiting");
    for (const r of m.reads) {
      const dep = byName.get(r);
      if (dep) visit(dep, [...path, m.name]);
    }
    state.set(m.name, "done");
    ordered.push(m);
  };
  for (const m of [...models].sort((a, b) => a.name.localeCompare(b.name))) visit(m, []);
  return ordered;
}
