/**
 * The number parser of angka.ts as native DuckDB expressions (regexp, replace, trim), for the
 * bulk path: a JS function called per value pays a round trip per cell (shared/notes/platform.md).
 *
 * angka.ts stays the definition. The SQL recognises only the common, unambiguous shapes of a
 * cell (plain ASCII: "1.234.567,00", "(500.000.000,00)", "Rp. 3.536.506,28", "99,19%", "-",
 * "###", "3 Dokumen") and returns exactly what angka_info / kuantitas_info return for them;
 * every other cell, including every invalid one, goes to the TS parser, which also writes the
 * error message. test/pipelines/lib/angka-sql.test.ts compares both on generated strings.
 */
import { MAX_DECIMALS, MAX_WHOLE_DIGITS } from "./angka.js";
import { INFO_SEP } from "./duckdb.js";

/** Option text of the angka functions: "." or "," (thousands), or "machine". */
export type AngkaOption = "." | "," | "machine";

/** One number as the sheet prints it, per option (angka.ts indonesianDigits / machineDigits). */
const NUMBER: Record<AngkaOption, string> = {
  ".": String.raw`(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?`,
  // Comma-grouped sheets print sen as a last group of 1-2 digits after at least one full group.
  ",": String.raw`[0-9]{1,3}(?:,[0-9]{3})+(?:,[0-9]{1,2})?|[0-9]+`,
  machine: String.raw`[0-9]+(?:\.[0-9]+)?`,
};

const RP = String.raw`(?i:rp\.? *)`;

/**
 * Shapes handled natively, one regexp: accounting negatives "(n)", "(Rp n)", "Rp (n)"; else an
 * optional "Rp", an optional "-", the number, an optional "%" and an optional ",-".
 */
function pattern(opt: AngkaOption): string {
  const n = NUMBER[opt];
  return `^(?:\\(${RP}?(?P<p1>${n})\\)|${RP}\\((?P<p2>${n})\\)|${RP}?(?P<neg>-?)(?P<num>${n}) *%?(?:,-)?)$`;
}

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const SEP = `chr(${INFO_SEP.charCodeAt(0)})`;

/** Integer and fraction digits of a matched number, as two SQL expressions over `n`. */
function digits(n: string, opt: AngkaOption): { int: string; frac: string } {
  if (opt === ".") return { int: `replace(split_part(${n}, ',', 1), '.', '')`, frac: `split_part(${n}, ',', 2)` };
  if (opt === "machine") return { int: `split_part(${n}, '.', 1)`, frac: `split_part(${n}, '.', 2)` };
  const sen = `regexp_full_match(${n}, '[0-9]{1,3}(?:,[0-9]{3})+,[0-9]{1,2}')`;
  return {
    int: `replace(CASE WHEN ${sen} THEN regexp_replace(${n}, ',[0-9]{1,2}$', '') ELSE ${n} END, ',', '')`,
    frac: `CASE WHEN ${sen} THEN regexp_extract(${n}, ',([0-9]{1,2})$', 1) ELSE '' END`,
  };
}

/**
 * SQL of the info text (kind, value, decimals, problem, unit; see ANGKA_INFO_FIELDS) for the
 * text expression `s`, already trimmed, or NULL when the shape is not one handled natively.
 * `satuan` is the SQL of the unit field ('' for a plain number).
 */
function nativeInfo(s: string, opt: AngkaOption, satuan: string): string {
  const m = `regexp_extract(${s}, ${sql(pattern(opt))}, ['p1', 'p2', 'neg', 'num'])`;
  // Lambdas bind each intermediate once, so every regexp runs once per cell.
  return `(CASE
      WHEN ${s} = '' THEN 'empty' || ${SEP} || ${SEP} || ${SEP} || ${SEP} || ${satuan}
      WHEN regexp_full_match(${s}, '#+') THEN 'broken' || ${SEP} || ${SEP} || ${SEP} || ${SEP} || ${satuan}
      WHEN regexp_full_match(${s}, '${RP}?--?') THEN 'dash' || ${SEP} || ${SEP} || ${SEP} || ${SEP} || ${satuan}
      ELSE list_transform([${m}], lambda x:
        CASE WHEN x.p1 = '' AND x.p2 = '' AND x.num = '' THEN NULL ELSE
          list_transform([x.p1 || x.p2 || x.num], lambda n:
            list_transform([{i: ltrim(${digits("n", opt).int}, '0'), f: ${digits("n", opt).frac}}], lambda d:
              /* Wider than DECIMAL(28,6): the TS parser refuses it and names the cell. */
              CASE WHEN length(d.i) > ${MAX_WHOLE_DIGITS} OR length(d.f) > ${MAX_DECIMALS} THEN NULL ELSE list_transform([CASE WHEN d.i = '' THEN '0' ELSE d.i END || CASE WHEN rtrim(d.f, '0') = '' THEN '' ELSE '.' || rtrim(d.f, '0') END], lambda v:
                'number' || ${SEP}
                  || CASE WHEN (x.p1 <> '' OR x.p2 <> '' OR x.neg = '-') AND v <> '0' THEN '-' ELSE '' END || v
                  || ${SEP} || length(d.f)::VARCHAR || ${SEP} || ${SEP} || ${satuan}
              )[1] END
            )[1]
          )[1]
        END
      )[1]
    END)`;
}

