/**
 * Finds a layout's header in the first rows of a grid and maps each declared column to its
 * position, by label, so a reordered or extra column does not shift the data.
 */
import { normaliseLabel } from "../lib/labels.js";
import type { GridRow } from "./grid.js";
import type { ParsedLayout } from "./layout.js";

export interface HeaderMatch {
  /** Index in the grid rows of the first header row. */
  headerIndex: number;
  /** Index of the first data row. */
  dataIndex: number;
  /** Combined label of every column ("parent / child"), as printed. */
  labels: string[];
  /** Column position (0-based) of each layout key; null for an absent optional column. */
  positions: Record<string, number | null>;
}

export type HeaderResult = { ok: true; match: HeaderMatch } | { ok: false; reason: string; row: number | null };

const SEARCH_ROWS = 40;

/** Joins header rows; an empty parent cell takes the parent to its left while still under it. */
export function combineHeaderRows(rows: string[][]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const filled = rows.map((r) => Array.from({ length: width }, (_, j) => (r[j] ?? "").trim()));
  for (let level = 0; level < filled.length - 1; level++) {
    const row = filled[level]!;
    for (let j = 1; j < width; j++) {
      if (row[j] !== "") continue;
      const newParentAbove = filled.slice(0, level).some((above) => rows[filled.indexOf(above)]?.[j]?.trim());
      const hasChild = filled.slice(level + 1).some((below) => below[j] !== "");
      if (!newParentAbove && hasChild) row[j] = row[j - 1]!;
    }
  }
  return Array.from({ length: width }, (_, j) =>
    filled
      .map((r) => r[j]!)
      .filter((t, level, all) => t !== "" && t !== all[level - 1])
      .join(" / "),
  );
}

export function locateHeader(rows: GridRow[], layout: ParsedLayout): HeaderResult {
  let best: { index: number; missing: string[] } | null = null;
  const limit = Math.min(SEARCH_ROWS, rows.length - layout.headerRows + 1);
  for (let i = 0; i < limit; i++) {
    const labels = combineHeaderRows(rows.slice(i, i + layout.headerRows).map((r) => r.cells));
    const normalised = labels.map(normaliseLabel);
    const used = new Set<number>();
    const positions: Record<string, number | null> = {};
    const missing: string[] = [];
    for (const col of layout.columns) {
      const wanted = new Set(col.headers.map(normaliseLabel));
      const patterns = (col.headerPatterns ?? []).map((p) => new RegExp(p, "i"));
      const at = normalised.findIndex((l, j) => !used.has(j) && (wanted.has(l) || patterns.some((p) => p.test(l))));
      if (at >= 0) {
        used.add(at);
        positions[col.key] = at;
      } else if (col.optional) {
        positions[col.key] = null;
      } else {
        missing.push(col.headers[0]!);
      }
    }
    // A group of optional columns (a table's years) needs at least one member printed.
    const groups = new Map<string, { found: boolean; example: string }>();
    for (const col of layout.columns) {
      if (!col.group) continue;
      const g = groups.get(col.group) ?? { found: false, example: col.headers[0]!.replace(/\b\d{4}\b/, "<tahun>") };
      g.found ||= positions[col.key] !== null && positions[col.key] !== undefined;
      groups.set(col.group, g);
    }
    for (const [group, g] of groups) if (!g.found) missing.push(`salah satu ${group} (mis. ${g.example})`);
    if (missing.length === 0) {
      return {
        ok: true,
        match: { headerIndex: i, dataIndex: i + layout.headerRows + layout.skipAfterHeader, labels, positions },
      };
    }
    if (!best || missing.length < best.missing.length) best = { index: i, missing };
  }
  return {
    ok: false,
    row: best ? rows[best.index]!.row : null,
    reason: `baris judul kolom untuk tata letak ${layout.name} tidak ditemukan; kolom yang tidak ada: ${(best?.missing ?? []).map((m) => `"${m}"`).join(", ")}`,
  };
}
