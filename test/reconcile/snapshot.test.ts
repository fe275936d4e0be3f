/**
 * Snapshot of every finding the bundled 2024 sources produce, each reviewed by a person against the seed
 * document (test/snapshots/temuan_2024.csv: klasifikasi + a short catatan_review saying why). A change in
 * the findings (a new one, a vanished one, a changed keparahan) fails this test, so it must be looked at and
 * the snapshot updated on purpose, never silently.
 *
 * How to regenerate after a deliberate change:
 *   UPDATE_TEMUAN_SNAPSHOT=1 npx vitest run test/reconcile/snapshot.test.ts
 * rewrites the CSV from the current recon.temuan, keeping klasifikasi and catatan_review of every
 * temuan_id that still exists. New findings get an empty klasifikasi, which fails the "reviewed" test
 * until someone reads the seed at the cells the finding names (recon.temuan.nilai_konflik: file, row,
 * column and rujukan) and fills both columns in.
 *
 * The findings are read from the test run's shared build of the bundled sources (test/global-setup.ts).
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../pipelines/lib/duckdb.js";
import { openSharedWarehouse } from "../helpers/shared-build.js";

const SNAPSHOT = resolve(import.meta.dirname, "../snapshots/temuan_2024.csv");
const COLUMNS = ["temuan_id", "check_id", "keparahan", "tabel", "penjelasan", "klasifikasi", "catatan_review"] as const;
type SnapshotRow = Record<(typeof COLUMNS)[number], string>;

/** konflik_nyata: a true conflict; pembulatan: rounding/truncation/capping; perbedaan_definisi: the
 * figures measure different things; anomali_sumber: a source cell that cannot be read as printed. */
const KLASIFIKASI = ["konflik_nyata", "pembulatan", "perbedaan_definisi", "anomali_sumber"];

interface Member {
  peran: string;
  nilai: string | null;
  teks: string | null;
  source_file: string | null;
  source_row: number | null;
  source_column: string | null;
  rujukan: string | null;
}
type Temuan = {
  temuan_id: string;
  masalah_id: string;
  check_id: string;
  keparahan: string;
  status: string;
  tabel: string | null;
  penjelasan: string;
  keluarga: string | null;
  nilai_konflik: Member[] | null;
  lokasi_sel: { source_file: string; source_row: number; source_column: string; nilai_sekarang: string; nilai_pemulih: string } | null;
};

let db: Db;
let temuan: Temuan[];
let snapshot: SnapshotRow[];

const csvCell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

beforeAll(async () => {
  db = await openSharedWarehouse();
  temuan = await db.all<Temuan>(`SELECT * FROM recon.temuan ORDER BY temuan_id`);

  if (process.env.UPDATE_TEMUAN_SNAPSHOT === "1") {
    const old: SnapshotRow[] = parse(await readFile(SNAPSHOT, "utf8").catch(() => COLUMNS.join(",")), { columns: true, bom: true });
    const review = new Map(old.map((r) => [r.temuan_id, r]));
    const lines = temuan.map((t) => {
      const r = review.get(t.temuan_id);
      return [t.temuan_id, t.check_id, t.keparahan, t.tabel ?? "", t.penjelasan, r?.klasifikasi ?? "", r?.catatan_review ?? ""].map(csvCell).join(",");
    });
    await writeFile(SNAPSHOT, `${[COLUMNS.join(","), ...lines].join("\n")}\n`);
  }
  snapshot = parse(await readFile(SNAPSHOT, "utf8"), { columns: true, bom: true });
});
afterAll(() => db?.close());

const key = (r: { temuan_id: string; check_id: string; keparahan: string }) => `${r.temuan_id} ${r.check_id} ${r.keparahan}`;
const review = (id: string) => snapshot.find((r) => r.temuan_id === id);
const member = (t: Temuan, file: string, row: number | null) => (t.nilai_konflik ?? []).find((m) => m.source_file === file && m.source_row === row);

