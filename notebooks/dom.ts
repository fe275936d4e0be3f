/**
 * DOM builders shared by the server render (jsdom) and the browser: every text that comes from a
 * source file reaches the page through textContent / setAttribute, so the serializer escapes it. No
 * function here concatenates HTML with data, and nothing here needs Node.
 */
import * as Plot from "@observablehq/plot";
import { KOSONG } from "./angka.js";


export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined) node.setAttribute(k, v);
  append(doc, node, children);
  return node;
}

export function append(doc: Document, parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? doc.createTextNode(String(c)) : c);
  }
}

/**
 * A link to a published source (a link, not a load). Only http(s) URLs become links; anything else
 * (javascript:, data:) is shown as text. rel="noopener noreferrer" so the page is not exposed.
 */
export function tautanLuar(doc: Document, url: unknown, label?: string): Node {
  const u = typeof url === "string" ? url.trim() : "";
  const text = label ?? u;
  if (!/^https?:\/\/[^\s]+$/i.test(u)) return doc.createTextNode(text || KOSONG);
  return el(doc, "a", { href: u, rel: "noopener noreferrer", target: "_blank", class: "luar" }, text);
}

export interface Kolom<T> {
  judul: string;
  isi: (row: T) => Child;
  angka?: boolean;
  /** The exact value a numeric column sorts by (decimal text or number). */
  nilai?: (row: T) => string | number | null | undefined;
  /** Optional per-cell decoration (e.g. the criterion colour). */
  hias?: (td: HTMLTableCellElement, row: T) => void;
}

/** "Unduh CSV / XLSX": the client writes the file from exactly the rows shown (table) or drawn (chart). */
export function unduhan(doc: Document, nama: string): HTMLElement {
  return el(
    doc,
    "span",
    { class: "unduh" },
    "Unduh ",
    el(doc, "a", { href: "#", "data-unduh": "csv", "data-nama": nama, role: "button" }, "CSV"),
    " / ",
    el(doc, "a", { href: "#", "data-unduh": "xlsx", "data-nama": nama, role: "button" }, "XLSX"),
  );
}

let nomorTabel = 0;

/**
 * A table the reader can sort (header buttons), filter (search box) and download (visible rows).
 * The behaviour is the client's (notebooks/client/main.ts); before scripts run it is a plain table.
 * A numeric column's cells carry their exact value in data-v so sorting is by value, not by text.
 */
