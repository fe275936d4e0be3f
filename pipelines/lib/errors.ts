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
  const text = p.text != null && p.text !== "" ? ` (isi sel: "${p.text}")` : "";
  return `${where}: ${p.reason}${text}`;
}

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
