/**
 * Kode rekening (Permendagri 90/2019 nomenclature): urusan.bidang.program.kegiatan.sub-kegiatan,
 * printed as U.BB.PP.K.KK.SSSS, e.g. 2.07.01.2.01.0001.
 *
 * Malformed codes are parsed as far as they go and flagged, never dropped: a row with a bad code
 * still carries money that the totals must account for.
 */
export type TingkatKode = "urusan" | "bidang_urusan" | "program" | "kegiatan" | "sub_kegiatan";

/** Expected digit width of each segment, in order. */
const SEGMENT_WIDTHS = [1, 2, 2, 1, 2, 4] as const;
/** Number of segments -> level. A kegiatan needs both of its segments (K.KK). */
const LEVEL_BY_SEGMENTS: Record<number, TingkatKode> = {
  1: "urusan",
  2: "bidang_urusan",
  3: "program",
  5: "kegiatan",
  6: "sub_kegiatan",
};

export interface KodeRekening {
  /** Text as printed. */
  teks: string;
  /** Normalised dotted code when well formed, else null. */
  kode: string | null;
  tingkat: TingkatKode | null;
  urusan: string | null;
  bidang_urusan: string | null;
  program: string | null;
  kegiatan: string | null;
  sub_kegiatan: string | null;
  /** Why the code is not well formed; null when it is. */
  masalah: string | null;
}

const EMPTY = {
  kode: null,
  tingkat: null,
  urusan: null,
  bidang_urusan: null,
  program: null,
  kegiatan: null,
  sub_kegiatan: null,
} as const;

export function parseKodeRekening(input: string | null | undefined): KodeRekening {
  const teks = (input ?? "").trim();
  if (teks === "") return { teks, ...EMPTY, masalah: "kode kosong" };
  if (!/^[0-9.,]+$/.test(teks)) return { teks, ...EMPTY, masalah: "kode memuat karakter selain angka dan titik" };
  if (teks.includes(",")) return { teks, ...EMPTY, masalah: "koma dipakai sebagai pemisah kode (seharusnya titik)" };

  const segments = teks.split(".");
  const tingkat = LEVEL_BY_SEGMENTS[segments.length];
  if (!tingkat) return { teks, ...EMPTY, masalah: `jumlah segmen ${segments.length} tidak sesuai pola U.BB.PP.K.KK.SSSS` };
  const bad = segments.findIndex((seg, i) => seg.length !== SEGMENT_WIDTHS[i]);
  if (bad >= 0) {
    return {
      teks,
      ...EMPTY,
      masalah: `segmen ke-${bad + 1} '${segments[bad]}' harus ${SEGMENT_WIDTHS[bad]} digit`,
    };
  }
  const prefix = (n: number) => (segments.length >= n ? segments.slice(0, n).join(".") : null);
  return {
    teks,
    kode: teks,
    tingkat,
    urusan: prefix(1),
    bidang_urusan: prefix(2),
    program: prefix(3),
    kegiatan: prefix(5),
    sub_kegiatan: prefix(6),
    masalah: null,
  };
}

/** The code one level up, for tree checks (parent = sum of children). */
export function parentKode(kode: string): string | null {
  const segments = kode.split(".");
  if (segments.length === 6) return segments.slice(0, 5).join(".");
  if (segments.length === 5) return segments.slice(0, 3).join(".");
  if (segments.length > 1) return segments.slice(0, segments.length - 1).join(".");
  return null;
}
