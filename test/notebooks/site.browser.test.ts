/**
 * The notebook site in headless Chromium (test/helpers/browser.ts: no root, no apt). One build, one
 * server on a free port, one browser for the file; each page is a test of its own in its own context,
 * and the pages run in parallel. For every page:
 * - at 1280 px and at 390 px (one load, narrowed: the client redraws for the phone's card): charts
 *   drawn, console clean, no request off 127.0.0.1, nothing wider than the screen, build stamp,
 *   screenshots of both widths in outputs/screenshots/;
 * - axe-core finds no serious or critical violation (WCAG 2 A/AA, once per page template at 1280 px:
 *   the ten indicator pages are one view over different rows, two of them stand for all);
 * - every chart's and list's "Unduh CSV" returns exactly the rows the chart binds (and the chart
 *   draws a mark for each), every table's returns exactly the rows shown, after filtering; "XLSX"
 *   the same, opened for each page's first chart and first table;
 * - sorting each table by a column orders it by that column's values, both ways;
 * - each input with a choice changes the data bound to the marks and goes into the URL, and the URL
 *   alone reopens the same view.
 * Waits are on ready signals the client sets (html[data-js], [data-root][data-siap], data-lebar),
 * never on time.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutraliseCell } from "../../pipelines/lib/csv.js";
import { serveStatic } from "../../pipelines/notebooks/serve.js";
import { launchBrowser } from "../helpers/browser.js";
import { sharedBuild } from "../helpers/shared-build.js";

const SCREENSHOTS = resolve(import.meta.dirname, "../../outputs/screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// The run's shared build of sources/ (test/global-setup.ts), known before the tests are collected.
const SITE = join(sharedBuild(), "site");
const FILES = readdirSync(SITE)
  .filter((f) => f.endsWith(".html"))
  .sort();

/** Inputs that hold a choice in the bundled sources' warehouse, so a page cannot pass by having none. */
const PILIHAN: Record<string, string[]> = {
  "index.html": ["tahun", "indikator"],
  "tren.html": ["wilayah", "tahun", "indikator", "sumber"],
  "pencari-kerja.html": ["jk"],
  "hubungan-industrial.html": ["versi"],
  "anggaran.html": ["tahun", "program"],
  "pasar-kerja.html": ["wilayah", "indikator", "sumber", "tahun"],
  "rekonsiliasi.html": ["keparahan", "status", "tabel", "keluarga", "cari"],
  "tren-tpt.html": ["wilayah", "indikator", "sumber", "tahun"],
};
const pilihanWajib = (f: string) => PILIHAN[f] ?? (f.startsWith("tren-") ? ["wilayah", "indikator"] : []);
/** One page per template gets the axe pass (it is the slowest step). */
const wakilTemplat = (f: string) => !f.startsWith("tren-") || f === "tren-tpt.html" || f === "tren-pdrb_per_kapita.html";

let server: Server;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ server, url: base } = await serveStatic(SITE));
  ({ browser, close: closeBrowser } = await launchBrowser());
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
});

