/** The pipeline's steps, in build order. `--only NAME` runs one of them. */
import { join } from "node:path";
import { FEED_SCHEMA_VERSION, writeFeed } from "./export/feed.js";
import { exportTables, readExportConfig } from "./export/tables.js";
import type { Db } from "./lib/duckdb.js";
import { loadSources } from "./ingest/run.js";
import { MODELS_DIR, runModels } from "./models/run.js";
import { buildNotebooks } from "./notebooks/build.js";
import { runChecks } from "./reconcile/run.js";

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
  /** Unresolved error-level findings, when the check step ran. */
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
      const r = await runChecks(ctx.db, { modelsDir: MODELS_DIR, outDir: ctx.outDir, log: ctx.log });
      ctx.result.openErrors = r.openErrors;
      return `${r.checks} cek, ${r.evaluated} butir diperiksa, ${r.findings} temuan (${r.openErrors} error terbuka)`;
    },
  },
  {
    name: "export",
    description: "mengekspor tabel laporan dari marts ke tables/*.csv dan tables/lkjip_<tahun>.xlsx sesuai models/config/ekspor_tabel.csv",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const config = await readExportConfig(join(MODELS_DIR, "config", "ekspor_tabel.csv"), "models/config/ekspor_tabel.csv");
      const r = await exportTables(ctx.db, ctx.outDir, config, { log: ctx.log });
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
      const r = await writeFeed(ctx.db, ctx.outDir, { log: ctx.log });
      return `${r.rows} baris, ${r.files.length} berkas (skema ${FEED_SCHEMA_VERSION})`;
    },
  },
  {
    name: "notebooks",
    description: "membangun buku catatan statis (site/*.html: grafik Observable Plot dirender di server, tanpa sumber daya dari luar)",
    inFullBuild: true,
    needsWarehouse: true,
    async run(ctx) {
      const r = await buildNotebooks(ctx.db, ctx.outDir, ctx.log);
      return `${r.files.length} halaman di site/`;
    },
  },
];

export type StepName = string;