/** Cells with anything but printable ASCII (NBSP, tabs, en dashes) always go to the TS parser. */
const PLAIN = (col: string) => `regexp_full_match(${col}, '[ -~]*')`;

/**
 * The dominant shape of an export, a plain non-negative number ("1.234.567,00", "98", "0,05"),
 * with string functions only: the general shapes above (regexp groups and lambdas) cost about
 * 20 µs a cell, which made number parsing most of the load at scale (BENCHMARKS.md).
 */
const FAST: Partial<Record<AngkaOption, { re: string; sep: string; thousands: string | null }>> = {
  ".": { re: String.raw`(?:[0-9]{1,3}(?:\.[0-9]{3}){1,6}|[0-9]{1,${MAX_WHOLE_DIGITS}})(?:,[0-9]{1,${MAX_DECIMALS}})?`, sep: ",", thousands: "." },
  machine: { re: String.raw`[0-9]{1,${MAX_WHOLE_DIGITS}}(?:\.[0-9]{1,${MAX_DECIMALS}})?`, sep: ".", thousands: null },
};

function fastInfo(n: string, opt: AngkaOption, satuan: string): string {
  const f = FAST[opt]!;
  const int = f.thousands ? `replace(split_part(${n}, '${f.sep}', 1), '${f.thousands}', '')` : `split_part(${n}, '${f.sep}', 1)`;
  const frac = `split_part(${n}, '${f.sep}', 2)`;
  return `('number' || ${SEP} || coalesce(nullif(ltrim(${int}, '0'), ''), '0')
    || CASE WHEN rtrim(${frac}, '0') = '' THEN '' ELSE '.' || rtrim(${frac}, '0') END
    || ${SEP} || length(${frac})::VARCHAR || ${SEP} || ${SEP} || ${satuan})`;
}

/** angka_info(col, opt) for the shapes handled natively; NULL for every other cell. */
export function angkaInfoNativeSql(col: string, opt: AngkaOption): string {
  const fast = FAST[opt] ? `WHEN regexp_full_match(${col}, '${FAST[opt]!.re}') THEN ${fastInfo(col, opt, "''")}` : "";
  return `(CASE ${fast} WHEN ${PLAIN(col)} THEN ${nativeInfo(`trim(${col})`, opt, "''")} END)`;
}

/** kuantitas_info(col, opt) ("3 Dokumen" -> number 3, unit "Dokumen") natively; NULL otherwise. */
export function kuantitasInfoNativeSql(col: string, opt: AngkaOption): string {
  const s = `trim(${col})`;
  const parts = `regexp_extract(${s}, '^([#0-9.,()%-]+) *(.*)$', ['a', 'u'])`;
  // "112 Orang": the fast number, a space, the unit (split_part: the number has no space).
  const fast = FAST[opt]
    ? `WHEN regexp_full_match(${col}, '${FAST[opt]!.re}(?: +[ -~]*)?') THEN ${fastInfo(`split_part(${col}, ' ', 1)`, opt, `trim(substr(${col}, length(split_part(${col}, ' ', 1)) + 1))`)}`
    : "";
  return `(CASE ${fast} WHEN ${PLAIN(col)} THEN list_transform([${parts}], lambda k:
      CASE WHEN k.a = '' THEN ${nativeInfo(s, opt, "''")}
           ELSE ${nativeInfo("k.a", opt, "trim(k.u)")} END)[1] END)`;
}

/** Drop-in for angka_info(col, opt): native where the shape allows, the TS parser otherwise. */
export function angkaInfoSql(col: string, opt: AngkaOption): string {
  return `(CASE WHEN ${col} IS NULL THEN NULL ELSE coalesce(${angkaInfoNativeSql(col, opt)}, angka_info(${col}, ${sql(opt)})) END)`;
}

/** Drop-in for kuantitas_info(col, opt). */
export function kuantitasInfoSql(col: string, opt: AngkaOption): string {
  return `(CASE WHEN ${col} IS NULL THEN NULL ELSE coalesce(${kuantitasInfoNativeSql(col, opt)}, kuantitas_info(${col}, ${sql(opt)})) END)`;
}

/**
 * Exact text -> DECIMAL(28,6). A direct cast to a width above 18 takes DuckDB's slow 128-bit path
 * (about 60x, platform notes); values with at most 11 integer digits go through DECIMAL(18,6) and
 * widen, which rounds the same way, and only larger ones take the wide cast.
 */
export function exactDecimal(text: string): string {
  return `(CASE WHEN length(ltrim(split_part(${text}, '.', 1), '-')) <= 11
    THEN CAST(CAST(${text} AS DECIMAL(18,6)) AS DECIMAL(28,6)) ELSE CAST(${text} AS DECIMAL(28,6)) END)`;
}
