/**
 * Benchmark (prints figures, asserts nothing): loads a synthetic Lampiran C-shaped export of N rows
 * through the bulk path (DuckDB read_csv + the number parser as a DuckDB function) and through the
 * sheet path (csv-parse + appender), into an in-memory warehouse.
 *   npx tsx pipelines/bench/bulk-load.ts [rows=200000]
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { budget } from "../ingest/budget/normalise.js";
import type { ParsedLayout } from "../ingest/layout.js";
import { createRawSchema, loadFile } from "../ingest/load.js";
import { Db } from "../lib/duckdb.js";

const rows = Number(process.argv[2] ?? 200_000);
const lampiranC = budget.layouts.find((l) => l.name === "budget.lampiran_c")!;

const HEADER = [
  "NO,KODE PROGRAM / KEGIATAN,URAIAN KEGIATAN,LOKASI KEGIATAN,KINERJA,,,ANGGARAN,,,,,,,,KET/PERMASALAHAN",
  ",,,,TARGET KINERJA,CAPAIAN KINERJA,REA S/D BULAN INI (%),PAGU DANA SESUDAH PERUBAHAN,BERTAMBAH / BERKURANG,BOBOT,REALISASI KEUANGAN,,TERTIMBANG,,SISA DANA (8-10) (Rp.),",
  ",,,,,,,,,,(Rp.),%,FISIK %,KEU %,,",
  "1,2,3,4,5,6,7,8,9,9,10,11(10/8*100),12(9*7/100),13(11*9/100),14,15",
];

function rupiah(n: number): string {
  return `"${n.toLocaleString("id-ID")},00"`;
}

async function writeExport(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`LAPORAN PENCAPAIAN KINERJA KEGIATAN (SINTETIS),,,,,,,,,,,,,,,\n${HEADER.join("\n")}\n`);
  for (let i = 1; i <= rows; i++) {
    const pagu = 1_000_000 + ((i * 7919) % 9_000_000_000);
    const real = Math.floor(pagu * 0.83);
    const line = `${i},2.07.01.2.01.${String(i % 10000).padStart(4, "0")},Sub kegiatan ${i},Kab.Kukar,${i % 50} Orang,${i % 50} Orang,"100,00",${rupiah(pagu)},-,"0,01",${rupiah(real)},"83,00","0,01","0,01",${rupiah(pagu - real)},\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function time(label: string, layout: ParsedLayout, path: string): Promise<void> {
  const db = await Db.open(":memory:");
  await createRawSchema(db);
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await loadFile(db, { file: "bench.csv", absPath: path, sha256: "-", layout, kodeWilayah: "6403", tahun: 2024 });
  const s = (performance.now() - t0) / 1000;
  const mb = (process.memoryUsage().rss - rss0) / 2 ** 20;
  console.log(`${label.padEnd(34)} ${r.dataRows} baris  ${s.toFixed(1)} s  ${Math.round(r.dataRows / s).toLocaleString("id-ID")} baris/s  +${mb.toFixed(0)} MB RSS`);
  db.close();
}

const dir = await mkdtemp(join(tmpdir(), "bench-"));
const path = join(dir, "lampiran_c_besar.csv");
await writeExport(path);
console.log(`berkas sintetis: ${rows} baris, ${((await stat(path)).size / 2 ** 20).toFixed(0)} MB`);
await time("bulk (DuckDB read_csv)", lampiranC, path);
await time("sheet (csv-parse + appender)", { ...lampiranC, reader: "sheet" }, path);
