/**
 * The project's one CSV writer: RFC 4180 via csv-stringify (quoting, embedded quotes and line
 * breaks are the library's job, not ours), CRLF line ends, and neutralisation of text that a
 * spreadsheet would run as a formula (OWASP "CSV injection"): a text cell starting with = + - @,
 * tab or CR gets a leading apostrophe. A cell that is a number (plain "-12.5" or id-ID
 * "-1.234,5" / "99,19%") is left as it is, so numbers stay numbers.
 */
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i;
const ID_NUMBER = /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?%?$|^[+-]?\d+(,\d+)?%?$/;

/** The cell as a spreadsheet may safely read it. */
export function neutraliseCell(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  if (PLAIN_NUMBER.test(text) || ID_NUMBER.test(text)) return text;
  return `'${text}`;
}

export interface CsvOptions {
  /**
   * false only for files that emulate an office's own export (the synthetic sources): there a
   * lone "-" is the sheet's dash and must stay as printed, not become "'-".
   */
  neutralise?: boolean;
  /** "\n" for source files in the sources/ convention (LF); outputs use CRLF (RFC 4180). */
  lineEnd?: "\r\n" | "\n";
}

/** Rows to CSV text; `null`/`undefined` become empty cells. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | null | undefined>>, options: CsvOptions = {}): string {
  const cell = options.neutralise === false ? (v: string | null | undefined) => v ?? "" : (v: string | null | undefined) => neutraliseCell(v ?? "");
  return stringify(
    rows.map((r) => r.map(cell)),
    // csv-stringify quotes a bare "\n" only when it is the record delimiter: quote every line break.
    { record_delimiter: options.lineEnd ?? "\r\n", quoted_match: /[\r\n]/ },
  );
}
