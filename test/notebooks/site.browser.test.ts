/**
 * The notebook site in a real browser (headless Chromium through playwright-core: see
 * test/helpers/browser.ts for which one). Builds the whole pipeline into a temp folder, serves the site on
 * 127.0.0.1, opens every page and checks that each chart rendered an svg with drawn marks, that the
 * console stayed clean and that no request left 127.0.0.1. Saves a screenshot of every page to
 * outputs/screenshots/<page>.png.
 */
import { mkdir, readdir } from "node:fs/promises";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../pipelines/notebooks/serve.js";
import { launchChromium } from "../helpers/browser.js";
import { sharedBuild } from "../helpers/shared-build.js";

const SCREENSHOTS = resolve(import.meta.dirname, "../../outputs/screenshots");

let out: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Server;
let base: string;
let context: BrowserContext;
let files: string[];

beforeAll(async () => {
  out = sharedBuild();
  const site = join(out, "site");
  files = (await readdir(site)).filter((f) => f.endsWith(".html")).sort();
  ({ server, url: base } = await serveStatic(site));
  browser = await launchChromium({ width: 1200, height: 900 });
  context = browser.context;
  await mkdir(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
});

describe("notebook site in Chromium", () => {
  it("renders every page's charts offline, with a clean console", async () => {
    expect(files).toContain("index.html");
    const external: string[] = [];
    const problems: string[] = [];
    const page = await context.newPage();
    page.on("request", (req) => {
      const u = new URL(req.url());
      if (u.protocol === "data:") return;
      if (u.hostname !== "127.0.0.1") external.push(req.url());
    });
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning") problems.push(`${page.url()}: ${msg.type()}: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`${page.url()}: ${err.message}`));
    page.on("requestfailed", (req) => problems.push(`${page.url()}: gagal memuat ${req.url()}`));

    let charts = 0;
    for (const f of files) {
      const res = await page.goto(base + f, { waitUntil: "load" });
      expect(res?.status(), f).toBe(200);
      const perChart = await page.$$eval("figure.grafik", (figs) =>
        figs.map((fig) => ({
          judul: fig.querySelector("h3")?.textContent ?? "",
          svg: fig.querySelectorAll(":scope > svg").length,
          // Marks drawn from data: bars, dots and lines (axes, rules and labels not counted).
          tanda: fig.querySelectorAll('svg g[aria-label="bar"] :not(g):not(title), svg g[aria-label="dot"] :not(g):not(title), svg g[aria-label="line"] :not(g):not(title)').length,
          lebar: fig.querySelector(":scope > svg")?.getBoundingClientRect().width ?? 0,
        })),
      );
      for (const c of perChart) {
        expect(c.svg, `${f}: ${c.judul}`).toBe(1);
        expect(c.tanda, `${f}: ${c.judul}`).toBeGreaterThan(0);
        expect(c.lebar, `${f}: ${c.judul}`).toBeGreaterThan(100);
      }
      charts += perChart.length;
      await page.screenshot({ path: join(SCREENSHOTS, f.replace(/\.html$/, ".png")), fullPage: true });
    }
    await page.close();
    expect(charts).toBeGreaterThanOrEqual(15);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it("navigates between pages through the menu", async () => {
    const page = await context.newPage();
    await page.goto(base + "index.html");
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
