/**
 * npm run generate -- --regions N --years Y --out DIR [--seed S] [--conflict-rate R] [--sub-kegiatan K]
 * Writes synthetic sources (see generate.ts) and DIR/catalogue.csv, DIR/manifest.json.
 */
import { parseArgs } from "node:util";
import { generate } from "./generate.js";

const HELP = `Pemakaian: npm run generate -- --regions N --years Y --out DIR [--seed S] [--conflict-rate R] [--sub-kegiatan K]
  --regions N        jumlah kabupaten/kota sintetis (1-514)
  --years Y          jumlah tahun (berakhir pada 2024)
  --out DIR          folder tujuan (sumber, catalogue.csv, manifest.json)
  --seed S           benih acak (bawaan 1): benih sama, berkas sama persis
  --conflict-rate R  peluang satu konflik disisipkan per berkas yang memenuhi syarat (0-1, bawaan 0)
  --sub-kegiatan K   sub kegiatan per wilayah per tahun di Lampiran C (bawaan 3000)
`;

const { values } = parseArgs({
  options: {
    regions: { type: "string" },
    years: { type: "string", default: "2" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    "conflict-rate": { type: "string", default: "0" },
    "sub-kegiatan": { type: "string", default: "3000" },
    help: { type: "boolean", default: false },
  },
});

const int = (name: string, v: string | undefined, lo: number, hi: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) {
    process.stderr.write(`--${name} harus bilangan bulat ${lo}-${hi} (diberikan: ${v ?? "kosong"})\n\n${HELP}`);
    process.exit(2);
  }
  return n;
};

if (values.help || !values.regions || !values.out) {
  process.stdout.write(HELP);
  process.exit(values.help ? 0 : 2);
}
const rate = Number(values["conflict-rate"]);
if (!(rate >= 0 && rate <= 1)) {
  process.stderr.write(`--conflict-rate harus antara 0 dan 1 (diberikan: ${values["conflict-rate"]})\n`);
  process.exit(2);
}
const t0 = performance.now();
const r = await generate({
  regions: int("regions", values.regions, 1, 514),
  years: int("years", values.years, 1, 30),
  outDir: values.out,
  seed: int("seed", values.seed, 0, 2 ** 31 - 1),
  conflictRate: rate,
  subKegiatan: int("sub-kegiatan", values["sub-kegiatan"], 1, 100_000),
});
console.log(
  `${r.files} berkas, ${r.dataRows} baris data (${r.budgetRows} baris Lampiran C), ${r.conflicts.length} konflik disisipkan -> ${values.out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
