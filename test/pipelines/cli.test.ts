import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedBuildCopy } from "../helpers/shared-build.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
let out: string;

async function cli(args: string[], env: Record<string, string> = {}, script = "pipelines/cli.ts") {
  try {
    const r = await run(process.execPath, ["--import", "tsx", script, ...args], {
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
    expect(flag.stderr).toMatch(/masalah berkeparahan kesalahan belum diselesaikan \(mode --strict\)/);
    const npmStyle = await cli(["--only", "check", "--out", out], { npm_config_strict: "true" });
    expect(npmStyle.code).toBe(1);
  }, 180_000);

  it("rejects an unknown step", async () => {
    const r = await cli(["--only", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Langkah tidak dikenal: nope/);
  });

  it("answers an unknown option with a friendly message and the help, exit code 2", async () => {
    const r = await cli(["--verbose"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✘ Opsi tidak dikenal atau tidak lengkap: --verbose\.\n\nPenggunaan: npm run pipeline/);
    expect(r.stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
  });

  it("exits 2 on bad input, naming file, row and column and saying nothing was changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "src-"));
    await writeFile(join(dir, "catalogue.csv"), "path,family\n");
    const r = await cli(["--sources", dir, "--out", out, "--only", "load"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/catalogue\.csv.*katalog tidak mencatat satu berkas pun/);
    expect(r.stderr).toMatch(/Gudang data dan keluaran sebelumnya di .* tidak diubah\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("npm run query: exact decimals as table, CSV or JSON; a SQL error in one line with exit code 2", async () => {
    const sql = "SELECT 12345678901234567.123456::DECIMAL(28,6) AS nilai, 'Kukar' AS nama";
    const db = ["--db", join(out, "warehouse.duckdb")];
    const table = await cli([...db, sql], {}, "pipelines/query.ts");
    expect(table.stdout).toBe("nilai                    | nama\n-------------------------+------\n12345678901234567.123456 | Kukar\n(1 baris)\n");
    const csv = await cli([...db, "--format", "csv", sql], {}, "pipelines/query.ts");
    expect(csv.stdout).toBe("nilai,nama\r\n12345678901234567.123456,Kukar\r\n");
    const json = await cli([...db, "--format", "json", sql], {}, "pipelines/query.ts");
    expect(JSON.parse(json.stdout)).toEqual([{ nilai: "12345678901234567.123456", nama: "Kukar" }]);
    const typo = await cli([...db, "SELEC 1"], {}, "pipelines/query.ts");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^✘ Kueri gagal: Parser Error: syntax error at or near "SELEC"\n$/);
  });
});
