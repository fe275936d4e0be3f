/**
 * The notebook site in headless Chromium (test/helpers/browser.ts: no root, no apt). One build, one
 * server on a free port, one browser for every case:
 * - every page at 1280 px and at 390 px (one load, narrowed): charts drawn, console clean, no request
 *   off 127.0.0.1, nothing wider than the phone screen, screenshots of both widths in outputs/screenshots/;
 * - each input of every page (Ringkasan, Pencari kerja, HI, Anggaran, Pasar kerja, the indicator
 *   notebook and the worklist) changes the marks bound to data and goes into the URL; the state
 *   survives a reload through the URL;
 * - sorting reorders a table; each download returns exactly the rows shown;
 * - axe-core finds no serious or critical accessibility violation (WCAG 2 A/AA rules, 1280 px, every
 *   page template).
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutraliseCell } from "../../pipelines/lib/csv.js";
import { serveStatic } from "../../pipelines/notebooks/serve.js";
import { launchChromium } from "../helpers/browser.js";
import { sharedBuild } from "../helpers/shared-build.js";

const SCREENSHOTS = resolve(import.meta.dirname, "../../outputs/screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let server: Server;
let base: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let files: string[];
const external: string[] = [];
const problems: string[] = [];

/** A page that records console errors, failed loads and any request that leaves 127.0.0.1. */
async function halaman(width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
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
  return page;
}

async function buka(page: Page, path: string): Promise<void> {
  const res = await page.goto(base + path, { waitUntil: "load" });
  expect(res?.status(), path).toBe(200);
  await page.waitForFunction(() => document.documentElement.dataset.js === "siap");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-widget] [data-root]")].every((r) => (r as HTMLElement).dataset.siap));
}