/** A page in a fresh context that records console errors, failed loads and any request off 127.0.0.1. */
async function halaman(width: number): Promise<{ page: Page; external: string[]; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const external: string[] = [];
  const problems: string[] = [];
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (u.protocol === "data:" || u.protocol === "blob:") return;
    if (u.hostname !== "127.0.0.1") external.push(req.url());
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`${page.url()}: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`${page.url()}: gagal memuat ${req.url()}`));
  return { page, external, problems, close: () => context.close() };
}

/** Opens a page and waits for the client's ready signals: script run, every widget drawn. */
async function buka(page: Page, path: string): Promise<void> {
  const res = await page.goto(base + path, { waitUntil: "load" });
  expect(res?.status(), path).toBe(200);
  await siap(page);
}

const siap = async (page: Page) => {
  await page.waitForFunction(() => document.documentElement.dataset.js === "siap");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-widget] [data-root]")].every((r) => (r as HTMLElement).dataset.siap));
};

/**
 * What the page's widgets bind to their marks: each chart's rows (its data block), the marks drawn
 * from them (positions and sizes), each table's rows, the figures and the list shown.
 */
function tanda(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-widget] [data-root]")]
      .flatMap((root) => [
        ...[...root.querySelectorAll("script[data-grafik]")].map((s) => s.textContent),
        ...[...root.querySelectorAll('g[aria-label="dot"] circle, g[aria-label="dot"] path, g[aria-label="line"] path, g[aria-label="bar"] rect, g[aria-label="rule"] line')].map((e) =>
          ["cx", "cy", "d", "x", "y", "width", "height", "x1"].map((a) => e.getAttribute(a)).join(","),
        ),
        ...[...root.querySelectorAll("tbody tr")].map((tr) => tr.textContent),
        // The view's heading (what it shows: an indicator and region the warehouse may hold no figure for), its figures and list.
        ...[...root.querySelectorAll('h2, [data-bagian="nilai-tahun"], [data-bagian="jumlah"], .daftar-kerja > li summary')].map((e) => e.textContent),
      ])
      .join("|"),
  );
}

/** Serious and critical axe-core violations on the open page (axe injected from node_modules, not fetched). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await a.run({ resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.filter((x) => x.impact === "serious" || x.impact === "critical").map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
}

async function unduhan(page: Page, link: Locator): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile((await dl.path())!);
}

const csvRows = (buf: Buffer) => parse(buf, { bom: true, relax_column_count: true }) as string[][];

async function xlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const text = (c: unknown) => (c && typeof c === "object" && "richText" in c ? (c as { richText: { text: string }[] }).richText.map((t) => t.text).join("") : String(c ?? ""));
  // Rows and cells from 1; a cell never written is a hole.
  return wb.worksheets[0]!.getSheetValues().slice(1).map((r) => Array.from((r as unknown[]).slice(1), text));
}

/**
 * The downloads of `wadah` equal `rows` (header first); the CSV writer guards formula-like text with
 * "'". The XLSX link writes the same rows through the same code, so it is opened where `xlsx` says
 * (each page's first chart and first table): the workbook writer is the slow part.
 */
async function unduhanSama(page: Page, wadah: Locator, rows: string[][], label: string, xlsx: boolean): Promise<void> {
  // ExcelJS drops trailing empty cells of a row; so does the comparison.
  const potong = (r: string[]) => {
    const x = [...r];
    while (x.length && x.at(-1) === "") x.pop();
    return x;
  };
  expect(csvRows(await unduhan(page, wadah.locator('a[data-unduh="csv"]').first())), `${label} CSV`).toEqual(rows.map((r) => r.map(neutraliseCell)));
  if (xlsx) expect((await xlsxRows(await unduhan(page, wadah.locator('a[data-unduh="xlsx"]').first()))).map(potong), `${label} XLSX`).toEqual(rows.map(potong));
}

/** Viewport `width`, and for a narrower one the client's redraw for the new card width. */
async function lebar(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForFunction(() => {
    const main = document.querySelector("main")!;
    const st = getComputedStyle(main);
    const w = String(Math.floor(main.clientWidth - Number.parseFloat(st.paddingLeft) - Number.parseFloat(st.paddingRight) - 30));
    return [...document.querySelectorAll<HTMLElement>("[data-root][data-lebar]")].every((r) => r.dataset.lebar === w);
  });
}

/** The drawing checks at one width, and its screenshot. */
async function tampak(page: Page, f: string, width: number): Promise<void> {
  const perChart = await page.$$eval("figure.grafik", (figs) =>
    figs.map((fig) => ({
      judul: fig.querySelector("h3")?.textContent ?? "",
      svg: fig.querySelectorAll(":scope > svg").length,
      tanda: fig.querySelectorAll('svg g[aria-label="bar"] :not(g):not(title), svg g[aria-label="dot"] :not(g):not(title), svg g[aria-label="line"] :not(g):not(title)').length,
    })),
  );
  for (const c of perChart) {
    expect(c.svg, `${f}@${width}: ${c.judul}`).toBe(1);
    expect(c.tanda, `${f}@${width}: ${c.judul}`).toBeGreaterThan(0);
  }
  // Charts and tables scroll inside their card; the page itself never scrolls sideways, and tables
  // scroll in their card instead of squeezing, so no phone page grows past 9.000 px.
  const ukuran = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  expect(ukuran.w, `${f}@${width}`).toBeLessThanOrEqual(width);
  if (width < 600) expect(ukuran.h, `${f}@${width}`).toBeLessThanOrEqual(9000);
  await page.screenshot({ path: join(SCREENSHOTS, f.replace(/\.html$/, `-${width}.png`)), fullPage: true });
}

/** Each chart's (and the worklist's) downloads: the rows it binds, one mark or more drawn for each. */
async function periksaUnduhanGrafik(page: Page, f: string): Promise<void> {
  const wadah = page.locator("figure.grafik, [data-bagian='jumlah']").filter({ has: page.locator("a[data-unduh]") });
  for (let i = 0; i < (await wadah.count()); i++) {
    const w = wadah.nth(i);
    const info = await w.evaluate((el) => {
      const rows = JSON.parse(el.querySelector("script[data-grafik]")?.textContent ?? "[]") as Record<string, unknown>[];
      const hitung = (m: string) => el.querySelectorAll(`svg g[aria-label="${m}"] :not(g):not(title)`).length;
      return { judul: el.querySelector("h3")?.textContent ?? "daftar kerja", rows, tanda: Math.max(hitung("dot"), hitung("bar"), hitung("text")), svg: !!el.querySelector("svg") };
    });
    const label = `${f}: ${info.judul}`;
    const kolom = [...new Set(info.rows.flatMap((r) => Object.keys(r)))];
    const isi = info.rows.map((r) => kolom.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))));
    expect(info.rows.length, label).toBeGreaterThan(0);
    if (info.svg) {
      // Every row the chart binds is drawn: each as a mark or a fixed number of marks (a pagu and a realisasi bar).
      expect(info.tanda % info.rows.length, `${label}: ${info.tanda} tanda, ${info.rows.length} baris`).toBe(0);
      expect(info.tanda, label).toBeGreaterThan(0);
    } else {
      // The worklist: the masalah listed, in their rank.
      expect(info.rows.map((r) => r.masalah_id), label).toEqual(await page.locator(".daftar-kerja > li details").evaluateAll((ds) => ds.map((d) => (d as HTMLElement).dataset.id)));
    }
    await unduhanSama(page, w, [kolom, ...isi], label, i === 0);
  }
}

const isiTabel = (t: Locator) =>
  t.evaluate((el) => ({
    kepala: [...el.querySelectorAll("thead th")].map((th) => th.textContent!.trim()),
    baris: [...el.querySelectorAll("tbody tr")].filter((tr) => !(tr as HTMLElement).hidden).map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent!.trim())),
    teks: [...el.querySelectorAll("tbody tr")].filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr.textContent ?? "").toLowerCase()),
    judul: el.querySelector("caption")?.textContent ?? "",
  }));

/**
 * Each visible table: filtered to the rows holding its first row's first cell, its downloads return
 * exactly the header and the rows shown; then, sorted by a column that varies, it is ordered by that
 * column's values (numbers by their exact value, text in Indonesian order), both ways.
 */
async function periksaTabel(page: Page, f: string): Promise<{ diurutkan: number; dapat: number }> {
  const tabel = page.locator("[data-tabel]");
  let diurutkan = 0;
  let dapat = 0;
  for (let i = 0; i < (await tabel.count()); i++) {
    const t = tabel.nth(i);
    if (!(await t.isVisible())) continue;
    const semua = await isiTabel(t);
    const label = `${f}: tabel ${i} (${semua.judul})`;
    if (semua.baris.length > 1) {
      const kunci = semua.baris[0]![0]!;
      await t.locator("input[data-saring]").fill(kunci);
      const tersaring = await isiTabel(t);
      expect(tersaring.baris, label).toEqual(semua.baris.filter((_, j) => semua.teks[j]!.includes(kunci.toLowerCase())));
      expect(tersaring.baris.length, label).toBeGreaterThan(0);
      await unduhanSama(page, t, [tersaring.kepala, ...tersaring.baris], label, dapat === 0);
      await t.locator("input[data-saring]").fill("");
    } else {
      await unduhanSama(page, t, [semua.kepala, ...semua.baris], label, false);
    }
    if (semua.baris.length < 2) continue;
    dapat++;
    // The first column whose values differ between rows.
    const kolom = semua.kepala.findIndex((_, c) => new Set(semua.baris.map((r) => r[c])).size > 1);
    if (kolom < 0) continue;
    const nilai = () =>
      t.locator(`tbody tr td:nth-child(${kolom + 1})`).evaluateAll((tds) =>
        tds.map((td) => {
          const v = (td as HTMLElement).dataset.v;
          return { n: v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : null, t: td.textContent ?? "" };
        }),
      );
    const banding = (a: { n: number | null; t: string }, b: { n: number | null; t: string }) =>
      a.n !== null && b.n !== null ? a.n - b.n : a.n !== null ? -1 : b.n !== null ? 1 : a.t.localeCompare(b.t, "id");
    const tombol = t.locator(`thead th:nth-child(${kolom + 1}) button`);
    await tombol.click();
    const naik = await nilai();
    expect(naik, `${label}: naik`).toEqual([...naik].sort(banding));
    expect(await t.locator(`thead th:nth-child(${kolom + 1})`).getAttribute("aria-sort")).toBe("ascending");
    await tombol.click();
    const turun = await nilai();
    expect(turun, `${label}: turun`).toEqual([...naik].sort((a, b) => banding(b, a)));
    expect(turun, label).not.toEqual(naik);
    diurutkan++;
  }
  return { diurutkan, dapat };
}

/** Every input with a choice changes what the marks bind and goes into the URL; the URL reopens the view. */
async function periksaMasukan(page: Page, f: string): Promise<string[]> {
  const diubah: string[] = [];
  const masukan = await page.$$eval("[data-widget] [data-input]", (es) => es.map((e) => (e as HTMLElement).dataset.input!));
  for (const nama of masukan) {
    const input = page.locator(`[data-input="${nama}"]`);
    const before = await tanda(page);
    const sekarang = await input.inputValue();
    let baru: string;
    if ((await input.evaluate((e) => e.tagName)) === "SELECT") {
      const opsi = await input.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const lain = opsi.find((o) => o !== sekarang);
      // The warehouse holds one value here (one region, one year): nothing to change to.
      if (lain === undefined) continue;
      baru = lain;
      await input.selectOption(baru);
    } else {
      // A search box: the id of the second item listed narrows the list to it.
      baru = (await page.locator(".daftar-kerja > li details").nth(1).getAttribute("data-id")) ?? "";
      await input.fill(baru);
      await input.dispatchEvent("change");
    }
    await siap(page);
    expect(await tanda(page), `${f}: ${nama} -> ${baru}`).not.toBe(before);
    expect(new URL(page.url()).searchParams.get(nama) ?? "semua", `${f}: ${nama}`).toBe(baru);
    diubah.push(nama);
    // The URL alone reopens the same view (a shared link): once per page, with its first input changed.
    if (diubah.length === 1) {
      const sesudah = await tanda(page);
      await buka(page, page.url().slice(base.length));
      expect(await tanda(page), `${f}: ${nama} lewat URL`).toBe(sesudah);
    }
    // Back to the first view for the next input: the old value, or the page afresh when an input
    // that follows this one was reset by it (a new region starts from all its sources).
    if ((await input.evaluate((e) => e.tagName)) === "SELECT") await input.selectOption(sekarang);
    else {
      await input.fill(sekarang);
      await input.dispatchEvent("change");
    }
    if ((await tanda(page)) !== before) await buka(page, f);
  }
  return diubah;
}

describe.concurrent("notebook site in Chromium", () => {
  it("has the pages the navigation names", () => {
    for (const f of ["index.html", "tren.html", "tren-tpt.html", "pencari-kerja.html", "hubungan-industrial.html", "anggaran.html", "pasar-kerja.html", "rekonsiliasi.html"]) expect(FILES).toContain(f);
  });

  for (const f of FILES) {
    it(`${f}: both widths, axe, downloads equal the data, sorting, every input`, async () => {
      const { page, external, problems, close } = await halaman(1280);
      try {
        await buka(page, f);
        expect(await page.locator("[data-stempel]").textContent(), f).toMatch(/Dibangun .* UTC .* berkas sumber, sidik gabungan SHA-256 [0-9a-f]{16}/);
        await tampak(page, f, 1280);
        if (wakilTemplat(f)) expect(await axe(page), `${f}: axe-core`).toEqual([]);
        await lebar(page, 390);
        await tampak(page, f, 390);
        // The worklist's first masalah opened: its tables (consequences, cells) are checked too.
        if (await page.locator(".daftar-kerja > li summary").count()) await page.locator(".daftar-kerja > li summary").first().click();
        await periksaUnduhanGrafik(page, f);
        // Every table of two rows or more reorders (a one-row table has nothing to reorder).
        const urut = await periksaTabel(page, f);
        expect(urut.diurutkan, `${f}: tabel yang diurutkan`).toBe(urut.dapat);
        if (!["tren-inflasi.html", "tren-prevalensi_stunting.html"].includes(f)) expect(urut.dapat, f).toBeGreaterThan(0);
        const diubah = await periksaMasukan(page, f);
        expect(diubah, f).toEqual(expect.arrayContaining(pilihanWajib(f)));
        expect(external, f).toEqual([]);
        expect(problems, f).toEqual([]);
      } finally {
        await close();
      }
    }, 240_000);
  }

  it("indicator notebook: tooltips name the source cell; PDRB per kapita is a value in context, in juta rupiah", async () => {
    const { page, problems, close } = await halaman(1280);
    try {
      await buka(page, "tren-tpt.html?wilayah=6403&indikator=pdrb_per_kapita");
      expect(await page.inputValue('[data-input="indikator"]')).toBe("pdrb_per_kapita");
      expect(await page.textContent("[data-root]")).toContain("ditampilkan sebagai nilai dengan konteksnya");
      expect(await page.textContent('[data-root] g[aria-label="x-axis label"]')).toContain("juta rupiah");

      // Tooltip: value, source and provenance of the point under the pointer.
      await buka(page, "tren-tpt.html");
      const dot = page.locator('[data-root] figure.grafik g[aria-label="dot"] circle').last();
      await dot.scrollIntoViewIfNeeded();
      const box = (await dot.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('[data-root] g[aria-label="tip"] text');
      const tip = await page.textContent('[data-root] g[aria-label="tip"]');
      expect(tip).toMatch(/Nilai/);
      expect(tip).toMatch(/Sumber/);
      expect(tip).toMatch(/Asal.*baris/);
      // The trend chart's download: one row per point drawn, with its source and provenance.
      const fig = page.locator("[data-root] figure.grafik").first();
      const rows = parse(await unduhan(page, fig.locator('a[data-unduh="csv"]')), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows).toHaveLength(await fig.locator('g[aria-label="dot"] circle').count());
      expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["tahun", "nilai", "sumber", "provenance"]));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("worklist: counts are the CLI's line; paging lists more; a masalah expands to its cells", async () => {
    const { page, problems, close } = await halaman(1280);
    try {
      await buka(page, "rekonsiliasi.html");
      // The CLI's own line (recon.ringkasan through ringkasanTeks), never recounted by the page.
      expect(await page.textContent('[data-bagian="hitungan"]')).toMatch(/\d+ masalah terbuka \(\d+ kesalahan, \d+ peringatan; \d+ temuan\)/);
      const n = await page.locator(".daftar-kerja > li").count();
      await page.click("[data-lagi]");
      expect(await page.locator(".daftar-kerja > li").count()).toBeGreaterThan(n);
      await page.click(".daftar-kerja > li summary >> nth=0");
      expect(await page.locator(".daftar-kerja > li >> nth=0 >> table").first().isVisible()).toBe(true);
      // The chart of findings by table names them as the document does, not by file path.
      const sumbu = await page.locator('figure.grafik:has(h3:text-is("Temuan menurut tabel LKjIP atau sumber")) g[aria-label="y-axis tick label"] text').allTextContents();
      expect(sumbu.length).toBeGreaterThan(0);
      expect(sumbu.filter((t) => /\.(csv|xlsx)$/.test(t))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("navigates between pages through the menu", async () => {
    const { page, close } = await halaman(1280);
    try {
      await buka(page, "index.html");
      await page.click("nav >> text=Pasar kerja (BPS)");
      await page.waitForURL(/pasar-kerja\.html/);
      expect(await page.textContent("h1")).toMatch(/^Pasar kerja/);
      await page.click("nav >> text=Tren IKU");
      await page.waitForURL(/tren\.html/);
      await siap(page);
      await page.click("main table a >> nth=0");
      await page.waitForURL(/tren-[a-z0-9_-]+\.html/);
      expect(await page.locator("figure.grafik svg").count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  }, 60_000);
});

// The screenshots of every page at both widths are in outputs/screenshots/ once the file has run.
afterAll(async () => {
  const shots = await readdir(SCREENSHOTS).catch(() => [] as string[]);
  for (const f of FILES) for (const w of [1280, 390]) expect(shots, `${f}@${w}`).toContain(f.replace(/\.html$/, `-${w}.png`));
});
