/** The pipeline's steps, in build order. `--only NAME` runs one of them. */
import type { Db } from "./lib/duckdb.js";
import { loadSources } from "./ingest/run.js";
import { runModels } from "./models/run.js";

export interface StepContext {
  db: Db;
  sourcesDir: string;
  /** Staging folder for generated files; published into outputs/ when the build succeeds. */
  outDir: string;
  startedAt: Date;
  strict: boolean;
  log: (line: string) => void;
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
];

export type StepName = string;
