/** `npm run site`: the port is an option, a taken port is named with a free one, nothing outside the folder is served. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bacaArgumen, pesanPortTerpakai, serveStatic } from "../../../pipelines/notebooks/serve.js";

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise<void>((ok) => s.close(() => ok()));
});

describe("serve options", () => {
  it("defaults to port 8000 and takes --port N, --port=N, or the old positional form", () => {
    expect(bacaArgumen([], {})).toEqual({ dir: "outputs/site", port: 8000 });
    expect(bacaArgumen(["--port", "8123"], {})).toEqual({ dir: "outputs/site", port: 8123 });
    expect(bacaArgumen(["--port=0", "--dir", "x"], {})).toEqual({ dir: "x", port: 0 });
    expect(bacaArgumen(["outputs/site", "9001"], {})).toEqual({ dir: "outputs/site", port: 9001 });
  });
  it("refuses a bad port or an unknown option in Indonesian", () => {
    expect(() => bacaArgumen(["--port", "delapan"], {})).toThrow(/port tidak sah: delapan/);
    expect(() => bacaArgumen(["--host", "0.0.0.0"], {})).toThrow(/opsi tidak dikenal: --host/);
  });
});

describe("serveStatic", () => {
  it("serves the folder only, and names a taken port with a free one to use", async () => {
    const dir = await mkdtemp(join(tmpdir(), "situs-"));
    await writeFile(join(dir, "index.html"), "<p>halo</p>");
    await writeFile(join(dir, "..", "rahasia-situs.txt"), "x");
    try {
      const { server, url } = await serveStatic(dir);
      servers.push(server);
      expect(await (await fetch(url)).text()).toBe("<p>halo</p>");
      expect((await fetch(`${url}..%2Frahasia-situs.txt`)).status).toBe(404);
      expect((await fetch(url, { method: "POST" })).status).toBe(404);
      const port = Number(new URL(url).port);
      await expect(serveStatic(dir, port)).rejects.toMatchObject({ code: "EADDRINUSE" });
      const pesan = await pesanPortTerpakai(port);
      expect(pesan).toMatch(new RegExp(`^Port ${port} sudah dipakai program lain\\. Coba port lain, misalnya: npm run site -- --port \\d+$`));
      expect(pesan).not.toContain(`--port ${port}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(join(dir, "..", "rahasia-situs.txt"), { force: true });
    }
  });
});
