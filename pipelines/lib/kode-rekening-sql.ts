/**
 * parseKodeRekening (kode-rekening.ts) as native DuckDB expressions for the load step: a JS
 * function per Lampiran C row paid a round trip per cell. Only the well-formed shape is decided
 * natively (its level from the segment count, no problem); every other code goes to the TS
 * parser, which stays the definition and writes the message. test/pipelines/lib/kode-rekening-sql.test.ts
 * compares both on generated codes.
 */

/** U, U.BB, U.BB.PP, U.BB.PP.K.KK, U.BB.PP.K.KK.SSSS (a lone K is not a level). */
const WELL_FORMED = String.raw`[0-9](\.[0-9]{2}(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.[0-9]{4})?)?)?)?`;

const wellFormed = (col: string) => `regexp_full_match(trim(${col}), '${WELL_FORMED}')`;
const segments = (col: string) => `(length(trim(${col})) - length(replace(trim(${col}), '.', '')) + 1)`;

/** kode_tingkat(col): the level of a well-formed code, NULL otherwise (as the TS parser). */
export function kodeTingkatSql(col: string): string {
  return `(CASE WHEN ${col} IS NULL THEN NULL WHEN ${wellFormed(col)} THEN
    CASE ${segments(col)} WHEN 1 THEN 'urusan' WHEN 2 THEN 'bidang_urusan' WHEN 3 THEN 'program' WHEN 5 THEN 'kegiatan' WHEN 6 THEN 'sub_kegiatan' END
    ELSE kode_tingkat(${col}) END)`;
}

/** kode_masalah(col): NULL for a well-formed code, the TS parser's message otherwise ('kode kosong' for NULL). */
export function kodeMasalahSql(col: string): string {
  return `(CASE WHEN ${col} IS NULL THEN 'kode kosong' WHEN ${wellFormed(col)} THEN NULL ELSE kode_masalah(${col}) END)`;
}
