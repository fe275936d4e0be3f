import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const buf = await readFile(path);
  return { sha256: createHash("sha256").update(buf).digest("hex"), size: buf.byteLength };
}
