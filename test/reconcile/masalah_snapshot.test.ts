/**
 * Precision of the worklist: every error-level masalah the bundled 2024 sources produce was reviewed
 * against the LKjIP and is a real problem, with a one-line reason (test/snapshots/masalah_2024.csv).
 * A new error masalah, a vanished one or a changed cause fails here until someone reviews it and
 * updates the snapshot on purpose. Reads the shared build (test/global-setup.ts).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

const SNAPSHOT = resolve(import.meta.dirname, "../snapshots/masalah_2024.csv");
type Reviewed = { masalah_id: string; keparahan: string; sebab: string; catatan_review: string };
let db: Db;
let reviewed: Reviewed[];
let built: { masalah_id: string; keparahan: string; sebab: string; kode_wilayah: string; lingkup: string; jumlah_temuan: number; judul: string }[];

beforeAll(async () => {
  db = await openSharedWarehouse();
  reviewed = parse(await readFile(SNAPSHOT, "utf8"), { columns: true });
  built = await db.all(`SELECT masalah_id, keparahan, sebab, kode_wilayah, lingkup, jumlah_temuan, judul FROM recon.masalah ORDER BY peringkat`);
});
afterAll(() => db?.close());

describe("reviewed error-level masalah of the 2024 build", () => {
  it("every error masalah is in the reviewed snapshot with its cause and a reason, and nothing reviewed vanished", () => {
    const errors = built.filter((m) => m.keparahan === "error").map((m) => `${m.masalah_id} ${m.sebab}: ${m.judul}`);
    const snap = reviewed.map((r) => `${r.masalah_id} ${r.sebab}`);
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(snap.sort());
    for (const r of reviewed) expect(r.catatan_review.length, r.masalah_id).toBeGreaterThan(20);
  });

  it("lists at most 45 open error/warning masalah for Kutai Kartanegara, counted in recon.ringkasan", async () => {
    const [r] = await db.all<{ jumlah_masalah: number }>(`
      SELECT jumlah_masalah FROM recon.ringkasan WHERE kode_wilayah = '6403' AND lingkup = 'kerja' AND keparahan = 'error_warning' AND status = 'terbuka'`);
    expect(r!.jumlah_masalah).toBeGreaterThan(0);
    expect(r!.jumlah_masalah).toBeLessThanOrEqual(45);
    const open = built.filter((m) => m.kode_wilayah === "6403" && m.lingkup === "kerja" && m.keparahan !== "rounding");
    expect(open.length).toBeGreaterThanOrEqual(r!.jumlah_masalah);
  });

  it("puts outlets' figures about other regions in the context tier", () => {
    for (const m of built.filter((x) => x.kode_wilayah !== "6403" && x.kode_wilayah !== null)) expect(m.lingkup, m.judul).toBe("konteks");
  });

  it("ranks a problem that changes an IKU band first and says why in one line", async () => {
    const [top] = await db.all<{ kelas_dampak: number; alasan_peringkat: string; tindakan: string }>(`SELECT kelas_dampak, alasan_peringkat, tindakan FROM recon.masalah ORDER BY peringkat LIMIT 1`);
    expect(top!.kelas_dampak).toBe(1);
    expect(top!.alasan_peringkat).toMatch(/^Mengubah pita kriteria capaian IKU/);
    expect(top!.alasan_peringkat).not.toMatch(/\n/);
  });

  it("puts a masalah in the 'moves a total' class only when one of its sum identities fails by an amount", async () => {
    const rows = await db.all<{ masalah_id: string; selisih: boolean }>(`
      SELECT m.masalah_id, bool_or(t.jenis IN ('jumlah_vs_bagian', 'induk_vs_anak') AND t.nilai_aktual <> t.nilai_diharapkan) AS selisih
      FROM recon.masalah m JOIN recon.temuan t USING (masalah_id) WHERE m.kelas_dampak = 2 AND m.keparahan <> 'rounding' GROUP BY 1 ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.selisih, r.masalah_id).toBe(true);
    // an unreadable budget cell moves no total: it ranks after every error that does
    const [sel] = await db.all<{ kelas_dampak: number }>(`SELECT min(kelas_dampak) AS kelas_dampak FROM recon.masalah m
      WHERE NOT EXISTS (SELECT 1 FROM recon.temuan t WHERE t.masalah_id = m.masalah_id AND t.jenis <> 'sel_sumber')`);
    expect(sel!.kelas_dampak).toBe(3);
  });

  it("writes what an analyst reads without internal codes or transcription line numbers", async () => {
    const rows = await db.all<{ t: string }>(`SELECT judul || ' ' || tindakan || ' ' || dasar_nilai || ' ' || alasan_peringkat AS t FROM recon.masalah WHERE lingkup = 'kerja'`);
    for (const r of rows) {
      expect(r.t).not.toMatch(/\bpk\d{2}\b/);
      expect(r.t).not.toMatch(/seed line|baris seed/i);
      expect(r.t).not.toMatch(/\d{6,}\.\d{6}/); // raw DECIMAL text such as 613399000.000000
    }
  });
});
