/** The build of the bundled sources shared by all integration tests (made by test/global-setup.ts). */
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { WAREHOUSE_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";

/** Output folder of the shared build. Read it; never write into it (copy it with `sharedBuildCopy`). */
export function sharedBuild(): string {
  const dir = inject("sharedBuild");
  if (!dir) throw new Error("no shared build: this test file must be in the integration or browser project (vitest.config.ts)");
  return dir;
}

/** The shared warehouse, read-only (several test processes open it at once). */
export function openSharedWarehouse(): Promise<Db> {
  return Db.open(join(sharedBuild(), WAREHOUSE_FILE), { readOnly: true });
}

/** A private copy of the shared output folder, for tests that run steps that rewrite it. */
export async function sharedBuildCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "build-copy-"));
  // verbatimSymlinks: the published paths are relative links through `current`; resolved, they
  // would point into the shared build, and a write through the copy would change it.
  await cp(sharedBuild(), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}
