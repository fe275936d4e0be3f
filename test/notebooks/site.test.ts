/**
 * The built site: every page is there, every chart has a source caption, text from sources is
 * escaped (a kecamatan name carrying markup reaches the page as text), nothing would be loaded from
 * outside, and pages still build when tables of other steps (recon.temuan, Renstra marts) are absent.
 */
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { buildNotebooks } from "../../pipelines/notebooks/build.js";
import { copySources } from "../helpers/warehouse.js";

const EVIL = "<script>alert(1)</script><b>x</b>";
let out: string;
let site: string;
let pages: Map<string, string>;

beforeAll(async () => {
  const sources = await copySources();
  const file = join(sources, "hi/perselisihan_per_kecamatan_2024.csv");
  const csv = await readFile(file, "utf8");
  expect(csv).toContain("KEC. ANGGANA");
  await writeFile(file, csv.replace("KEC. ANGGANA", EVIL));
  out = await mkdtemp(join(tmpdir(), "notebooks-"));
  await build({ sourcesDir: sources, outDir: out, log: () => {} });
  site = join(out, "site");
  pages = new Map();
  for (const f of (await readdir(site)).filter((f) => f.endsWith(".html"))) pages.set(f, await readFile(join(site, f), "utf8"));
}, 180_000);

const parse = (html: string) => new JSDOM(html).window.document;

describe("notebook site", () => {
  it("has every page, one trend page per IKU, and the navigation on each", () => {
    for (const f of ["index.html", "tren.html", "pencari-kerja.html", "hubungan-industrial.html", "anggaran.html", "pasar-kerja.html", "rekonsiliasi.html"]) {
      expect(pages.has(f), f).toBe(true);
    }
    const tren = [...pages.keys()].filter((f) => f.startsWith("tren-"));
    expect(tren).toContain("tren-pct_pencaker_ditempatkan.html");
    expect(tren.length).toBeGreaterThanOrEqual(5);
    for (const [f, html] of pages) {
      const doc = parse(html);
      expect(doc.documentElement.lang, f).toBe("id");
      expect(doc.querySelectorAll("nav a").length, f).toBe(7);
      expect(doc.querySelector('nav a[aria-current="page"]'), f).not.toBeNull();
    }
  });

  it("gives every chart an svg with drawn marks and a caption naming its source tables", () => {
    let charts = 0;
    for (const [f, html] of pages) {
      for (const fig of parse(html).querySelectorAll("figure.grafik")) {
        charts++;
        expect(fig.querySelector(":scope > svg"), f).not.toBeNull();
        const drawn = fig.querySelectorAll('svg g[aria-label="bar"] :not(g):not(title), svg g[aria-label="dot"] :not(g):not(title), svg g[aria-label="line"] :not(g):not(title)');
        expect(drawn.length, `${f}: ${fig.querySelector("h3")?.textContent}`).toBeGreaterThan(0);
        expect(fig.querySelector("figcaption")?.textContent, f).toMatch(/^Sumber: (marts|recon)\./);
      }
    }
    expect(charts).toBeGreaterThanOrEqual(15);
  });

  it("escapes text from sources: the kecamatan name is text, not markup", () => {
    const html = pages.get("hubungan-industrial.html")!;
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;");
    const doc = parse(html);
    expect(doc.querySelector("b")).toBeNull();
    expect(doc.body.textContent).toContain(EVIL);
    for (const [f, h] of pages) {
      // The only scripts: the site's own module and JSON data blocks, whose "<" is escaped.
      for (const s of parse(h).querySelectorAll("script")) {
        if (s.getAttribute("type") === "module") expect(s.getAttribute("src"), f).toBe("assets/notebook.js");
        else expect(s.getAttribute("type"), f).toBe("application/json");
        if (s.getAttribute("type") === "application/json") expect(s.textContent, f).not.toContain("<");
      }
      expect(h, f).not.toMatch(/<script>alert/i);
      expect(h, f).not.toMatch(/<b>x<\/b>/);
    }
  });

  it("loads nothing from outside: no external src/href except plain links with rel=noopener", () => {
    let links = 0;
    for (const [f, html] of pages) {
      // Grep-style, on the raw file: anything a browser would fetch by itself.
      expect(html, f).not.toMatch(/\ssrc\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(html, f).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
      expect(html, f).not.toMatch(/@import/i);
      expect(html, f).not.toMatch(/<link[^>]+href\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(html, f).not.toMatch(/<(img|iframe|video|audio|source|embed|object)\b/i);
      const doc = parse(html);
      for (const el of doc.querySelectorAll("[href]")) {
        const href = el.getAttribute("href")!;
        if (!/^(https?:)?\/\//i.test(href)) continue;
        expect(el.tagName, `${f}: ${href}`).toBe("A");
        expect(el.getAttribute("rel") ?? "", `${f}: ${href}`).toMatch(/noopener/);
        links++;
      }
      for (const el of doc.querySelectorAll("[src], [srcset], [data], [poster]"))
        if (!(el.tagName === "SCRIPT" && el.getAttribute("src") === "assets/notebook.js")) throw new Error(`${f}: ${el.outerHTML.slice(0, 120)}`);
    }
    // The published figures' URLs are links (the Pasar kerja source table).
    expect(links).toBeGreaterThan(0);
  });

  it("prints numbers in id-ID format and years without separators", () => {
    const doc = parse(pages.get("pencari-kerja.html")!);
    const text = doc.body.textContent ?? "";
    expect(text).toContain("17,86%");
    expect(text).toContain("10.408");
    const years = [...parse(pages.get("pasar-kerja.html")!).querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(years).toContain("2023");
    expect(years.some((y) => /^\d\.\d{3}$/.test(y ?? ""))).toBe(false);
  });

  it("shows each version of the HI counts side by side (PB 47 vs 40)", () => {
    const doc = parse(pages.get("hubungan-industrial.html")!);
    const rows = [...doc.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    const pb = rows.filter((r) => r[0] === "Perjanjian Bersama (PB)").map((r) => [r[1], r[2]]);
    expect(pb).toEqual(
      expect.arrayContaining([
        ["Lembar data HI", "47"],
        ["KETERANGAN", "40"],
        ["Jumlah tabel per sektor", "40"],
      ]),
    );
  });

  it("builds when recon.temuan and the Renstra marts are absent, and says the data is not available", async () => {
    const copy = join(out, "tanpa.duckdb");
    await copyFile(join(out, WAREHOUSE_FILE), copy);
    const db = await Db.open(copy);
    const out2 = await mkdtemp(join(tmpdir(), "notebooks-absent-"));
    try {
      await db.run("DROP SCHEMA IF EXISTS recon CASCADE");
      await db.run("DROP TABLE IF EXISTS marts.renstra_lintasan");
      await db.run("DROP TABLE IF EXISTS marts.renstra_indikator");
      await db.run("DROP VIEW IF EXISTS marts.renstra_lintasan");
      await db.run("DROP VIEW IF EXISTS marts.renstra_indikator");
      await buildNotebooks(db, out2);
    } finally {
      db.close();
    }
    const read = async (f: string) => parse(await readFile(join(out2, "site", f), "utf8")).body.textContent ?? "";
    expect(await read("index.html")).toContain("belum tersedia");
    expect(await read("rekonsiliasi.html")).toContain("belum tersedia");
    const tren = await read("tren-pct_pencaker_ditempatkan.html");
    expect(tren).toContain("belum tersedia");
    expect(tren).toContain("17,86");
  });
});
