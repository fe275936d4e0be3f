/**
 * The notebook site's page helpers: the page contract, the shared HTML shell (inline stylesheet,
 * navigation), DOM helpers and id-ID number formatting. The page registry is notebooks/registry.ts:
 * pages import this module, never the other way round.
 *
 * Why the DOM and not template strings: every text that comes from a source file (kecamatan names,
 * indicator names, URLs) reaches the page through textContent / setAttribute, so the serializer
 * escapes it. No function here concatenates HTML with data.
 */
import * as Plot from "@observablehq/plot";
import { Decimal } from "decimal.js";
import { JSDOM } from "jsdom";
import { formatDesimal } from "../pipelines/lib/format.js";

export type Row = Record<string, unknown>;

/** A named query of a page. `requires` lists relations that may be absent (built by other steps). */
export interface Query {
  sql: string;
  requires?: string[];
}
export type Queries = Record<string, Query>;
/** Query results by name; null when a required relation does not exist in the warehouse. */
export type Data<Q extends Queries> = { [K in keyof Q]: Row[] | null };

export interface SiteInfo {
  /** The region the office reports on: most rows in marts.capaian_indikator. */
  wilayahUtama: string | null;
  namaWilayah(kode: string | null | undefined): string;
}

export interface PageSpec {
  /** File name inside site/, e.g. "index.html". */
  file: string;
  /** <title> and the page heading. */
  title: string;
  build(doc: Document, main: HTMLElement): void;
}

export interface PageModule<Q extends Queries = Queries> {
  /** Navigation label (Bahasa Indonesia). */
  menu: string;
  queries: Q;
  /** The first page is the one the navigation links to. */
  pages(data: Data<Q>, site: SiteInfo): PageSpec[];
}

/** Identity helper so each page module keeps its query names typed. */
export function definePage<Q extends Queries>(m: PageModule<Q>): PageModule<Q> {
  return m;
}

export const SITE_TITLE = "Buku Catatan LKjIP";

// ---------------------------------------------------------------------------------------------
// Numbers. Values from the warehouse are exact decimal strings (Db.all), formatted by the project's
// one formatter (pipelines/lib/format.ts) with no float round trip.

const KOSONG = "–";

function numeric(v: unknown): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim()) ? v.trim() : null;
  return null;
}

/** Exact a / b x 100 as decimal text (10 decimals), null when b is 0 or missing. */
export function rasio(a: unknown, b: unknown): string | null {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null || new Decimal(y).isZero()) return null;
  return new Decimal(x).times(100).div(y).toFixed(10);
}

/** Exact sum of decimal texts. */
export function jumlah(values: unknown[]): string | null {
  const xs = values.map(numeric).filter((v): v is string | number => v !== null);
  return xs.length ? xs.reduce<Decimal>((s, v) => s.plus(v), new Decimal(0)).toFixed() : null;
}

/** id-ID number: "15.094.099.333", "79,78". `maxDigits` decimals at most, `minDigits` at least. */
export function angka(v: unknown, maxDigits = 2, minDigits = 0): string {
  const n = numeric(v);
  if (n === null) return KOSONG;
  return formatDesimal(typeof n === "number" ? String(n) : n, maxDigits, minDigits);
}

export function persen(v: unknown, digits = 2): string {
  const s = angka(v, digits);
  return s === KOSONG ? s : `${s}%`;
}

export function rupiah(v: unknown): string {
  const s = angka(v, 0);
  return s === KOSONG ? s : `Rp ${s}`;
}

/** A figure for a chart (floats are fine for drawing; tables use the exact text). */
export function nilai(v: unknown): number | null {
  const n = numeric(v);
  return n === null ? null : Number(n);
}

/** Tick formatter for Plot axes: id-ID separators. */
export function tickAngka(d: number): string {
  return angka(d, 2);
}

/** Years print as written ("2024"), never with a thousands separator. */
export function tickTahun(d: number | string): string {
  return String(d);
}

/** Rupiah in billions for axes ("12,5 M"). */
export function tickMiliar(d: number): string {
  return `${angka(d / 1e9, 1)} M`;
}

