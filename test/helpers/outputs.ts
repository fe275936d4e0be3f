/** What a build published, as a reader sees it, and what crashed builds left behind. */
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink, stat } from "node:fs/promises";
import { join } from "node:path";
import { BUILDS_DIR, CURRENT, LOCK_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";

/**
 * Every file reachable through the published paths (symlinks followed), by relative path: its
 * sha256, or with `cheap` its inode, size and mtime (any write changes them; no bytes read).
 */
export async function publishedTree(out: string, cheap = false): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  async function walk(dir: string, rel: string): Promise<void> {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (rel === "" && (entry.name.startsWith(".") || entry.name === CURRENT)) continue;
      const path = join(dir, entry.name);
      const st = await stat(path);
      if (st.isDirectory()) await walk(path, `${rel}${entry.name}/`);
      else tree[`${rel}${entry.name}`] = cheap ? `${st.ino}:${st.size}:${st.mtimeMs}` : createHash("sha256").update(await readFile(path)).digest("hex");
    }
  }
  await walk(out, "");
  return tree;
}

/** Entries no finished build should leave: other build folders, temp links, a lock, old-style temp files. */
export async function litter(out: string): Promise<string[]> {
  const found: string[] = [];
  const current = await readlink(join(out, CURRENT)).catch(() => null);
  for (const entry of await readdir(join(out, BUILDS_DIR)).catch(() => [] as string[])) {
    if (join(BUILDS_DIR, entry) !== current) found.push(join(BUILDS_DIR, entry));
  }
  for (const entry of await readdir(out)) {
    if (entry === BUILDS_DIR || entry === CURRENT) continue;
    if (entry === LOCK_FILE || entry.startsWith(".") || entry.includes(".tmp-")) found.push(entry);
    else if (!(await lstat(join(out, entry))).isSymbolicLink()) found.push(`${entry} (bukan tautan)`);
  }
  return found.sort();
}

/** Every table's contents, minus the columns that record when/how long a load ran. */
export async function tableContents(path: string): Promise<Record<string, string>> {
  const db = await Db.open(path);
  try {
    const tables = await db.all<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
       WHERE table_schema NOT IN ('meta', 'information_schema', 'pg_catalog') ORDER BY 1, 2`,
    );
    const out: Record<string, string> = {};
    for (const { s, t } of tables) {
      const cols = await db.all<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = '${s}' AND table_name = '${t}'
         AND column_name NOT IN ('loaded_at', 'load_ms')`,
      );
      const rows = await db.all(`SELECT ${cols.map((c) => `"${c.c}"`).join(", ")} FROM "${s}"."${t}" ORDER BY ALL`);
      out[`${s}.${t}`] = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    }
    return out;
  } finally {
    db.close();
  }
}
