/**
 * A tiny static file server for the built site (`npm run site [-- --port N] [--dir DIR]`), bound to
 * 127.0.0.1 and confined to the site folder (GET/HEAD only, no listing, nothing outside the folder).
 * node:http and ~60 lines rather than a package: the site is a handful of static files, and a
 * dependency would bring directory listing, dotfile and range options this needs none of.
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
      if (req.method !== "GET" && req.method !== "HEAD") throw new Error("method");
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      // Never serve outside the site folder.
      if (file !== root && !file.startsWith(root + sep)) throw new Error("outside");
      const st = await stat(file);
      if (!st.isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": st.size });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
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

export const PORT_BAWAAN = 8000;

/** Command line: `[DIR] [PORT]` (as before) or `--port N` / `--dir DIR`; a bad port is a clear error. */
export function bacaArgumen(argv: string[], env: NodeJS.ProcessEnv = process.env): { dir: string; port: number } {
  let dir = "outputs/site";
  let portTeks: string | undefined = env.PORT;
  const posisi: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--port" || a === "-p") portTeks = argv[++i];
    else if (a.startsWith("--port=")) portTeks = a.slice(7);
    else if (a === "--dir") dir = argv[++i] ?? dir;
    else if (a.startsWith("--")) throw new Error(`opsi tidak dikenal: ${a} (yang ada: --port N, --dir FOLDER)`);
    else posisi.push(a);
  }
  if (posisi[0]) dir = posisi[0];
  if (posisi[1]) portTeks = posisi[1];
  const port = portTeks === undefined || portTeks === "" ? PORT_BAWAAN : Number(portTeks);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port tidak sah: ${portTeks} (bilangan bulat 0-65535; 0 = port bebas mana saja)`);
  return { dir, port };
}

/** The message when the port is taken: name it and suggest the command with a free one. */
export async function pesanPortTerpakai(port: number): Promise<string> {
  const { server } = await serveStatic(".", 0).catch(() => ({ server: null }));
  const bebas = server ? (server.address() as AddressInfo).port : port + 1;
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  return `Port ${port} sudah dipakai program lain. Coba port lain, misalnya: npm run site -- --port ${bebas}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { dir, port } = bacaArgumen(process.argv.slice(2));
    const st = await stat(dir).catch(() => null);
    if (!st?.isDirectory()) throw new Error(`folder situs ${dir} tidak ada: jalankan dulu npm run pipeline (atau npm run notebooks)`);
    const { url } = await serveStatic(dir, port).catch(async (err: NodeJS.ErrnoException) => {
      throw err.code === "EADDRINUSE" ? new Error(await pesanPortTerpakai(port)) : err;
    });
    process.stdout.write(`Situs buku catatan: ${url}  (folder ${dir}; Ctrl+C untuk berhenti)\n`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
}
