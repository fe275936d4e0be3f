/**
 * The notebook site's page helpers: the page contract, the shared HTML shell (inline stylesheet,
 * navigation), DOM helpers and id-ID number formatting. The page registry is notebooks/registry.ts:
 * pages import this module, never the other way round.
 *
 * Why the DOM and not template strings: every text that comes from a source file (kecamatan names,
 * indicator names, URLs) reaches the page through textContent / setAttribute, so the serializer
 * escapes it. No function here concatenates HTML with data.
 */
import { JSDOM } from "jsdom";
import { el } from "./dom.js";
import type { DataTampilan, Keadaan, Tampilan } from "./tampilan.js";
export { bagian, belumTersedia, el, append, gambar, paragraf, sumber, tabel, tautanLuar, type Child, type Kolom } from "./dom.js";
export { angka, jumlah, nilai, persen, rasio, rupiah, teks, tickAngka, tickMiliar, tickTahun } from "./angka.js";

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
  /** Data files the page's widgets load in the browser: site/data/<name>.arrow. */
  berkas?(data: Data<Q>, site: SiteInfo): Record<string, ArrowData>;
}

export type JenisKolom = "teks" | "bulat" | "logika";
export interface ArrowData {
  rows: Row[];
  kolom: Record<string, JenisKolom>;
}

/** When and from what the site was built: shown at the foot of every page. */
export interface BuildStamp {
  waktu: string;
  gudang: string;
  berkas: { source_file: string; source_sha256: string }[];
  /** SHA-256 over the sorted (file, hash) list: one short id for the whole source set. */
  sidik: string;
}

/**
 * A widget's static first view plus what the client needs to redraw it: the data files (name=path,
 * space-separated in data-src; a single path is named "rows") and the configuration (JSON, "<"
 * escaped so no text can close the script element).
 */
export function widget(doc: Document, jenis: string, src: string | Record<string, string>, konfig: unknown, render: (root: HTMLElement) => void): HTMLElement {
  const files = typeof src === "string" ? { rows: src } : src;
  const w = el(doc, "section", { class: "widget", "data-widget": jenis, "data-src": Object.entries(files).map(([n, p]) => `${n}=${p}`).join(" ") });
  const k = el(doc, "script", { type: "application/json", "data-konfig": "" });
  k.textContent = JSON.stringify(konfig).replace(/</g, "\\u003c");
  const root = el(doc, "div", { "data-root": "" });
  render(root);
  w.append(k, root);
  return w;
}

/**
 * A view (notebooks/tampilan.ts) as a widget: the static first view is the view rendered in its
 * default state; the client redraws it from the same data, shipped as site/data/<file>.arrow.
 */
export function widgetTampilan<K extends Keadaan, C>(doc: Document, jenis: string, t: Tampilan<K, C>, data: DataTampilan, files: Record<string, string>, konfig: C): HTMLElement {
  const bawaan = t.rapikan(data, {}, konfig);
  return widget(doc, jenis, files, konfig, (root) => t.render(doc, root, data, bawaan, konfig));
}

/** Arrow columns typed from the rows themselves: whole numbers as Int32, booleans as Bool, the rest text. */
export function arrowDari(rows: Row[]): ArrowData {
  const kolom: Record<string, JenisKolom> = {};
  const nama = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const k of nama) {
    const vals = rows.map((r) => r[k]).filter((v) => v !== null && v !== undefined);
    kolom[k] =
      vals.length && vals.every((v) => typeof v === "boolean")
        ? "logika"
        : vals.length && vals.every((v) => typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 31)
          ? "bulat"
          : "teks";
  }
  return { rows, kolom };
}

/** Identity helper so each page module keeps its query names typed. */
export function definePage<Q extends Queries>(m: PageModule<Q>): PageModule<Q> {
  return m;
}

export const SITE_TITLE = "Buku Catatan LKjIP";

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
// File names and the shell.

