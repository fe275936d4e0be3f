/**
 * The `notebooks` step: queries the warehouse for every page's named queries and renders the site
 * into <outDir>/site/: each page is HTML with inline CSS and a server-rendered first view (SVG
 * charts, tables), the widgets' data as Arrow files in site/data/, and the client script bundled
 * from node_modules into site/assets/ (no CDN: the site loads nothing from outside).
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../lib/duckdb.js";
import { recordOutputLineage, relationsIn } from "../lib/lineage.js";
import { HALAMAN } from "../../notebooks/registry.js";
import { renderPage, type ArrowData, type BuildStamp, type NavItem, type PageSpec, type Queries, type Row, type SiteInfo } from "../../notebooks/site.js";
import { bundleClient, writeArrow } from "./assets.js";

export interface NotebooksResult {
  files: string[];
}

export async function buildNotebooks(db: Db, outDir: string, log: (line: string) => void = () => {}): Promise<NotebooksResult> {
  const site = await siteInfo(db);
  const modules = HALAMAN;
  const perModule: PageSpec[][] = [];
  const reads = new Map<PageSpec, string[]>();
  const dataFiles: Record<string, { data: ArrowData; inputs: string[] }> = {};
  for (const m of modules) {
    const data = await runQueries(db, m.queries);
    for (const [name, rows] of Object.entries(data)) if (rows === null) log(`  (${m.menu}: '${name}' dilewati, relasi belum ada)`);
    const specs = m.pages(data, site);
    const inputs = [...new Set(Object.values(m.queries).flatMap((q) => relationsIn(q.sql)))].sort();
    for (const spec of specs) reads.set(spec, inputs);
    perModule.push(specs);
    for (const [name, d] of Object.entries(m.berkas?.(data, site) ?? {})) {
      if (dataFiles[name]) throw new Error(`notebooks: dua berkas data bernama ${name}`);
      dataFiles[name] = { data: d, inputs };
    }
  }
  const stamp = await buildStamp(db);
  const nav: NavItem[] = modules.flatMap((m, i) => {
    const specs = perModule[i]!;
    return specs.length ? [{ label: m.menu, file: specs[0]!.file, files: specs.map((s) => s.file) }] : [];
  });

  const dir = join(outDir, "site");
  await mkdir(dir, { recursive: true });
  for (const [name, d] of Object.entries(dataFiles)) {
    await writeArrow(join(dir, "data", `${name}.arrow`), d.data);
    await recordOutputLineage(db, `site/data/${name}.arrow`, d.inputs.length ? d.inputs : ["marts.wilayah"], { via: "pipelines/notebooks/build.ts", step: "notebooks" });
  }
  await bundleClient(dir);
  const seen = new Set<string>();
  const files: string[] = [];
  for (const spec of perModule.flat()) {
    if (seen.has(spec.file)) throw new Error(`notebooks: dua halaman bernama ${spec.file}`);
    seen.add(spec.file);
    await writeFile(join(dir, spec.file), renderPage(spec, nav, stamp), "utf8");
    files.push(spec.file);
    const inputs = reads.get(spec)!;
    // The site header names regions from marts.wilayah (siteInfo).
    await recordOutputLineage(db, `site/${spec.file}`, inputs.length ? inputs : ["marts.wilayah"], { via: "pipelines/notebooks/build.ts", step: "notebooks" });
  }
  return { files };
}

/** Runs a page's named queries; a query whose required relation is absent yields null. */
export async function runQueries<Q extends Queries>(db: Db, queries: Q): Promise<{ [K in keyof Q]: Row[] | null }> {
  const out = {} as { [K in keyof Q]: Row[] | null };
  for (const [name, q] of Object.entries(queries) as [keyof Q, Q[keyof Q]][]) {
    let ok = true;
    for (const rel of q.requires ?? []) if (!(await relationExists(db, rel))) ok = false;
    out[name] = ok ? await db.all(q.sql) : null;
  }
  return out;
}

export async function relationExists(db: Db, rel: string): Promise<boolean> {
  const [schema, name] = rel.includes(".") ? rel.split(".", 2) : ["main", rel];
  const n = await db.value<string | number>(
    `select count(*) from information_schema.tables where table_schema = '${schema!.replace(/'/g, "''")}' and table_name = '${name!.replace(/'/g, "''")}'`,
  );
  return Number(n) > 0;
}

/** The report's region (most rows in marts.capaian_indikator) and region names from the BPS master. */
async function siteInfo(db: Db): Promise<SiteInfo> {
  let wilayahUtama: string | null = null;
  if (await relationExists(db, "marts.capaian_indikator")) {
    wilayahUtama =
      (await db.value<string | null>(
        `select kode_wilayah from marts.capaian_indikator group by kode_wilayah order by count(*) desc, kode_wilayah limit 1`,
      )) ?? null;
  }
  const names = new Map<string, string>();
  if (await relationExists(db, "marts.wilayah")) {
    for (const r of await db.all<{ kode_wilayah: string; nama_wilayah: string }>(`select kode_wilayah, nama_wilayah from marts.wilayah`)) {
      if (r.kode_wilayah && r.nama_wilayah) names.set(r.kode_wilayah, r.nama_wilayah);
    }
  }
  return {
    wilayahUtama,
    namaWilayah: (kode) => (kode ? (names.get(kode) ?? `Wilayah ${kode}`) : "wilayah tidak diketahui"),
  };
}

/** The stamp at the foot of every page: build time, warehouse, and the sources' SHA-256. */
async function buildStamp(db: Db): Promise<BuildStamp> {
  const berkas = (await relationExists(db, "marts.berkas_sumber"))
    ? await db.all<{ source_file: string; source_sha256: string }>(`select source_file, source_sha256 from marts.berkas_sumber order by source_file`)
    : [];
  const sidik = createHash("sha256")
    .update(berkas.map((b) => `${b.source_file}\t${b.source_sha256}\n`).join(""))
    .digest("hex");
  return { waktu: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`, gudang: "warehouse.duckdb", berkas, sidik };
}
