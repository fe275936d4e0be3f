import { defineConfig } from "vitest/config";

/**
 * Three projects. `unit`: pure functions and synthetic in-memory tables, no sources. `integration`:
 * loads the bundled sources or a modified copy. `browser`: drives Chromium over the built site.
 * Integration and browser tests read ONE build of the bundled sources made by test/global-setup.ts
 * (`sharedBuild()` in test/helpers/shared-build.ts); only a test that changes the sources builds
 * its own copy.
 */
const BROWSER = ["test/**/*.browser.test.ts", "test/helpers/browser.test.ts"];
const INTEGRATION = [
  "test/*.test.ts",
  "test/models/*.test.ts",
  "test/pipelines/*.test.ts",
  "test/pipelines/export/**/*.test.ts",
  "test/pipelines/ingest/**/*.test.ts",
  "test/pipelines/synth/**/*.test.ts",
  "test/reconcile/mutation.test.ts",
  "test/reconcile/snapshot.test.ts",
  "test/reconcile/masalah_snapshot.test.ts",
  "test/notebooks/site.test.ts",
  "test/**/*.integration.test.ts",
];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 240_000,
  // DuckDB native handles and temp folders: one worker per file keeps them apart.
  pool: "forks" as const,
};

export default defineConfig({
  test: {
    // Vitest 4 runs one file at a time on a 2-core machine unless told otherwise; the suite spends
    // much of its time waiting on child processes, Chromium and file I/O, so two files at a time
    // use both cores.
    maxWorkers: "100%",
    projects: [
      // Unit files share one module graph per worker (isolate: false): they hold no module state and
      // mock nothing, and re-importing DuckDB, Plot and the models for each of ~20 files cost about a
      // quarter of the project's CPU (measured 105 s -> 80 s under shared load).
      { test: { ...shared, isolate: false, name: "unit", include: ["test/**/*.test.ts"], exclude: [...INTEGRATION, ...BROWSER] } },
      {
        test: {
          ...shared,
          name: "integration",
          include: INTEGRATION,
          exclude: BROWSER,
          globalSetup: ["test/global-setup.ts"],
        },
      },
      { test: { ...shared, name: "browser", include: BROWSER, globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
