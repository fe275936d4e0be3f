/** Regenerates sources/ak1/rekap_pencari_kerja_2024.xlsx from its CSV: `npx tsx test/helpers/make-ak1-xlsx.ts`. */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { writeOfficeXlsx } from "./office-xlsx.js";

export const AK1_MERGES = ["C4:D4", "E4:F4", "G4:H4", "I4:J4", "K4:L4", "A4:A5", "B4:B5", "C14:D14", "E14:F14", "G14:H14", "I14:J14", "K14:L14"];

const csvPath = process.argv[2] ?? "sources/ak1/rekap_pencari_kerja_2024.csv";
const rows: string[][] = parse(await readFile(csvPath, "utf8"), { relax_column_count: true, skip_empty_lines: false });
await writeOfficeXlsx(csvPath.replace(/\.csv$/, ".xlsx"), "Rekap AK-I 2024", rows, AK1_MERGES);
