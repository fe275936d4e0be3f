/** The pipeline's steps, in build order. `--only NAME` runs one of them. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "./lib/duckdb.js";
import { recordLineage, recordOutputLineage, recordTableLineage, relationsIn } from "./lib/lineage.js";
import { loadSources } from "./ingest/run.js";
import { MODELS_DIR, runModels } from "./models/run.js";

// The export, feed, check and notebook steps are imported when they run: their libraries (exceljs,
// jsdom, Observable Plot, Arrow) take seconds to load, and `--only load`, `--help` or a build that
// fails at load should not pay for them.

export interface StepContext {
  db: Db;
  sourcesDir: string;
  /** Staging folder for generated files; published into outputs/ when the build succeeds. */
  outDir: string;
  startedAt: Date;
  strict: boolean;
  log: (line: string) => void;
  /** What the run found, reported back to the caller (e.g. open errors for --strict). */
  result: BuildResult;
}

export interface BuildResult {
  /** Open error-level masalah of the worklist (recon.ringkasan), when the check step ran. */
  openErrors?: number;
}

export interface Step {
  name: string;
  description: string;
  /** Part of a plain `npm run pipeline`. */
  inFullBuild: boolean;
  /** Run alone, it works on a copy of the existing warehouse. */
  needsWarehouse: boolean;
  run(ctx: StepContext): Promise<string>;
}

export const STEPS: Step[] = [
  {
    name: "load",
    description: "memuat semua berkas di sources/catalogue.csv ke skema raw (dengan provenance)",
    inFullBuild: true,
    needsWarehouse: false,
    async run(ctx) {
      const r = await loadSources(ctx.db, { sourcesDir: ctx.sourcesDir, buildStartedAt: ctx.startedAt, log: ctx.log });
      await recordLoadLineage(ctx.db);
      return `${r.files} berkas, ${r.rows} baris data`;
    },
  },
  {
    name: "models",
    description: "menjalankan model SQL (staging -> intermediate -> marts) sesuai urutan ketergantungan",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const r = await runModels(ctx.db, ctx.log);
      return `${r.models} model`;
    },
  },
  {
    name: "check",
    description: "menjalankan semua cek rekonsiliasi (models/checks/katalog.csv), menulis recon.temuan dan reconciliation.json/.csv/.xlsx",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const { runChecks } = await import("./reconcile/run.js");
      const r = await runChecks(ctx.db, { modelsDir: MODELS_DIR, outDir: ctx.outDir, log: ctx.log });
      await recordCheckLineage(ctx.db, ctx.outDir);
      ctx.result.openErrors = r.openErrors;
      return `${r.checks} cek, ${r.evaluated} butir diperiksa: ${r.summary}`;
    },
  },
  {
    name: "export",
    description: "mengekspor tabel laporan dari marts ke tables/*.csv dan tables/lkjip_<tahun>.xlsx sesuai models/config/ekspor_tabel.csv",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const { exportTables, readExportConfig, readSheetConfig } = await import("./export/tables.js");
      const config = await readExportConfig(join(MODELS_DIR, "config", "ekspor_tabel.csv"), "models/config/ekspor_tabel.csv");
      config.sheetFile = "models/config/ekspor_lembar.csv";
      config.sheets = await readSheetConfig(join(MODELS_DIR, "config", config.sheetFile.split("/").pop()!), config.sheetFile);
      const r = await exportTables(ctx.db, ctx.outDir, config, { log: ctx.log });
      const modelOf = new Map(config.columns.map((c) => [c.tabel, c.model]));
      const opts = { via: "pipelines/export/tables.ts", step: "export" };
      for (const f of r.files) {
        const tabel = /^tables\/(.+)\.csv$/.exec(f)?.[1];
        // A workbook holds every report table (ekspor_lembar); a CSV its own table's model.
        const models = tabel ? [modelOf.get(tabel)!] : r.tables.filter((t) => config.sheets?.has(t)).map((t) => modelOf.get(t)!);
        await recordOutputLineage(ctx.db, f, [...models, "config.ekspor_tabel", ...(tabel ? [] : ["config.ekspor_lembar"])], opts);
      }
      const skipped = r.skipped.length ? ` (${r.skipped.length} tabel dilewati: model belum ada)` : "";
      return `${r.tables.length} tabel, ${r.files.length} berkas${skipped}`;
    },
  },
  {
    name: "feed",
    description: "menulis umpan data Bappeda feeds/rpjmd_indikator.csv/.xlsx/.parquet (isi sama) dari marts.feed_rpjmd_indikator dan status temuan recon.temuan",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const { FEED_MART, FEED_SCHEMA_VERSION, FEED_TABLE, writeFeed } = await import("./export/feed.js");
      const r = await writeFeed(ctx.db, ctx.outDir, { log: ctx.log });
      const opts = { via: "pipelines/export/feed.ts", step: "feed" };
      await recordTableLineage(ctx.db, FEED_TABLE, r.temuanTersedia ? [FEED_MART, "recon.temuan"] : [FEED_MART], opts);
      for (const f of r.files) await recordOutputLineage(ctx.db, f, [FEED_TABLE], opts);
      return `${r.rows} baris, ${r.files.length} berkas (skema ${FEED_SCHEMA_VERSION})`;
    },
  },
  {
    name: "notebooks",
    description: "membangun buku catatan statis (site/*.html: grafik Observable Plot dirender di server, tanpa sumber daya dari luar)",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const { buildNotebooks } = await import("./notebooks/build.js");
      const r = await buildNotebooks(ctx.db, ctx.outDir, ctx.log);
      return `${r.files.length} halaman di site/`;
    },
  },
  {
    name: "parquet",
    description: "menulis raw dan marts sebagai Parquet berpartisi Hive (parquet/<skema>/<tabel>/kode_wilayah=/tahun=) untuk mesin lain (Spark, Trino); tidak termasuk build penuh",
    inFullBuild: false,
    needsWarehouse: true,
    async run(ctx) {
      const { writeParquet } = await import("./export/parquet.js");
      const written = await writeParquet(ctx.db, ctx.outDir);
      for (const w of written) await recordOutputLineage(ctx.db, w.path, [w.table], { via: "pipelines/export/parquet.ts", step: "parquet" });
      return `${written.length} tabel (${written.filter((w) => w.partitioned).length} berpartisi kode_wilayah/tahun)`;
    },
  },
];

