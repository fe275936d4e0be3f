import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB native handles and temp folders: one worker per file keeps them apart.
    pool: "forks",
  },
});
