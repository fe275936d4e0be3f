/** Which warehouse relations an SQL text mentions: the basis of build order and lineage. */

/** Removes comments and string literals so references are only taken from SQL code. */
export function stripCommentsAndStrings(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''");
}

/** Every `schema.name` in the SQL code whose schema is one of `schemas`, lower-cased and sorted. */
export function referencedRelations(sql: string, schemas: readonly string[]): string[] {
  const code = stripCommentsAndStrings(sql);
  const re = new RegExp(`\\b(${schemas.join("|")})"?\\s*\\.\\s*"?([a-z_][a-z0-9_]*)"?`, "gi");
  const found = new Set<string>();
  for (const m of code.matchAll(re)) found.add(`${m[1]!.toLowerCase()}.${m[2]!.toLowerCase()}`);
  return [...found].sort();
}