export type StepName = string;


/** Hops source file -> raw table, for every file this build loaded. */
async function recordLoadLineage(db: Db): Promise<void> {
  const files = await db.all<{ source_file: string; raw_table: string; family: string }>(
    `SELECT source_file, raw_table, family FROM raw.source_files ORDER BY raw_table, source_file`,
  );
  const shared = ["raw.source_files", "raw.source_columns", "raw.stated_totals", "raw.cell_flags", "raw.source_notes"];
  await recordLineage(
    db,
    files.flatMap((f) =>
      // A BPS kab/kota table's measure is read off its title into raw.bps_tabel_ukuran.
      [f.raw_table, ...shared, ...(f.raw_table === "raw.bps_kabkota_tahun" ? ["raw.bps_tabel_ukuran"] : [])].map((target) => ({
        target,
        targetKind: "raw" as const,
        input: `sources/${f.source_file}`,
        inputKind: "source" as const,
        via: `pipelines/ingest/${f.family}/layout.ts`,
        step: "load",
      })),
    ),
  );
}

/**
 * Hops into the recon tables (from every relation the checks read) and into the reconciliation
 * files the check step wrote (from the findings and the coverage).
 */
async function recordCheckLineage(db: Db, outDir: string): Promise<void> {
  const opts = { via: "pipelines/reconcile/run.ts", step: "check" };
  const checksDir = join(MODELS_DIR, "checks");
  const reconDir = join(MODELS_DIR, "..", "pipelines", "reconcile");
  const texts = [
    ...(await Promise.all((await readdir(checksDir)).filter((f) => f.endsWith(".sql")).map((f) => readFile(join(checksDir, f), "utf8")))),
    ...(await Promise.all((await readdir(reconDir)).filter((f) => f.endsWith(".ts")).map((f) => readFile(join(reconDir, f), "utf8")))),
  ];
  const read = [...new Set(texts.flatMap(relationsIn))].filter((r) => !r.startsWith("recon.") && !r.startsWith("feed."));
  const tables = await db.all<{ t: string }>(
    `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = 'recon' ORDER BY 1`,
  );
  const existing = new Set(
    (await db.all<{ t: string }>(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables`)).map((r) => r.t),
  );
  for (const { t } of tables) await recordTableLineage(db, t, read.filter((r) => existing.has(r)), opts);
  const written = new Set(await readdir(outDir));
  const files: [string, string[]][] = [
    ["reconciliation.json", ["recon.temuan"]],
    ["reconciliation.csv", ["recon.temuan"]],
    ["reconciliation_cakupan.csv", ["recon.cakupan"]],
    ["reconciliation.xlsx", ["recon.temuan", "recon.cakupan"]],
  ];
  for (const [f, inputs] of files) if (written.has(f)) await recordOutputLineage(db, f, inputs, opts);
}
