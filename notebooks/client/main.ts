/**
 * The notebooks in the browser (bundled by the build into site/assets/notebook.js; no CDN). Widgets
 * load their rows from Arrow IPC files beside the pages and re-render in place on every input, with
 * the state in the URL; every table sorts and filters; every "Unduh CSV / XLSX" link writes exactly
 * the rows shown (table) or drawn (chart).
 */
import { tableFromIPC } from "apache-arrow";
import { toCsv } from "../../pipelines/lib/csv.js";
import type { SeriTitik } from "../charts/seri.js";
import { renderMasalah, PER_HALAMAN, SEMUA as SEMUA_M, type MasalahBaris, type MasalahKeadaan } from "../masalah-view.js";
import { rapikan, renderSeri, SEMUA, type SeriKeadaan, type StatusRenstra } from "../seri-view.js";

async function muat<T>(url: string): Promise<T[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`gagal memuat ${url}: ${res.status}`);
  const t = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  return t.toArray().map((r) => r.toJSON() as T);
}

const params = () => new URLSearchParams(location.search);
function simpanUrl(k: Record<string, string | number | null>): void {
  const p = new URLSearchParams();
  for (const [a, b] of Object.entries(k)) if (b !== null && b !== "" && b !== SEMUA) p.set(a, String(b));
  history.replaceState(null, "", `${location.pathname}${p.toString() ? `?${p}` : ""}${location.hash}`);
}

