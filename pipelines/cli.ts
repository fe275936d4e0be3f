/** Command line: `npm run pipeline -- [--sources DIR] [--out DIR] [--only STEP] [--strict] [--full]`. */
import { parseArgs } from "node:util";
import { build, installSignalCleanup } from "./build.js";
import { BuildError, SourceError } from "./lib/errors.js";

// The step list (and with it every step's modules) is loaded only for the help text or --only.
const help = async () => {
  const { STEPS } = await import("./steps.js");
  return `Penggunaan: npm run pipeline -- [opsi]

  --sources DIR   folder sumber (bawaan: sources/)
  --out DIR       folder keluaran (bawaan: outputs/)
  --only STEP     jalankan satu langkah saja
  --full          bangun ulang semuanya walaupun sumber dan kode sama dengan build yang diterbitkan
  --strict        (langkah check) keluar dengan kode bukan nol selama ada masalah berkeparahan kesalahan yang belum diselesaikan
  --help          tampilkan bantuan ini

Langkah:
${STEPS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join("\n")}
`;
};

const OPTIONS = {
  sources: { type: "string", default: "sources" },
  out: { type: "string", default: "outputs" },
  only: { type: "string" },
  strict: { type: "boolean", default: false },
  full: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

installSignalCleanup();

async function main(): Promise<number> {
  let values: { sources?: string; out?: string; only?: string; strict?: boolean; full?: boolean; help?: boolean };
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (err) {
    const what = err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err);
    const option = /'([^']+)'/.exec(what)?.[1];
    process.stderr.write(`✘ Opsi tidak dikenal atau tidak lengkap${option ? `: ${option}` : ""}.\n\n${await help()}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(await help());
    return 0;
  }
  if (values.only && !(await import("./steps.js")).STEPS.some((s) => s.name === values.only)) {
    process.stderr.write(`Langkah tidak dikenal: ${values.only}\n\n${await help()}`);
    return 2;
  }
  try {
    // `npm run check --strict` hands the flag to npm, which passes it on as npm_config_strict.
    const strict = values.strict || process.env.npm_config_strict === "true";
    const result = await build({ sourcesDir: values.sources!, outDir: values.out!, only: values.only, strict, incremental: !values.full });
    if (strict && (result.openErrors ?? 0) > 0) {
      process.stderr.write(`\n✘ ${result.openErrors} masalah berkeparahan kesalahan belum diselesaikan (mode --strict). Lihat outputs/reconciliation.xlsx (sheet Masalah); catat keputusan di sources/resolutions.csv.\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    // build() publishes in its very last step, so any error it throws came before it.
    const unchanged = `Gudang data dan keluaran sebelumnya di ${values.out} tidak diubah.`;
    if (err instanceof SourceError) {
      process.stderr.write(`\n✘ ${err.message}\n${unchanged}\n`);
      return 2;
    }
    if (err instanceof BuildError) {
      process.stderr.write(`\n✘ ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`\n✘ Kesalahan internal (bukan kesalahan data sumber):\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${unchanged}\n`);
    return 1;
  }
}

process.exitCode = await main();