export function tabel<T>(doc: Document, kolom: Kolom<T>[], rows: T[], caption?: string, nama?: string): HTMLElement {
  const t = el(doc, "table");
  if (caption) t.appendChild(el(doc, "caption", null, caption));
  const head = el(doc, "tr");
  kolom.forEach((k, i) =>
    head.appendChild(el(doc, "th", { class: k.angka ? "angka" : undefined, scope: "col", "aria-sort": "none" }, el(doc, "button", { type: "button", "data-urut": String(i) }, k.judul))),
  );
  t.appendChild(el(doc, "thead", null, head));
  const body = el(doc, "tbody");
  for (const r of rows) {
    const tr = el(doc, "tr");
    for (const k of kolom) {
      const v = k.nilai?.(r);
      const td = el(doc, "td", { class: k.angka ? "angka" : undefined, "data-v": v === null || v === undefined ? undefined : String(v) }, k.isi(r));
      k.hias?.(td, r);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  t.appendChild(body);
  const label = `Saring ${caption ?? "tabel"}`;
  const alat = el(
    doc,
    "div",
    { class: "alat" },
    el(doc, "input", { type: "search", "data-saring": "", placeholder: "Saring…", "aria-label": label }),
    el(doc, "span", { class: "jumlah-baris", "aria-live": "polite" }, `${rows.length} baris`),
    unduhan(doc, nama ?? `tabel-${++nomorTabel}`),
  );
  return el(doc, "div", { class: "tabel", "data-tabel": "" }, alat, el(doc, "div", { class: "gulir" }, t));
}

export function bagian(doc: Document, judul: string, ...children: Child[]): HTMLElement {
  return el(doc, "section", null, el(doc, "h2", null, judul), ...children);
}

export function paragraf(doc: Document, ...children: Child[]): HTMLElement {
  return el(doc, "p", null, ...children);
}

/** The message a page shows where its data is not in the warehouse (yet). */
export function belumTersedia(doc: Document, apa: string): HTMLElement {
  return el(doc, "p", { class: "kosong" }, `Data ${apa} belum tersedia di gudang data.`);
}

/** "Sumber: marts.x (Tabel 3.2), sources/plans/y.csv" from the tables and the rows' source files. */
export function sumber(tabelSumber: string[], files: Iterable<unknown> = []): string {
  // A list column reaches the browser as JSON text (Arrow files carry it as text): read it back.
  const lista = (x: unknown): unknown[] => (Array.isArray(x) ? x : typeof x === "string" && x.startsWith("[") ? (JSON.parse(x) as unknown[]) : [x]);
  const f = [...new Set([...files].flatMap(lista).filter((x): x is string => typeof x === "string" && x !== ""))]
    .sort()
    .map((x) => `sources/${x}`);
  return `Sumber: ${[...tabelSumber, ...f].join(", ")}`;
}

/**
 * Renders Plot options into a <figure> with the chart, its title and its source caption. Plot wraps
 * the SVG in its own <figure> when it draws a legend: its children (legend + svg) are moved into
 * ours so every chart has the same structure (figure.grafik > svg, figcaption).
 */
export function gambar(doc: Document, options: Plot.PlotOptions, judul: string, keterangan: string, data?: Record<string, unknown>[], nama?: string): HTMLElement {
  const fig = el(doc, "figure", { class: "grafik" });
  fig.appendChild(el(doc, "h3", null, judul));
  const out = Plot.plot({ ...options, width: lebarGrafik(options), document: doc }) as unknown as Element;
  // Plot labels its mark groups with aria-label; a <g> needs a role for that to be allowed (axe).
  for (const g of out.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
  if (out.tagName.toLowerCase() === "figure") {
    for (const child of [...out.childNodes]) fig.appendChild(child);
  } else {
    fig.appendChild(out);
  }
  fig.appendChild(el(doc, "figcaption", null, keterangan, " ", unduhan(doc, nama ?? judul)));
  fig.appendChild(dataGrafik(doc, data ?? dataDariTanda(options)));
  return fig;
}

let lebarMaks: number | null = null;

/** The width charts drawn from now on may take (the browser sets it from the card; the build leaves it open). */
export function aturLebar(px: number): void {
  lebarMaks = Math.floor(px);
}

/** A chart's width: its own, or narrower to fit the card, but never so narrow its plot area vanishes (it then scrolls in its card). */
function lebarGrafik(o: Plot.PlotOptions): number {
  const lebar = typeof o.width === "number" ? o.width : 640;
  if (lebarMaks === null || lebar <= lebarMaks) return lebar;
  return Math.max(lebarMaks, (o.marginLeft ?? 40) + (o.marginRight ?? 20) + 200);
}

/** The rows a chart draws, for its download links: the marks' own data (plain rows only). */
export function dataDariTanda(options: Plot.PlotOptions): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const m of (options.marks ?? []).flat(3) as unknown[]) {
    const d = (m as { data?: unknown }).data;
    if (!Array.isArray(d)) continue;
    for (const r of d) if (r && typeof r === "object" && !Array.isArray(r)) rows.push(r as Record<string, unknown>);
  }
  return [...new Set(rows)];
}

/** Rows as JSON in a data block; "<" is escaped so no text from a source can close the script element. */
export function dataGrafik(doc: Document, rows: Record<string, unknown>[]): HTMLElement {
  const bersih = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))));
  const s = el(doc, "script", { type: "application/json", "data-grafik": "" });
  s.textContent = JSON.stringify(bersih).replace(/</g, "\\u003c");
  return s;
}

