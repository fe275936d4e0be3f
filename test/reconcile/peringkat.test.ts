/**
 * The worklist's ordering rule (URUTAN_PERINGKAT), on literal rows: a band-changing problem first, then
 * one that moves a total, then by the published figures it touches, then by severity; context and
 * rounding after the office's real problems. A budget-file cell that cannot be read does not move a
 * total, so an error touching more published figures outranks it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../pipelines/lib/duckdb.js";
import { KELAS_DAMPAK, URUTAN_PERINGKAT } from "../../pipelines/reconcile/masalah.js";

let db: Db;
beforeAll(async () => {
  db = await Db.open(":memory:");
  await db.run(`
    CREATE TABLE masalah_teks AS SELECT * FROM (VALUES
      ('M-konteks', 'konteks', 'error',    true,  false, 40),
      ('M-bulat',   'kerja',   'rounding', false, true,  30),
      ('M-sel',     'kerja',   'warning',  false, false, 2),
      ('M-hi',      'kerja',   'error',    false, false, 3),
      ('M-hi-sama', 'kerja',   'warning',  false, false, 3),
      ('M-total',   'kerja',   'warning',  false, true,  1),
      ('M-pita',    'kerja',   'warning',  true,  false, 0),
      ('M-pita-2',  'kerja',   'error',    true,  true,  9)
    ) AS t(masalah_id, lingkup, keparahan, ubah_kriteria, sentuh_anggaran, jumlah_angka_terbit)`);
});
afterAll(() => db?.close());

describe("worklist ranking rule", () => {
  it("orders by band change, then total moved, then published figures touched, then severity", async () => {
    const rows = await db.all<{ masalah_id: string; kelas: number }>(`
      SELECT masalah_id, ${KELAS_DAMPAK} AS kelas FROM masalah_teks m ORDER BY row_number() OVER (ORDER BY ${URUTAN_PERINGKAT})`);
    expect(rows.map((r) => r.masalah_id)).toEqual(["M-pita-2", "M-pita", "M-total", "M-hi", "M-hi-sama", "M-sel", "M-bulat", "M-konteks"]);
    expect(rows.map((r) => r.kelas)).toEqual([1, 1, 2, 3, 3, 3, 2, 1]);
  });
});