export function teks(v: unknown): string {
  if (v === null || v === undefined) return KOSONG;
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Regions.

/** The region with the most rows (ties: lowest code), and the others present, for "list others". */
export function pilihWilayah(rows: Row[] | null, site: SiteInfo): { utama: string | null; lain: string[] } {
  const counts = new Map<string, number>();
  for (const r of rows ?? []) {
    const k = r.kode_wilayah;
    if (typeof k === "string") counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const utama = sorted[0]?.[0] ?? site.wilayahUtama;
  return { utama, lain: sorted.map(([k]) => k).filter((k) => k !== utama) };
}

export function untukWilayah<T extends Row>(rows: T[] | null, kode: string | null): T[] {
  return (rows ?? []).filter((r) => r.kode_wilayah === kode);
}

// ---------------------------------------------------------------------------------------------
// DOM helpers.

type Child = Node | string | number | null | undefined | false;

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
  /** Optional per-cell decoration (e.g. the criterion colour). */
  hias?: (td: HTMLTableCellElement, row: T) => void;
}

export function tabel<T>(doc: Document, kolom: Kolom<T>[], rows: T[], caption?: string): HTMLElement {
  const t = el(doc, "table");
  if (caption) t.appendChild(el(doc, "caption", null, caption));
  const head = el(doc, "tr");
  for (const k of kolom) head.appendChild(el(doc, "th", k.angka ? { class: "angka" } : null, k.judul));
  t.appendChild(el(doc, "thead", null, head));
  const body = el(doc, "tbody");
  for (const r of rows) {
    const tr = el(doc, "tr");
    for (const k of kolom) {
      const td = el(doc, "td", k.angka ? { class: "angka" } : null, k.isi(r));
      k.hias?.(td, r);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  t.appendChild(body);
  return el(doc, "div", { class: "tabel" }, t);
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
  const f = [...new Set([...files].flatMap((x) => (Array.isArray(x) ? x : [x])).filter((x): x is string => typeof x === "string" && x !== ""))]
    .sort()
    .map((x) => `sources/${x}`);
  return `Sumber: ${[...tabelSumber, ...f].join(", ")}`;
}

/**
 * Renders Plot options into a <figure> with the chart, its title and its source caption. Plot wraps
 * the SVG in its own <figure> when it draws a legend: its children (legend + svg) are moved into
 * ours so every chart has the same structure (figure.grafik > svg, figcaption).
 */
export function gambar(doc: Document, options: Plot.PlotOptions, judul: string, keterangan: string): HTMLElement {
  const fig = el(doc, "figure", { class: "grafik" });
  fig.appendChild(el(doc, "h3", null, judul));
  const out = Plot.plot({ ...options, document: doc }) as unknown as Element;
  if (out.tagName.toLowerCase() === "figure") {
    for (const child of [...out.childNodes]) fig.appendChild(child);
  } else {
    fig.appendChild(out);
  }
  fig.appendChild(el(doc, "figcaption", null, keterangan));
  return fig;
}

// ---------------------------------------------------------------------------------------------
// File names and the shell.

/** File of an indicator's trend page; the code comes from a source file, so it is reduced to [a-z0-9_-]. */
export function trenFile(kode: string): string {
  return `tren-${kode.toLowerCase().replace(/[^a-z0-9_-]+/g, "-")}.html`;
}

const STYLE = `
:root { --tinta: #1f2933; --redup: #52606d; --garis: #d9e2ec; --latar: #f5f7fa; --aksen: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--tinta); background: #fff; line-height: 1.45; }
header { background: var(--aksen); color: #fff; padding: 0.6rem 1.2rem; }
header .situs { font-weight: 600; font-size: 1.05rem; }
nav ul { list-style: none; margin: 0.4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
nav a { color: #fff; text-decoration: none; opacity: 0.85; }
nav a[aria-current="page"] { opacity: 1; font-weight: 700; text-decoration: underline; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.5rem; margin: 0.4rem 0 0.6rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--garis); padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 0 0 0.4rem; }
p { margin: 0.4rem 0; max-width: 75ch; }
.catatan, figcaption { color: var(--redup); font-size: 0.85rem; }
figure.grafik { margin: 1rem 0 1.5rem; padding: 0.6rem 0.8rem; border: 1px solid var(--garis); border-radius: 6px; background: #fff; overflow-x: auto; }
figure.grafik svg { max-width: 100%; height: auto; }
figcaption { margin-top: 0.4rem; }
.tabel { overflow-x: auto; margin: 0.6rem 0 1.2rem; }
table { border-collapse: collapse; font-size: 0.85rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid var(--garis); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: var(--latar); }
td.angka, th.angka { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kartu { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 0.8rem 0; }
.kartu > div { border: 1px solid var(--garis); border-radius: 6px; padding: 0.5rem 0.8rem; min-width: 12rem; background: var(--latar); }
.kartu .besar { font-size: 1.6rem; font-weight: 700; }
.kosong { color: #8a4b08; background: #fff8e1; border: 1px solid #ffe0a3; border-radius: 4px; padding: 0.4rem 0.6rem; }
.skala { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.85rem; margin: 0.3rem 0; }
.skala span.kotak { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin-right: 0.3rem; border: 1px solid #0003; }
.tingkat-error { color: #b71c1c; font-weight: 600; }
.tingkat-warning { color: #8a4b08; font-weight: 600; }
.tingkat-rounding { color: var(--redup); }
details { margin: 0.3rem 0 0.8rem; }
footer { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem 2rem; color: var(--redup); font-size: 0.8rem; }
`;

// Static markup only: no data is ever interpolated into this string.
const SHELL = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title></title><link rel="icon" href="data:,"><style></style></head><body><header><div class="situs"></div><nav aria-label="Navigasi utama"><ul></ul></nav></header><main></main><footer></footer></body></html>`;

export interface NavItem {
  label: string;
  file: string;
  /** Files that belong to this entry (highlighted as current). */
  files: string[];
}

/** Builds one page into a full HTML document string. */
export function renderPage(spec: PageSpec, nav: NavItem[]): string {
  const dom = new JSDOM(SHELL);
  try {
    const doc = dom.window.document;
    doc.title = `${spec.title} · ${SITE_TITLE}`;
    doc.querySelector("style")!.textContent = STYLE;
    doc.querySelector("header .situs")!.textContent = `${SITE_TITLE} · Distransnaker Kutai Kartanegara`;
    const ul = doc.querySelector("nav ul")!;
    for (const item of nav) {
      const a = el(doc, "a", { href: item.file }, item.label);
      if (item.files.includes(spec.file)) a.setAttribute("aria-current", "page");
      ul.appendChild(el(doc, "li", null, a));
    }
    const main = doc.querySelector("main")! as HTMLElement;
    main.appendChild(el(doc, "h1", null, spec.title));
    spec.build(doc, main);
    doc.querySelector("footer")!.textContent =
      "Dibangun dari gudang data LKjIP (outputs/warehouse.duckdb) oleh langkah pipeline 'notebooks'. " +
      "Halaman statis: tidak memuat apa pun dari luar komputer ini.";
    return dom.serialize();
  } finally {
    dom.window.close();
  }
}
