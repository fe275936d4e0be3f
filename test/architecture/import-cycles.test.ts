/**
 * No import cycles anywhere in the code or the tests (madge over the TypeScript sources). The
 * fixture test/fixtures/import-cycle/ holds one deliberate cycle, to show the check finds one.
 */
import { resolve } from "node:path";
// madge ships no type declarations; its default export is the one function used here.
// @ts-expect-error untyped module
import madge from "madge";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = "test/fixtures/import-cycle";

interface MadgeResult {
  circular(): string[][];
}

async function cycles(paths: string[], exclude: RegExp[] = []): Promise<string[][]> {
  const res = (await madge(
    paths.map((p) => resolve(ROOT, p)),
    { baseDir: ROOT, fileExtensions: ["ts"], tsConfig: resolve(ROOT, "tsconfig.json"), excludeRegExp: exclude },
  )) as MadgeResult;
  return res.circular();
}

describe("imports", () => {
  it("have no cycle in pipelines/, models/, notebooks/ and test/", async () => {
    expect(await cycles(["pipelines", "models", "notebooks", "test"], [/fixtures[\\/]import-cycle/])).toEqual([]);
  }, 120_000);

  it("a cycle is found when there is one (fixture)", async () => {
    expect(await cycles([FIXTURE])).toEqual([[`${FIXTURE}/a.ts`, `${FIXTURE}/b.ts`]]);
  }, 60_000);
});