describe("bundled 2024 findings vs the reviewed snapshot", () => {
  it("(a) the findings are exactly the reviewed ones (regenerate deliberately: see the header)", () => {
    expect(temuan.map(key)).toEqual(snapshot.map(key));
  });

  it("(b) every finding is reviewed: an allowed klasifikasi and a note saying why", () => {
    const unreviewed = snapshot.filter((r) => !KLASIFIKASI.includes(r.klasifikasi) || !r.catatan_review.trim());
    expect(unreviewed.map((r) => `${r.temuan_id}: "${r.klasifikasi}"`)).toEqual([]);
    expect(Object.keys(snapshot[0] ?? {})).toEqual([...COLUMNS]);
  });
});

describe("(c) the headline conflicts are found and located to their cells", () => {
  it("placements: 1.963 in Tabel 3.16 vs 630 placed in the AK-I recap (row 14)", () => {
    const hits = temuan.filter((t) => {
      const lkjip = member(t, "lkjip/2024/tabel_3_16.csv", 3);
      const ak1 = member(t, "ak1/rekap_pencari_kerja_2024.csv", 14);
      return lkjip?.teks?.includes("1.963") && ak1?.nilai === "630.000000";
    });
    expect(hits).toHaveLength(1);
    const t = hits[0]!;
    expect(t).toMatchObject({ check_id: "keluarga_angka", keparahan: "error", status: "terbuka" });
    expect(member(t, "ak1/rekap_pencari_kerja_2024.csv", 14)!.rujukan).toContain("Lampiran D");
    expect(member(t, "lkjip/2024/tabel_3_16.csv", 3)!.rujukan).toContain("Tabel 3.16");
    expect(review(t.temuan_id)?.klasifikasi).toBe("konflik_nyata");
  });

  it("HI cases: 88 in Tabel 3.16 vs 94 in the HI KETERANGAN form and data sheet (resolved: settled vs received)", () => {
    const hits = temuan.filter((t) => {
      const lkjip = member(t, "lkjip/2024/tabel_3_16.csv", 4);
      const keterangan = (t.nilai_konflik ?? []).find((m) => m.source_file === "hi/keterangan_2024.csv");
      const sheet = (t.nilai_konflik ?? []).find((m) => m.source_file === "hi/data_bidang_hi_2024.csv");
      return lkjip?.teks?.includes("88") && keterangan?.nilai === "94.000000" && sheet?.nilai === "94.000000";
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ check_id: "keluarga_angka", keparahan: "error", keluarga: "kasus_hi_masuk|6403|2024|tahunan", status: "diselesaikan" });
    expect(review(hits[0]!.temuan_id)?.klasifikasi).toBe("perbedaan_definisi");
  });

  it("2023 Pelatihan realisation: row identity and column total both point at Realisasi (Rp), restoring 12.014.647.880", () => {
    const hits = temuan.filter((t) => t.lokasi_sel?.source_file === "budget/realisasi_program_2023.csv");
    expect(hits.map((t) => t.check_id)).toEqual(["total_tercetak", "total_tercetak"]);
    for (const t of hits) {
      expect(t.lokasi_sel).toMatchObject({ source_row: 2, source_column: "Realisasi (Rp)", nilai_sekarang: "11954520480.000000", nilai_pemulih: "12014647880.000000" });
      expect(t.keparahan).toBe("error");
      expect(review(t.temuan_id)?.klasifikasi).toBe("konflik_nyata");
    }
    // The analysts' recorded decision (sources/resolutions.csv) names the row identity's finding id;
    // both findings are one masalah (one cell), so the decision resolves both.
    expect(new Set(hits.map((t) => t.masalah_id)).size).toBe(1);
    expect(hits.map((t) => t.status)).toEqual(["diselesaikan", "diselesaikan"]);
  });

  it("Tabel 2.9 Program Penempatan change: located to row 4 'Bertambah / Berkurang', restoring 713.399.000", () => {
    const hits = temuan.filter((t) => t.lokasi_sel?.source_file === "budget/alokasi_per_program_2024.csv");
    expect(hits.map((t) => t.check_id).sort()).toEqual(["keluarga_angka", "total_tercetak"]);
    for (const t of hits) {
      expect(t.lokasi_sel).toMatchObject({ source_row: 4, source_column: "Bertambah / Berkurang", nilai_sekarang: "613399000.000000", nilai_pemulih: "713399000.000000" });
      expect(review(t.temuan_id)?.klasifikasi).toBe("konflik_nyata");
    }
  });
});
