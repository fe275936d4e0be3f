/** An input problem a person can fix: it names the file, row, column and reason. */
export interface SourceProblem {
  file: string;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  reason: string;
  text?: string | null;
}

export function describeProblem(p: SourceProblem): string {
  const where = [
    p.file,
    p.sheet ? `sheet "${p.sheet}"` : null,
    p.row != null ? `baris ${p.row}` : null,
    p.column ? `kolom "${p.column}"` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const text = p.text != null && p.text !== "" ? ` (isi sel: "${shortText(p.text)}")` : "";
  return `${where}: ${p.reason}${text}`;
}

/** Cell text as shown in a message: about 100 characters, control characters made visible. */
export function shortText(text: string, max = 100): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: making control characters visible is the point
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  const chars = [...visible];
  return chars.length <= max ? visible : `${chars.slice(0, max).join("")}… (${chars.length} karakter)`;
}

/** Bad input: exit code 2, no stack trace. */
export class SourceError extends Error {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  - ${describeProblem(p)}`);
    if (problems.length > 20) shown.push(`  ... dan ${problems.length - 20} masalah lain`);
    super(`Sumber data tidak dapat dimuat:\n${shown.join("\n")}`);
    this.name = "SourceError";
    this.problems = problems;
  }
}

/** A failure the user can act on that is not a source problem (a busy --out, a missing warehouse). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = "BuildError";
  }
}
