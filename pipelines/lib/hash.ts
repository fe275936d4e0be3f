import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/**
 * SHA-256, size and line count of a file in one streaming pass (never the whole file in memory).
 * Lines: a last line without a newline counts.
 */
export async function sha256File(path: string): Promise<{ sha256: string; size: number; lines: number }> {
  const hash = createHash("sha256");
  let size = 0;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return { sha256: hash.digest("hex"), size, lines: last === 10 ? lines : lines + 1 };
}