export { trenFile } from "./tampilan.js";

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
.keparahan-error { color: #b71c1c; font-weight: 600; }
.keparahan-warning { color: #8a4b08; font-weight: 600; }
.keparahan-rounding { color: var(--redup); }
details { margin: 0.3rem 0 0.8rem; }
.kontrol { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0.6rem 0; padding: 0.6rem 0.8rem; background: var(--latar); border: 1px solid var(--garis); border-radius: 6px; }
.kontrol label { display: flex; flex-direction: column; font-size: 0.8rem; color: var(--redup); gap: 0.15rem; min-width: 0; max-width: 100%; }
.kontrol select, .kontrol input { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.3rem; max-width: 100%; width: 100%; }
summary, .catatan { overflow-wrap: anywhere; }
/* A table keeps its columns readable and scrolls sideways inside its card instead of squeezing every
   cell to a few letters (which made a phone page ten thousand pixels tall). */
td { overflow-wrap: break-word; max-width: 26rem; }
.gulir { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
.alat { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; font-size: 0.8rem; margin: 0.2rem 0; }
.alat input { font: inherit; padding: 0.15rem 0.3rem; }
.unduh a { color: var(--aksen); }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--aksen); }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.status { font-size: 0.95rem; }
.daftar-kerja { padding-left: 1rem; list-style: none; }
.daftar-kerja li { margin: 0.2rem 0; }
button.lagi { font: inherit; padding: 0.3rem 0.8rem; }
.stempel { font-size: 0.75rem; word-break: break-all; }
@media (max-width: 600px) {
  main { padding: 0.6rem 0.6rem 2rem; }
  h1 { font-size: 1.25rem; }
  .kartu > div { min-width: 0; flex: 1 1 100%; }
  .kontrol label { flex: 1 1 45%; }
  table { font-size: 0.78rem; }
  /* Each text column keeps a readable width (the table scrolls in its card); numbers stay as narrow as they are. */
  td { max-width: 16rem; min-width: 11rem; }
  td.angka { min-width: 0; }
  th, td { padding: 0.2rem 0.35rem; }
  /* Charts the client redraws fit the card; a build-time chart keeps its width and scrolls in its card. */
  figure.grafik { padding: 0.4rem; }
  figure.grafik svg { max-width: none; }
}
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  header nav, .kontrol, .alat, .unduh, button.lagi, footer details { display: none !important; }
  header { background: none; color: #000; padding: 0; }
  main { max-width: none; padding: 0; }
  figure.grafik { break-inside: avoid; border: none; overflow: visible; }
  figure.grafik svg { max-width: 100%; }
  details > *:not(summary) { display: block; }
  .tabel, .gulir { overflow: visible; }
  a { color: #000; text-decoration: none; }
}
footer { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem 2rem; color: var(--redup); font-size: 0.8rem; }
`;

// Static markup only: no data is ever interpolated into this string.
const SHELL = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="color-scheme" content="light"><meta name="viewport" content="width=device-width, initial-scale=1"><title></title><link rel="icon" href="data:,"><style></style></head><body><header><div class="situs"></div><nav aria-label="Navigasi utama"><ul></ul></nav></header><main></main><footer></footer></body></html>`;

export interface NavItem {
  label: string;
  file: string;
  /** Files that belong to this entry (highlighted as current). */
  files: string[];
}

/** Builds one page into a full HTML document string. */
export function renderPage(spec: PageSpec, nav: NavItem[], stamp?: BuildStamp): string {
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
    const footer = doc.querySelector("footer")!;
    footer.appendChild(
      el(
        doc,
        "p",
        { class: "stempel", "data-stempel": "" },
        stamp
          ? `Dibangun ${stamp.waktu} dari gudang data ${stamp.gudang}; ${stamp.berkas.length} berkas sumber, sidik gabungan SHA-256 ${stamp.sidik.slice(0, 16)}. `
          : "Dibangun dari gudang data LKjIP. ",
        "Semua skrip dan data dimuat dari situs ini sendiri, tidak dari luar.",
      ),
    );
    if (stamp?.berkas.length) {
      const d = el(doc, "details", { class: "stempel" }, el(doc, "summary", null, "Sidik SHA-256 berkas sumber"));
      const ul2 = el(doc, "ul");
      for (const b of stamp.berkas) ul2.appendChild(el(doc, "li", null, el(doc, "code", null, b.source_sha256.slice(0, 16)), ` sources/${b.source_file}`));
      d.appendChild(ul2);
      footer.appendChild(d);
    }
    const script = el(doc, "script", { type: "module", src: "assets/notebook.js" });
    doc.body.appendChild(script);
    return dom.serialize();
  } finally {
    dom.window.close();
  }
}
