/**
 * A tiny static file server for the built site (`npm run site`), bound to 127.0.0.1. Pages are plain
 * HTML and open from file:// too; serving them mirrors how the browser test opens them.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".arrow": "application/vnd.apache.arrow.file",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` on 127.0.0.1:`port` (0 = any free port). Resolves with the server and its base URL. */
export async function serveStatic(dir: string, port = 0): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      // Never serve outside the site folder.
      if (file !== root && !file.startsWith(root + sep)) throw new Error("outside");
      const st = await stat(file);
      if (!st.isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": st.size });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("tidak ditemukan");
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const { port: p } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${p}/` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2] ?? "outputs/site";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8000);
  const { url } = await serveStatic(dir, port);
  process.stdout.write(`Situs buku catatan: ${url}  (folder ${dir}; Ctrl+C untuk berhenti)\n`);
}
