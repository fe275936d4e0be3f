import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedBuildCopy } from "../helpers/shared-build.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
let out: string;

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, ["--import", "tsx", "pipelines/cli.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  // `--only check` replaces the warehouse it ran on: work on a copy of the shared build.
  out = await sharedBuildCopy();
});

describe("command line", () => {
  it("lists its steps with --help", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const step of ["load", "models", "check", "export"]) expect(r.stdout).toMatch(new RegExp(`^  ${step}\\b`, "m"));
  });

  it("runs the checks alone on the current warehouse and exits 0 without --strict", async () => {
    const r = await cli(["--only", "check", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ check: \d+ cek, \d+ butir diperiksa: \d+ masalah terbuka \(\d+ kesalahan, \d+ peringatan; \d+ temuan\)/);
  }, 180_000);

  it("exits non-zero with --strict while unresolved errors remain, also as `npm run check --strict`", async () => {
    const flag = await cli(["--only", "check", "--out", out, "--strict"]);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/masalah tingkat kesalahan belum diselesaikan \(mode --strict\)/);
    const npmStyle = await cli(["--only", "check", "--out", out], { npm_config_strict: "true" });
    expect(npmStyle.code).toBe(1);
  }, 180_000);

  it("rejects an unknown step", async () => {
    const r = await cli(["--only", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Langkah tidak dikenal: nope/);
  });
});
