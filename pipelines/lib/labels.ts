/**
 * Header and label matching: case-, whitespace- and punctuation-spacing-insensitive, so that
 * "Sisa Tahun  Lalu / L" and "SISA TAHUN LALU/L" are the same column.
 */
export function normaliseLabel(label: string | null | undefined): string {
  return (label ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/\s*\/\s*/g, " / ")
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ")
    .replace(/[\s:.]+$/, "")
    .trim();
}

export function sameLabel(a: string, b: string): boolean {
  return normaliseLabel(a) === normaliseLabel(b);
}