function nilaiInput(root: HTMLElement, nama: string): string {
  return (root.querySelector(`[data-input="${nama}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";
}

async function seri(w: HTMLElement): Promise<void> {
  const konfig = JSON.parse(w.querySelector("script[data-konfig]")!.textContent!) as { bawaan: SeriKeadaan; status: Record<string, StatusRenstra> };
  const rows = await muat<SeriTitik>(w.dataset.src!);
  const root = w.querySelector("[data-root]") as HTMLElement;
  const p = params();
  let k = rapikan(rows, { wilayah: p.get("wilayah") ?? undefined, indikator: p.get("indikator") ?? undefined, sumber: p.get("sumber") ?? undefined, tahun: p.has("tahun") ? Number(p.get("tahun")) : undefined }, konfig.bawaan);
  const gambar = () => {
    renderSeri(document, root, rows, k, konfig.status);
    root.dataset.siap = JSON.stringify(k);
  };
  gambar();
  root.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    if (!t.dataset.input) return;
    const ganti = { ...k, [t.dataset.input]: nilaiInput(root, t.dataset.input) } as Partial<SeriKeadaan>;
    // A new region or indicator keeps the year only when it exists there.
    if (t.dataset.input !== "tahun") ganti.tahun = k.tahun;
    if (t.dataset.input === "wilayah" || t.dataset.input === "indikator") ganti.sumber = SEMUA;
    k = rapikan(rows, ganti, konfig.bawaan);
    simpanUrl({ wilayah: k.wilayah, indikator: k.indikator, sumber: k.sumber, tahun: k.tahun });
    gambar();
    (root.querySelector(`[data-input="${t.dataset.input}"]`) as HTMLElement | null)?.focus();
  });
}

async function masalah(w: HTMLElement): Promise<void> {
  const rows = await muat<MasalahBaris>(w.dataset.src!);
  const root = w.querySelector("[data-root]") as HTMLElement;
  const p = params();
  let k: MasalahKeadaan = {
    tingkat: p.get("tingkat") ?? SEMUA_M,
    status: p.get("status") ?? SEMUA_M,
    tabel: p.get("tabel") ?? SEMUA_M,
    keluarga: p.get("keluarga") ?? SEMUA_M,
    cari: p.get("cari") ?? "",
    n: Number(p.get("n")) || PER_HALAMAN,
  };
  const gambar = (fokus?: string) => {
    renderMasalah(document, root, rows, k);
    root.dataset.siap = JSON.stringify(k);
    simpanUrl({ tingkat: k.tingkat, status: k.status, tabel: k.tabel, keluarga: k.keluarga, cari: k.cari, n: k.n === PER_HALAMAN ? null : k.n });
    if (fokus) (root.querySelector(`[data-input="${fokus}"]`) as HTMLElement | null)?.focus();
  };
  gambar();
  const ubah = (e: Event) => {
    const t = e.target as HTMLElement;
    if (!t.dataset.input) return;
    k = { ...k, [t.dataset.input]: nilaiInput(root, t.dataset.input), n: PER_HALAMAN };
    gambar(t.dataset.input);
  };
  root.addEventListener("change", ubah);
  root.addEventListener("click", (e) => {
    if (!(e.target as HTMLElement).closest("[data-lagi]")) return;
    k = { ...k, n: k.n + PER_HALAMAN };
    gambar();
  });
}

// ---------------------------------------------------------------------------------------------
// Tables: sort, filter, download.

function kunci(td: Element | undefined): { n: number | null; t: string } {
  const v = (td as HTMLElement | undefined)?.dataset.v;
  const t = td?.textContent ?? "";
  const n = v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : null;
  return { n, t };
}

function urutkan(btn: HTMLButtonElement): void {
  const th = btn.closest("th")!;
  const table = th.closest("table")!;
  const i = Number(btn.dataset.urut);
  const naik = th.getAttribute("aria-sort") !== "ascending";
  for (const h of table.querySelectorAll("thead th")) h.setAttribute("aria-sort", "none");
  th.setAttribute("aria-sort", naik ? "ascending" : "descending");
  const body = table.tBodies[0]!;
  const baris = [...body.rows];
  baris.sort((a, b) => {
    const x = kunci(a.cells[i]);
    const y = kunci(b.cells[i]);
    const c = x.n !== null && y.n !== null ? x.n - y.n : x.n !== null ? -1 : y.n !== null ? 1 : x.t.localeCompare(y.t, "id");
    return naik ? c : -c;
  });
  body.append(...baris);
}

function saringTabel(input: HTMLInputElement): void {
  const wadah = input.closest("[data-tabel]")!;
  const q = input.value.trim().toLowerCase();
  let n = 0;
  for (const tr of wadah.querySelectorAll("tbody tr")) {
    const cocok = !q || (tr.textContent ?? "").toLowerCase().includes(q);
    (tr as HTMLElement).hidden = !cocok;
    if (cocok) n++;
  }
  const j = wadah.querySelector(".jumlah-baris");
  if (j) j.textContent = `${n} baris`;
}

/** Header and rows exactly as shown: a table's visible rows, or a chart's/list's drawn rows. */
function isiUnduhan(a: HTMLElement): string[][] {
  const wadah = a.closest("[data-tabel]");
  if (wadah) {
    const kepala = [...wadah.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    const baris = [...wadah.querySelectorAll("tbody tr")].filter((tr) => !(tr as HTMLElement).hidden).map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent?.trim() ?? ""));
    return [kepala, ...baris];
  }
  const data = a.closest("figure, p")?.querySelector("script[data-grafik]");
  const rows = JSON.parse(data?.textContent ?? "[]") as Record<string, unknown>[];
  const kolom = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [kolom, ...rows.map((r) => kolom.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))))];
}

async function unduh(a: HTMLElement): Promise<void> {
  const isi = isiUnduhan(a);
  const nama = (a.dataset.nama ?? "data").replace(/[^A-Za-z0-9_.-]+/g, "-");
  let blob: Blob;
  if (a.dataset.unduh === "xlsx") {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    // Every cell as text: what the page shows, never a formula.
    for (const r of isi) ws.addRow(r.map((v) => ({ richText: [{ text: v }] })));
    blob = new Blob([await wb.xlsx.writeBuffer()], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  } else {
    blob = new Blob([toCsv(isi)], { type: "text/csv;charset=utf-8" });
  }
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: `${nama}.${a.dataset.unduh}` });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

document.addEventListener("click", (e) => {
  const t = e.target as HTMLElement;
  const btn = t.closest("button[data-urut]") as HTMLButtonElement | null;
  if (btn) return urutkan(btn);
  const a = t.closest("a[data-unduh]") as HTMLElement | null;
  if (a) {
    e.preventDefault();
    void unduh(a).catch((err: unknown) => console.error(err));
  }
});
document.addEventListener("input", (e) => {
  const t = e.target as HTMLInputElement;
  if (t.matches("input[data-saring]")) saringTabel(t);
});

for (const w of document.querySelectorAll<HTMLElement>("[data-widget]")) {
  const jalan = w.dataset.widget === "seri" ? seri(w) : w.dataset.widget === "masalah" ? masalah(w) : Promise.resolve();
  jalan.catch((err: unknown) => {
    w.insertAdjacentHTML("afterbegin", '<p class="kosong">Data interaktif gagal dimuat; tampilan di bawah adalah versi statis.</p>');
    console.error(err);
  });
}
document.documentElement.dataset.js = "siap";
