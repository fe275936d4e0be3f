/**
 * Reading the reconciliation's counts (recon.ringkasan, built once by the check step). The CLI,
 * the --strict exit, reconciliation.json/csv/xlsx and the pages all read the counts through here
 * or straight from recon.ringkasan, so a count shown in two places is the same number.
 */
import type { Db } from "../lib/duckdb.js";

export interface RingkasanBaris {
  kode_wilayah: string;
  lingkup: string;
  keparahan: string;
  status: string;
  jumlah_masalah: number;
  jumlah_temuan: number;
}

export async function readRingkasan(db: Db): Promise<RingkasanBaris[]> {
  const rows = await db.all<Record<string, string | number>>(`SELECT * FROM recon.ringkasan ORDER BY ALL`);
  return rows.map((r) => ({
    kode_wilayah: String(r.kode_wilayah),
    lingkup: String(r.lingkup),
    keparahan: String(r.keparahan),
    status: String(r.status),
    jumlah_masalah: Number(r.jumlah_masalah),
    jumlah_temuan: Number(r.jumlah_temuan),
  }));
}

/** One cell of recon.ringkasan ('semua' for a total over that dimension). */
export function hitung(
  rows: RingkasanBaris[],
  q: { kode_wilayah?: string; lingkup?: string; keparahan?: string; status?: string },
): { masalah: number; temuan: number } {
  const r = rows.find(
    (x) =>
      x.kode_wilayah === (q.kode_wilayah ?? "semua") &&
      x.lingkup === (q.lingkup ?? "semua") &&
      x.keparahan === (q.keparahan ?? "semua") &&
      x.status === (q.status ?? "semua"),
  );
  return { masalah: r?.jumlah_masalah ?? 0, temuan: r?.jumlah_temuan ?? 0 };
}

/** The headline: open worklist problems of error and warning level, and how many findings they hold. */
export function ringkasanUtama(rows: RingkasanBaris[], kodeWilayah = "semua") {
  const q = { kode_wilayah: kodeWilayah, lingkup: "kerja", status: "terbuka" };
  return {
    terbuka: hitung(rows, { ...q, keparahan: "error_warning" }),
    error: hitung(rows, { ...q, keparahan: "error" }),
    warning: hitung(rows, { ...q, keparahan: "warning" }),
    rounding: hitung(rows, { ...q, keparahan: "rounding" }),
    semua: hitung(rows, { kode_wilayah: kodeWilayah }),
    diselesaikan: hitung(rows, { kode_wilayah: kodeWilayah, status: "diselesaikan" }),
    konteks: hitung(rows, { kode_wilayah: kodeWilayah, lingkup: "konteks" }),
    keputusanUsang: rows.find((r) => r.status === "keputusan_usang")?.jumlah_masalah ?? 0,
  };
}

/** "31 masalah terbuka (18 kesalahan, 13 peringatan; 110 temuan), 9 pembulatan, 12 konteks, 2 diselesaikan". */
export function ringkasanTeks(rows: RingkasanBaris[], kodeWilayah = "semua"): string {
  const u = ringkasanUtama(rows, kodeWilayah);
  const usang = u.keputusanUsang ? `, ${u.keputusanUsang} keputusan usang` : "";
  return (
    `${u.terbuka.masalah} masalah terbuka (${u.error.masalah} kesalahan, ${u.warning.masalah} peringatan; ${u.terbuka.temuan} temuan), ` +
    `${u.rounding.masalah} pembulatan, ${u.konteks.masalah} konteks, ${u.diselesaikan.masalah} diselesaikan; ` +
    `${u.semua.masalah} masalah dari ${u.semua.temuan} temuan${usang}`
  );
}
