/** Command line: `npm run pipeline -- [--sources DIR] [--out DIR] [--only STEP] [--strict]`. */
import { parseArgs } from "node:util";
import { build } from "./build.js";
import { SourceError } from "./lib/errors.js";
import { STEPS } from "./steps.js";

const HELP = `Penggunaan: npm run pipeline -- [opsi]

  --sources DIR   folder sumber (bawaan: sources/)
  --out DIR       folder keluaran (bawaan: outputs/)
  --only STEP     jalankan satu langkah saja
  --strict        (langkah check) keluar dengan kode bukan nol selama ada masalah tingkat kesalahan yang belum diselesaikan
  --help          tampilkan bantuan ini

Langkah:
${STEPS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join("\n")}
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: "string", default: "sources" },
      out: { type: "string", default: "outputs" },
      only: { type: "string" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.only && !STEPS.some((s) => s.name === values.only)) {
    process.stderr.write(`Langkah tidak dikenal: ${values.only}\n\n${HELP}`);
    return 2;
  }
  try {
    // `npm run check --strict` hands the flag to npm, which passes it on as npm_config_strict.
    const strict = values.strict || process.env.npm_config_strict === "true";
    const result = await build({ sourcesDir: values.sources!, outDir: values.out!, only: values.only, strict });
    if (strict && (result.openErrors ?? 0) > 0) {
      process.stderr.write(`\n✘ ${result.openErrors} masalah tingkat kesalahan belum diselesaikan (mode --strict). Lihat outputs/reconciliation.xlsx (sheet Masalah); catat keputusan di sources/resolutions.csv.\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof SourceError) {
      process.stderr.write(`\n✘ ${err.message}\nGudang data sebelumnya tidak diubah.\n`);
      return 1;
    }
    process.stderr.write(`\n✘ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nGudang data sebelumnya tidak diubah.\n`);
    return 1;
  }
}

process.exitCode = await main();
