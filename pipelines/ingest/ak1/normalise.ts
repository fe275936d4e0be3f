/**
 * AK-I: the "Jumlah (L+W)" row prints L+W under the L column (merged cell), so its stated totals
 * are re-described as sums of both sex columns. Education labels keep their printed form; the
 * glossary's synonyms (SMU = SMA, SI = S1, D1 / DII = D1/D2) are applied in staging.
 */
import type { Db } from "../../lib/duckdb.js";
import type { Family } from "../family.js";
import { rekap, MEASURE_KEYS } from "./layout.js";

async function normalise(db: Db): Promise<void> {
  for (const m of MEASURE_KEYS) {
    await db.run(`UPDATE raw.stated_totals SET kolom_bagian = ['${m}_l', '${m}_w']
      WHERE layout = 'ak1.rekap' AND kolom = '${m}_l' AND regexp_matches(label, 'L\\s*\\+\\s*W', 'i')`);
  }
}

export const ak1: Family = { name: "ak1", layouts: [rekap], normalise };