/** The marks bound to data in a widget (dots, lines, bars and their positions) plus its figures. */
function tanda(page: Page): Promise<string> {
  return page.$eval("[data-widget] [data-root]", (root) =>
    [
      ...[...root.querySelectorAll('g[aria-label="dot"] circle, g[aria-label="dot"] path, g[aria-label="line"] path, g[aria-label="bar"] rect, g[aria-label="rule"] line')].map((e) =>
        ["cx", "cy", "d", "transform", "x", "y", "width", "height", "x1"].map((a) => e.getAttribute(a)).join(","),
      ),
      ...[...root.querySelectorAll('[data-bagian="nilai-tahun"], [data-bagian="jumlah"], .daftar-kerja > li summary')].map((e) => e.textContent),
    ].join("|"),
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

async function unduhan(page: Page, link: ReturnType<Page["locator"]>): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile((await dl.path())!);
}

beforeAll(async () => {
  // The run's shared build of sources/ (test/global-setup.ts).
  const site = join(sharedBuild(), "site");
  files = (await readdir(site)).filter((f) => f.endsWith(".html")).sort();
  ({ server, url: base } = await serveStatic(site));
  browser = await launchChromium();
  context = browser.context;
  await mkdir(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
});

describe("notebook site in Chromium", () => {
  it("renders every page at 1280 px and 390 px offline, with a clean console, nothing wider than the screen, and passes axe-core", async () => {
    expect(files).toContain("index.html");
    expect(files).toContain("tren-tpt.html");
    let charts = 0;
    const aksesibilitas: string[] = [];
    const tinggi: string[] = [];
    // One load per page: checked and photographed at 1280 px, then narrowed to 390 px, where the
    // client redraws the views for the phone's card (the same code a turned phone runs).
    const page = await halaman(1280);
    for (const f of files) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await buka(page, f);
      for (const width of [1280, 390]) {
        if (width !== 1280) {
          await page.setViewportSize({ width, height: 900 });
          await page.waitForFunction(() => {
            const main = document.querySelector("main")!;
            const st = getComputedStyle(main);
            const lebar = String(Math.floor(main.clientWidth - Number.parseFloat(st.paddingLeft) - Number.parseFloat(st.paddingRight) - 30));
            return [...document.querySelectorAll<HTMLElement>("[data-root][data-lebar]")].every((r) => r.dataset.lebar === lebar);
          });
        }
        const perChart = await page.$$eval("figure.grafik", (figs) =>
          figs.map((fig) => ({
            judul: fig.querySelector("h3")?.textContent ?? "",
            svg: fig.querySelectorAll(":scope > svg").length,
            tanda: fig.querySelectorAll('svg g[aria-label="bar"] :not(g):not(title), svg g[aria-label="dot"] :not(g):not(title), svg g[aria-label="line"] :not(g):not(title)').length,
          })),
        );
        for (const c of perChart) {
          expect(c.svg, `${f}: ${c.judul}`).toBe(1);
          expect(c.tanda, `${f}: ${c.judul}`).toBeGreaterThan(0);
        }
        if (width === 1280) charts += perChart.length;
        // Charts and tables scroll inside their card; the page itself never scrolls sideways.
        const ukuran = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
        expect(ukuran.w, `${f} @${width}`).toBeLessThanOrEqual(width);
        tinggi.push(`${f}@${width}=${ukuran.h}`);
        if (width === 1280) expect(await page.locator("[data-stempel]").textContent(), f).toMatch(/Dibangun .* UTC .* berkas sumber, sidik gabungan SHA-256 [0-9a-f]{16}/);
        await page.screenshot({ path: join(SCREENSHOTS, f.replace(/\.html$/, `-${width}.png`)), fullPage: true });
        // axe on every page template: the IKU pages are one view over different rows, so two of them
        // (a trend and a single-year value in context) stand for all ten; axe is the slowest step here.
        const wakil = !f.startsWith("tren-") || f === "tren-tpt.html" || f === "tren-pdrb_per_kapita.html";
        if (width === 1280 && wakil) aksesibilitas.push(...(await axe(page)).map((x) => `${f}: ${x}`));
      }
    }
    await page.close();
    expect(charts).toBeGreaterThanOrEqual(15);
    // Tables scroll in their card instead of squeezing: no phone page grows past 9.000 px.
    expect(tinggi.filter((t) => t.includes("@390=") && Number(t.split("=")[1]) > 9000)).toEqual([]);
    // axe-core (WCAG 2 A/AA rules): no serious or critical violation on any page.
    expect(aksesibilitas).toEqual([]);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);

  it("every page's inputs: each changes the data-bound marks and goes into the URL; each table's download equals its rows", async () => {
    const page = await halaman();
    const ubah: string[] = [];
    for (const f of ["index.html", "pencari-kerja.html", "hubungan-industrial.html", "anggaran.html", "pasar-kerja.html"]) {
      await buka(page, f);
      const masukan = await page.$$eval("[data-widget] [data-input]", (es) => es.map((e) => (e as HTMLElement).dataset.input!));
      expect(masukan, f).toEqual(expect.arrayContaining(["wilayah", "tahun"]));
      for (const nama of masukan) {
        const opsi = await page.$$eval(`[data-input="${nama}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
        const sekarang = await page.inputValue(`[data-input="${nama}"]`);
        const lain = opsi.find((o) => o !== sekarang);
        // The warehouse holds one region (or one year) for some pages: nothing to change to.
        if (lain === undefined) continue;
        const before = await tanda(page);
        await page.selectOption(`[data-input="${nama}"]`, lain);
        expect(await tanda(page), `${f}: ${nama} -> ${lain}`).not.toBe(before);
        expect(new URL(page.url()).searchParams.get(nama) ?? "semua", `${f}: ${nama}`).toBe(lain);
        ubah.push(`${f}:${nama}`);
        await page.selectOption(`[data-input="${nama}"]`, sekarang);
      }
      // Every table's CSV holds exactly the header and the rows shown.
      const n = await page.locator("[data-root] [data-tabel]").count();
      for (let i = 0; i < n; i++) {
        const tabel = page.locator("[data-root] [data-tabel]").nth(i);
        const kepala = await tabel.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent!.trim()));
        const terlihat = await tabel.locator("tbody tr:not([hidden])").evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent!.trim())));
        const csv = parse(await unduhan(page, tabel.locator('a[data-unduh="csv"]')), { bom: true, relax_column_count: true }) as string[][];
        // The one CSV writer prefixes "'" to text a spreadsheet would run as a formula ("+0,35 poin persen").
        expect(csv, `${f}: tabel ${i}`).toEqual([kepala, ...terlihat].map((r) => r.map(neutraliseCell)));
      }
    }
    // Inputs with a choice on each page (the rest have one value in this warehouse).
    expect(ubah).toEqual(
      expect.arrayContaining(["index.html:tahun", "index.html:indikator", "pencari-kerja.html:jk", "hubungan-industrial.html:versi", "anggaran.html:tahun", "anggaran.html:program", "pasar-kerja.html:wilayah", "pasar-kerja.html:indikator", "pasar-kerja.html:sumber", "pasar-kerja.html:tahun"]),
    );
    // Sorting a budget table by a money column reorders it by value.
    await buka(page, "anggaran.html");
    const tabel = page.locator("[data-root] [data-tabel]").first();
    await tabel.locator('th button:text-is("Pagu")').click();
    const pagu = await tabel.locator("tbody tr td:nth-child(3)").evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.v)));
    expect(pagu).toEqual([...pagu].sort((a, b) => a - b));
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it("indicator notebook: every input changes the data-bound marks, the state lives in the URL, tooltips name the source cell", async () => {
    const page = await halaman();
    await buka(page, "tren-tpt.html");
    const pilih = async (nama: string, nilai?: string) => {
      const before = await tanda(page);
      const opsi = await page.$$eval(`[data-input="${nama}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
      const sekarang = await page.inputValue(`[data-input="${nama}"]`);
      const baru = nilai ?? opsi.find((o) => o !== sekarang)!;
      await page.selectOption(`[data-input="${nama}"]`, baru);
      expect(await tanda(page), `${nama} -> ${baru}`).not.toBe(before);
      return baru;
    };
    await pilih("tahun", "2023");
    await pilih("sumber", "Kutipan angka BPS");
    await pilih("wilayah", "64");
    expect(page.url()).toContain("wilayah=64");
    await pilih("indikator", "pdrb_per_kapita");
    expect(page.url()).toContain("indikator=pdrb_per_kapita");
    // A shared link opens the same view.
    await pilih("wilayah", "6403");
    const url = page.url();
    const sebelum = await tanda(page);
    await page.goto(url);
    await buka(page, url.slice(base.length));
    expect(await tanda(page)).toBe(sebelum);
    expect(await page.inputValue('[data-input="indikator"]')).toBe("pdrb_per_kapita");
    // PDRB per kapita: one year for Kutai Kartanegara, so a value in context (bars), in juta rupiah.
    expect(await page.textContent("[data-root]")).toContain("ditampilkan sebagai nilai dengan konteksnya");
    expect(await page.textContent('[data-root] g[aria-label="x-axis label"]')).toContain("juta rupiah");

    // Tooltip: value, source and provenance of the point under the pointer.
    await page.goto(base + "tren-tpt.html");
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
    await page.close();
  }, 120_000);

  it("worklist: each filter changes the list, counts match the CLI's, paging and expanding work", async () => {
    const page = await halaman();
    await buka(page, "rekonsiliasi.html");
    // The CLI's own line (recon.ringkasan through ringkasanTeks), never recounted by the page.
    expect(await page.textContent('[data-bagian="hitungan"]')).toMatch(/\d+ masalah terbuka \(\d+ kesalahan, \d+ peringatan; \d+ temuan\)/);
    for (const nama of ["keparahan", "status", "tabel", "keluarga"]) {
      const before = await tanda(page);
      const opsi = await page.$$eval(`[data-input="${nama}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== "semua"));
      await page.selectOption(`[data-input="${nama}"]`, opsi[0]!);
      expect(await tanda(page), nama).not.toBe(before);
      expect(page.url()).toContain(`${nama}=`);
      await page.selectOption(`[data-input="${nama}"]`, "semua");
    }
    const n = await page.locator(".daftar-kerja > li").count();
    await page.click("[data-lagi]");
    expect(await page.locator(".daftar-kerja > li").count()).toBeGreaterThan(n);
    await page.click(".daftar-kerja > li summary >> nth=0");
    expect(await page.locator(".daftar-kerja > li >> nth=0 >> table").first().isVisible()).toBe(true);
    await page.close();
  }, 120_000);

  it("sorting reorders a table, filtering hides rows, downloads return exactly the rows shown", async () => {
    const page = await halaman();
    await buka(page, "tren-tpt.html");
    const tabel = page.locator("[data-root] [data-tabel]").first();
    const kolomNilai = async () => tabel.locator("tbody tr:not([hidden]) td:nth-child(2)").evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.v)));
    await tabel.locator('th button:text-is("Nilai")').click();
    const naik = await kolomNilai();
    expect(naik).toEqual([...naik].sort((a, b) => a - b));
    await tabel.locator('th button:text-is("Nilai")').click();
    const turun = await kolomNilai();
    expect(turun).toEqual([...naik].sort((a, b) => b - a));
    expect(turun).not.toEqual(naik);

    await tabel.locator("input[data-saring]").fill("2024");
    const terlihat = await tabel.locator("tbody tr:not([hidden])").evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent!.trim())));
    expect(terlihat.length).toBeGreaterThan(0);
    expect(terlihat.length).toBeLessThan(naik.length);
    const kepala = await tabel.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent!.trim()));
    const csv = parse(await unduhan(page, tabel.locator('a[data-unduh="csv"]')), { bom: true }) as string[][];
    expect(csv).toEqual([kepala, ...terlihat]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await unduhan(page, tabel.locator('a[data-unduh="xlsx"]'))) as never);
    const xlsx = wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((c) => (c && typeof c === "object" && "richText" in c ? (c as { richText: { text: string }[] }).richText.map((t) => t.text).join("") : String(c ?? ""))));
    expect(xlsx).toEqual([kepala, ...terlihat]);

    // A chart's download: one row per point drawn.
    const fig = page.locator("[data-root] figure.grafik").first();
    const titik = await fig.locator('g[aria-label="dot"] circle').count();
    const rows = parse(await unduhan(page, fig.locator('a[data-unduh="csv"]')), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(titik);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["tahun", "nilai", "sumber", "provenance"]));

    // The worklist's download: the findings listed.
    await buka(page, "rekonsiliasi.html");
    const listed = await page.locator(".daftar-kerja > li details").evaluateAll((ds) => ds.map((d) => (d as HTMLElement).dataset.id));
    const daftar = parse(await unduhan(page, page.locator('[data-bagian="jumlah"] a[data-unduh="csv"]')), { columns: true }) as Record<string, string>[];
    expect(daftar.map((r) => r.masalah_id)).toEqual(listed);
    await page.close();
  }, 120_000);

  it("navigates between pages through the menu", async () => {
    const page = await halaman();
    await buka(page, "index.html");
    await page.click("nav >> text=Pasar kerja (BPS)");
    await page.waitForURL(/pasar-kerja\.html$/);
    expect(await page.textContent("h1")).toMatch(/^Pasar kerja/);
    await page.click("nav >> text=Tren IKU");
    await page.waitForURL(/tren\.html$/);
    await page.click("main table a >> nth=0");
    await page.waitForURL(/tren-[a-z0-9_-]+\.html$/);
    expect(await page.locator("figure.grafik svg").count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
