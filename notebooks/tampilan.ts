/**
 * The contract every interactive notebook view keeps, so one client loop (notebooks/client/main.ts
 * `jalankan`) drives them all: the inputs it keeps in the URL, how a (possibly stale or partial) state
 * is made whole against the data, and one render function used twice, at build time into the static
 * page (jsdom) and in the browser on every input change. Nothing here needs Node or a DOM.
 */
import { el } from "./dom.js";

export type Baris = Record<string, unknown>;
/** A view's data: the page's query results by name (each shipped as site/data/<file>.arrow). */
export type DataTampilan = Record<string, Baris[]>;
export type Keadaan = Record<string, string | number | null>;

export interface Tampilan<K extends Keadaan, C> {
  /** Inputs, in URL order (the URL parameter has the input's name). */
  masukan: readonly (keyof K & string)[];
  /** A whole state from a partial one; `diubah` names the input the reader just changed. */
  rapikan(data: DataTampilan, k: Partial<Record<keyof K, unknown>>, konfig: C, diubah?: string): K;
  render(doc: Document, root: HTMLElement, data: DataTampilan, k: K, konfig: C): void;
}

export const SEMUA = "semua";

/** File of an indicator's trend page; the code comes from a source file, so it is reduced to [a-z0-9_-]. */
export function trenFile(kode: string): string {
  return `tren-${kode.toLowerCase().replace(/[^a-z0-9_-]+/g, "-")}.html`;
}

/** Region names and levels, from marts.wilayah at build time (the views never query). */
export interface Wilayah {
  nama: Record<string, string>;
}

export function namaWilayah(w: Wilayah, kode: unknown): string {
  return typeof kode === "string" && kode ? (w.nama[kode] ?? `Wilayah ${kode}`) : "wilayah tidak diketahui";
}

/** Regions in the order the selects list them: the province(s) first, then kab/kota by code. */
export function urutWilayah(kodes: Iterable<unknown>): string[] {
  return [...new Set([...kodes].filter((k): k is string => typeof k === "string" && k !== ""))].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

export const tahunDari = (rows: Baris[]): number[] => [...new Set(rows.map((r) => Number(r.tahun)).filter(Number.isFinite))].sort((a, b) => a - b);

/** `v` when it is one of `opsi` (compared as text), else `bawaan`. */
export function salahSatu<T extends string | number>(v: unknown, opsi: readonly T[], bawaan: T): T {
  return opsi.find((o) => String(o) === String(v)) ?? bawaan;
}

/** A labelled <select> bound to one input (data-input), its options as [value, text]. */
export function pilihan(doc: Document, nama: string, label: string, nilai: string | number | null, opsi: [string, string][]): HTMLElement {
  const sel = el(doc, "select", { name: nama, id: `pilih-${nama}`, "data-input": nama });
  for (const [v, t] of opsi) {
    const o = el(doc, "option", { value: v }, t);
    if (v === String(nilai ?? "")) o.setAttribute("selected", "");
    sel.appendChild(o);
  }
  return el(doc, "label", { for: `pilih-${nama}` }, el(doc, "span", null, label), sel);
}

/** The inputs' bar. */
export function kontrol(doc: Document, ...inputs: HTMLElement[]): HTMLElement {
  return el(doc, "form", { class: "kontrol", "aria-label": "Pilihan data" }, ...inputs);
}

export const opsiWilayah = (w: Wilayah, kodes: string[]): [string, string][] => kodes.map((k) => [k, namaWilayah(w, k)]);
export const opsiTahun = (tahun: number[]): [string, string][] => tahun.map((t) => [String(t), String(t)]);

/**
 * The source/series choices: all, then each series. With one series "all" is that series, so it is
 * the only choice (a second one would show the same figures).
 */
export const opsiSumber = (seri: string[]): [string, string][] => (seri.length === 1 ? [[SEMUA, seri[0]!]] : [[SEMUA, "Semua sumber"], ...seri.map((s): [string, string] => [s, s])]);
