/**
 * The notebooks in the browser (bundled by the build into site/assets/notebook.js; no CDN). Widgets
 * load their rows from Arrow IPC files beside the pages and re-render in place on every input, with
 * the state in the URL; every table sorts and filters; every "Unduh CSV / XLSX" link writes exactly
 * the rows shown (table) or drawn (chart).
 */
import { tableFromIPC } from "apache-arrow";
import { toCsv } from "../../pipelines/lib/csv.js";
import { aturLebar } from "../dom.js";
import { HALAMAN_TAMPILAN } from "../halaman-tampilan.js";
import { renderMasalah, PER_HALAMAN, SEMUA as SEMUA_M, type MasalahBaris, type MasalahKeadaan } from "../masalah-view.js";
import { TAMPILAN_SERI } from "../seri-view.js";
import { SEMUA, type DataTampilan, type Keadaan, type Tampilan } from "../tampilan.js";

async function muat<T>(url: string): Promise<T[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`gagal memuat ${url}: ${res.status}`);
  const t = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  return t.toArray().map((r) => r.toJSON() as T);
}

/** A widget's data files (data-src: "name=path name=path"), loaded in parallel. */
async function muatSemua(src: string): Promise<DataTampilan> {
  const pasangan = src.split(/\s+/).filter(Boolean).map((x) => x.split("=", 2) as [string, string]);
  const isi = await Promise.all(pasangan.map(([, url]) => muat<Record<string, unknown>>(url)));
  return Object.fromEntries(pasangan.map(([n], i) => [n, isi[i]!]));
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

/** The width a chart may take: the page's main column less a card's padding and border. */
function lebarKartu(): number {
  const main = document.querySelector("main");
  if (!main) return window.innerWidth - 40;
  const st = getComputedStyle(main);
  // Less the card's own padding and border (figure.grafik: at most 0.8rem each side).
  return Math.floor(main.clientWidth - Number.parseFloat(st.paddingLeft) - Number.parseFloat(st.paddingRight) - 30);
}

/** Every view's widget name -> the view (notebooks/tampilan.ts). */
const TAMPILAN: Record<string, Tampilan<Keadaan, unknown>> = {
  seri: TAMPILAN_SERI as unknown as Tampilan<Keadaan, unknown>,
  ...(HALAMAN_TAMPILAN as unknown as Record<string, Tampilan<Keadaan, unknown>>),
};

/**
 * The one loop behind every view: state from the URL, made whole against the data; on each input
 * change the view redraws in place from the same rows and the state goes back into the URL.
 */
async function jalankan(w: HTMLElement, t: Tampilan<Keadaan, unknown>): Promise<void> {
  const konfig = JSON.parse(w.querySelector("script[data-konfig]")!.textContent!) as unknown;
  const data = await muatSemua(w.dataset.src!);
  const root = w.querySelector("[data-root]") as HTMLElement;
  const p = params();
  let k = t.rapikan(data, Object.fromEntries(t.masukan.filter((m) => p.has(m)).map((m) => [m, p.get(m)])), konfig);
  const gambar = (fokus?: string) => {
    t.render(document, root, data, k, konfig);
    root.dataset.siap = JSON.stringify(k);
    root.dataset.lebar = String(lebarKartu());
    simpanUrl(Object.fromEntries(t.masukan.map((m) => [m, k[m] ?? null])));
    if (fokus) (root.querySelector(`[data-input="${fokus}"]`) as HTMLElement | null)?.focus();
  };
  gambar();
  // A phone turned sideways or a window resized: charts are redrawn for the new card width.
  let tunda: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(tunda);
    tunda = setTimeout(() => {
      if (root.dataset.lebar === String(lebarKartu())) return;
      aturLebar(lebarKartu());
      gambar();
    }, 150);
  });
  root.addEventListener("change", (e) => {
    const nama = (e.target as HTMLElement).dataset.input;
    if (!nama || String(k[nama] ?? "") === nilaiInput(root, nama)) return;
    k = t.rapikan(data, { ...k, [nama]: nilaiInput(root, nama) }, konfig, nama);
    gambar(nama);
  });
}

async function masalah(w: HTMLElement): Promise<void> {
  const rows = Object.values(await muatSemua(w.dataset.src!))[0] as unknown as MasalahBaris[];
  const root = w.querySelector("[data-root]") as HTMLElement;
  const p = params();
  let k: MasalahKeadaan = {
    keparahan: p.get("keparahan") ?? SEMUA_M,
    status: p.get("status") ?? SEMUA_M,
    tabel: p.get("tabel") ?? SEMUA_M,
    keluarga: p.get("keluarga") ?? SEMUA_M,
    cari: p.get("cari") ?? "",
    n: Number(p.get("n")) || PER_HALAMAN,
  };
  const gambar = (fokus?: string) => {
    renderMasalah(document, root, rows, k);
    root.dataset.siap = JSON.stringify(k);
    simpanUrl({ keparahan: k.keparahan, status: k.status, tabel: k.tabel, keluarga: k.keluarga, cari: k.cari, n: k.n === PER_HALAMAN ? null : k.n });
    if (fokus) (root.querySelector(`[data-input="${fokus}"]`) as HTMLElement | null)?.focus();
  };
  gambar();
  const ubah = (e: Event) => {
    const t = e.target as HTMLElement;
    // Redrawing removes the focused search box, whose blur fires a second change: nothing new then.
    if (!t.dataset.input || String(k[t.dataset.input as keyof MasalahKeadaan]) === nilaiInput(root, t.dataset.input)) return;
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

// Charts redrawn here fit the card they are drawn in (a 390 px phone gets a narrower chart, not a shrunken one).
aturLebar(lebarKartu());
for (const w of document.querySelectorAll<HTMLElement>("[data-widget]")) {
  const t = TAMPILAN[w.dataset.widget ?? ""];
  const jalan = t ? jalankan(w, t) : w.dataset.widget === "masalah" ? masalah(w) : Promise.resolve();
  jalan.catch((err: unknown) => {
    w.insertAdjacentHTML("afterbegin", '<p class="kosong">Data interaktif gagal dimuat; tampilan di bawah adalah versi statis.</p>');
    console.error(err);
  });
}
document.documentElement.dataset.js = "siap";
