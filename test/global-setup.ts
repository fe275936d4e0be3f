/**
 * Builds the bundled sources once per test run; integration and browser tests read that build
 * (test/helpers/shared-build.ts) instead of each building its own. Both projects list this file:
 * the build promise lives on globalThis, so the second project reuses the first one's build.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../pipelines/build.js";
import { chromiumExecutable } from "./helpers/browser.js";
import { SOURCES } from "./helpers/warehouse.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Output folder of the shared build of the bundled sources (warehouse.duckdb, tables/, site/ ...). */
    sharedBuild: string;
  }
}

const KEY = Symbol.for("lkjip.sharedBuild");
type Holder = { [KEY]?: { dir: Promise<string>; users: number } };

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const dir = (async () => {
      const out = await mkdtemp(join(tmpdir(), "shared-build-"));
      const t0 = Date.now();
      await build({ sourcesDir: SOURCES, outDir: out, log: () => {} });
      console.log(`shared build of sources/ in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${out}`);
      return out;
    })();
    g[KEY] = { dir, users: 0 };
  }
  const holder = g[KEY];
  holder.users += 1;
  // @sparticuz/chromium unpacks its browser to /tmp on first use; two browser test files doing that
  // at once launch a half-written binary (spawn ETXTBSY). Unpack it once, before any worker starts.
  if (project.name === "browser") await chromiumExecutable();
  project.provide("sharedBuild", await holder.dir);
  return async () => {
    holder.users -= 1;
    if (holder.users === 0) {
      await rm(await holder.dir, { recursive: true, force: true });
      delete g[KEY];
    }
  };
}
