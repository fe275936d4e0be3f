/**
 * Reconciliation outputs, written around the masalah (the problems an analyst clears):
 *   - reconciliation.json: the counts (recon.ringkasan), every masalah with its findings and
 *     consequences, the decisions; exact numbers as strings;
 *   - reconciliation.csv: the worklist, one row per masalah in rank order;
 *   - reconciliation.xlsx: the analyst's workbook (sheets Ringkasan, Masalah, Temuan, Sel, Keputusan,
 *     Cakupan): numbers as numbers with id-ID formats, wrapped explanations, frozen headers, autofilter;
 *   - reconciliation_cakupan.csv: the numeric source cells no check covers.
 * Every count comes from recon.ringkasan; nothing here counts rows itself.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { newWorkbook, sourcesDocumentDate, writeWorkbook } from "../lib/xlsx.js";
import type { Db } from "../lib/duckdb.js";
import { angkaFixed, decimalsOf, formatAngka } from "../lib/format.js";
import { toCsv } from "../lib/csv.js";
import { readRingkasan } from "./ringkasan.js";

type Row = Record<string, unknown>;

/** A column of the CSV and of a workbook sheet: its header, how to read it, and its kind. */
interface Kolom {
  judul: string;
  ambil: (r: Row) => unknown;
  jenis?: "angka" | "bilangan" | "teks" | "panjang";
  lebar?: number;
}

const teks = (v: unknown) => (v == null ? "" : String(v));
const angkaTeks = (v: unknown) => (v == null || v === "" ? "" : formatAngka(String(v)));

const LABEL_KEPARAHAN: Record<string, string> = { error: "kesalahan", warning: "peringatan", rounding: "pembulatan" };
const LABEL_LINGKUP: Record<string, string> = { kerja: "daftar kerja (angka kantor)", konteks: "konteks (kutipan, wilayah lain)", semua: "semua" };
const LABEL_STATUS: Record<string, string> = { terbuka: "terbuka", diselesaikan: "diselesaikan", semua: "semua", keputusan_usang: "keputusan usang" };

const lokasi = (r: Row) =>
  r.lokasi_berkas
    ? `${teks(r.lokasi_rujukan) || teks(r.lokasi_berkas)}${r.lokasi_label_baris ? `, baris "${teks(r.lokasi_label_baris)}"` : ""}, kolom ${teks(r.lokasi_kolom)}: ${angkaTeks(r.lokasi_nilai_sekarang)} seharusnya ${angkaTeks(r.lokasi_nilai_pemulih)}`
    : "";

const MASALAH: Kolom[] = [
  { judul: "Peringkat", ambil: (r) => r.peringkat, jenis: "bilangan", lebar: 10 },
  { judul: "ID Masalah", ambil: (r) => r.masalah_id, lebar: 12 },
  { judul: "Kode Wilayah", ambil: (r) => r.kode_wilayah, lebar: 10 },
  { judul: "Tahun", ambil: (r) => r.tahun, lebar: 8 },
  { judul: "Lingkup", ambil: (r) => LABEL_LINGKUP[teks(r.lingkup)] ?? r.lingkup, lebar: 18 },
  { judul: "Keparahan", ambil: (r) => r.keparahan_label, lebar: 12 },
  { judul: "Status", ambil: (r) => r.status, lebar: 12 },
  { judul: "Sebab", ambil: (r) => r.sebab_label, lebar: 24, jenis: "panjang" },
  { judul: "Masalah", ambil: (r) => r.judul, jenis: "panjang", lebar: 60 },
  { judul: "Yang Harus Dilakukan", ambil: (r) => r.tindakan, jenis: "panjang", lebar: 60 },
  { judul: "Nilai Tercetak", ambil: (r) => r.nilai_tercetak, jenis: "angka", lebar: 18 },
  { judul: "Nilai yang Didukung", ambil: (r) => r.nilai_didukung, jenis: "angka", lebar: 18 },
  { judul: "Dasar Nilai (Hierarki Sumber)", ambil: (r) => r.dasar_nilai, jenis: "panjang", lebar: 50 },
  { judul: "Alasan Peringkat", ambil: (r) => r.alasan_peringkat, jenis: "panjang", lebar: 45 },
  { judul: "Jumlah Temuan", ambil: (r) => r.jumlah_temuan, jenis: "bilangan", lebar: 10 },
  { judul: "Angka Terbit Terdampak", ambil: (r) => r.jumlah_angka_terbit, jenis: "bilangan", lebar: 12 },
  { judul: "Akibat (Tabel dan Narasi yang Mewarisi)", ambil: (r) => r.akibat_teks, jenis: "panjang", lebar: 60 },
  { judul: "Sel yang Kemungkinan Salah", ambil: lokasi, jenis: "panjang", lebar: 45 },
  { judul: "Nilai yang Berlaku (Keputusan)", ambil: (r) => r.nilai_berlaku, lebar: 16 },
  { judul: "Alasan Keputusan", ambil: (r) => r.resolusi_alasan, jenis: "panjang", lebar: 45 },
  { judul: "Diputuskan Oleh", ambil: (r) => r.resolusi_oleh, lebar: 20 },
  { judul: "Tanggal Keputusan", ambil: (r) => r.resolusi_tanggal, lebar: 12 },
];

const TEMUAN: Kolom[] = [
  { judul: "ID Masalah", ambil: (r) => r.masalah_id, lebar: 12 },
  { judul: "ID Temuan", ambil: (r) => r.temuan_id, lebar: 26 },
  { judul: "Peran dalam Masalah", ambil: (r) => (r.peran_masalah === "akibat" ? "akibat (mewarisi)" : "sebab"), lebar: 14 },
  { judul: "Keparahan", ambil: (r) => LABEL_KEPARAHAN[teks(r.keparahan)] ?? r.keparahan, lebar: 12 },
  { judul: "Status", ambil: (r) => r.status, lebar: 12 },
  { judul: "Pemeriksaan", ambil: (r) => r.cek_deskripsi, jenis: "panjang", lebar: 40 },
  { judul: "Kode Wilayah", ambil: (r) => r.kode_wilayah, lebar: 10 },
  { judul: "Tahun", ambil: (r) => r.tahun, lebar: 8 },
  { judul: "Penjelasan", ambil: (r) => r.penjelasan, jenis: "panjang", lebar: 70 },
  { judul: "Nilai Diharapkan", ambil: (r) => r.nilai_diharapkan, jenis: "angka", lebar: 18 },
  { judul: "Nilai Tercetak", ambil: (r) => r.nilai_aktual, jenis: "angka", lebar: 18 },
  { judul: "Selisih", ambil: (r) => r.selisih, jenis: "angka", lebar: 16 },
];

const SEL: Kolom[] = [
  { judul: "ID Masalah", ambil: (r) => r.masalah_id, lebar: 12 },
  { judul: "ID Temuan", ambil: (r) => r.temuan_id, lebar: 26 },
  { judul: "Peran", ambil: (r) => r.peran, lebar: 22 },
  { judul: "Nilai", ambil: (r) => r.nilai, jenis: "angka", lebar: 18 },
  { judul: "Teks Tercetak", ambil: (r) => r.teks, lebar: 20 },
  { judul: "Dokumen", ambil: (r) => r.rujukan, jenis: "panjang", lebar: 45 },
  { judul: "Baris", ambil: (r) => r.label_baris, jenis: "panjang", lebar: 40 },
  { judul: "Kolom", ambil: (r) => r.source_column, lebar: 24 },
  { judul: "Jenis Sumber", ambil: (r) => r.jenis_sumber, lebar: 22 },
  { judul: "Berkas Sumber", ambil: (r) => r.source_file, lebar: 36 },
  { judul: "Sheet", ambil: (r) => r.source_sheet, lebar: 10 },
  { judul: "Baris Berkas", ambil: (r) => r.source_row, jenis: "bilangan", lebar: 8 },
  { judul: "Huruf Kolom", ambil: (r) => r.huruf_kolom, lebar: 8 },
];

const KEPUTUSAN: Kolom[] = [
  { judul: "ID Keputusan", ambil: (r) => r.id, lebar: 30 },
  { judul: "Menunjuk", ambil: (r) => r.sasaran, lebar: 12 },
  { judul: "Masalah", ambil: (r) => (Array.isArray(r.masalah_id) ? r.masalah_id.join(", ") : ""), lebar: 14 },
  { judul: "Status", ambil: (r) => (r.status === "usang" ? "usang (tidak cocok dengan apa pun)" : "berlaku"), lebar: 16 },
  { judul: "Nilai yang Berlaku", ambil: (r) => r.nilai_berlaku, lebar: 16 },
  { judul: "Alasan", ambil: (r) => r.alasan, jenis: "panjang", lebar: 60 },
  { judul: "Oleh", ambil: (r) => r.oleh, lebar: 24 },
  { judul: "Tanggal", ambil: (r) => r.tanggal, lebar: 12 },
  { judul: "Catatan", ambil: (r) => r.catatan, jenis: "panjang", lebar: 50 },
];

const RINGKASAN: Kolom[] = [
  { judul: "Kode Wilayah", ambil: (r) => r.kode_wilayah, lebar: 12 },
  { judul: "Lingkup", ambil: (r) => LABEL_LINGKUP[teks(r.lingkup)] ?? r.lingkup, lebar: 28 },
  { judul: "Keparahan", ambil: (r) => LABEL_KEPARAHAN[teks(r.keparahan)] ?? r.keparahan, lebar: 12 },
  { judul: "Status", ambil: (r) => LABEL_STATUS[teks(r.status)] ?? r.status, lebar: 16 },
  { judul: "Jumlah Masalah", ambil: (r) => r.jumlah_masalah, jenis: "bilangan", lebar: 12 },
  { judul: "Jumlah Temuan", ambil: (r) => r.jumlah_temuan, jenis: "bilangan", lebar: 12 },
];

/** CSV text of a cell: figures the Indonesian way, everything else as is. */
function csvCell(k: Kolom, r: Row): string {
  const v = k.ambil(r);
  if (k.jenis === "angka") return angkaTeks(v);
  return teks(v);
}

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Kolom[], rows: Row[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.judul, width: c.lebar ?? 16 }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  for (const r of rows) {
    const row = ws.addRow([]);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = c.ambil(r);
      if (v == null || v === "") return;
      if (c.jenis === "angka" || c.jenis === "bilangan") {
        // The exact text is the source of truth; the cell holds the number Excel can hold, shown
        // with the decimals it has and Indonesian separators (the reader's locale formats #,##0).
        const fixed = angkaFixed(String(v));
        const d = decimalsOf(fixed.replace(/0+$/, "").replace(/\.$/, ""));
        cell.value = Number(fixed);
        cell.numFmt = d ? `#,##0.${"0".repeat(d)}` : "#,##0";
      } else {
        cell.value = String(v);
        if (c.jenis === "panjang") cell.alignment = { vertical: "top", wrapText: true };
        else cell.alignment = { vertical: "top" };
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
}

export async function writeReconciliationOutputs(db: Db, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const ringkasan = await readRingkasan(db);
  const masalah = await db.all<Row>(`
    SELECT m.*, a.akibat_teks
    FROM recon.masalah m
    LEFT JOIN (
      SELECT masalah_id, string_agg(
        coalesce(rujukan, source_file) || coalesce(', "' || label_baris || '"', '') || coalesce(', ' || source_column, '') ||
        ': ' || coalesce(teks_tercetak, angka_id(nilai_tercetak::VARCHAR), '-'),
        '; ' ORDER BY rujukan, source_file, source_row, source_column) AS akibat_teks
      FROM recon.akibat GROUP BY 1
    ) a USING (masalah_id)
    ORDER BY m.peringkat`);
  const temuan = await db.all<Row>(`
    SELECT t.* EXCLUDE (kunci, nilai_berlaku_nilai), k.deskripsi_id AS cek_deskripsi
    FROM recon.temuan t LEFT JOIN recon.katalog k ON k.id = t.check_id
    JOIN recon.masalah m USING (masalah_id)
    ORDER BY m.peringkat, t.peran_masalah, t.temuan_id`);
  const akibat = await db.all<Row>(`SELECT * FROM recon.akibat ORDER BY masalah_id, rujukan, source_file, source_row, source_column`);
  const sel = await db.all<Row>(`
    SELECT s.* FROM recon.sel s JOIN recon.masalah m USING (masalah_id)
    ORDER BY m.peringkat, s.temuan_id, s.source_file NULLS LAST, s.source_row, s.source_column, s.peran`);
  const keputusan = await db.all<Row>(`SELECT * FROM recon.keputusan ORDER BY source_row, id`);

  const temuanPer = new Map<string, Row[]>();
  for (const t of temuan) temuanPer.set(String(t.masalah_id), [...(temuanPer.get(String(t.masalah_id)) ?? []), t]);
  const akibatPer = new Map<string, Row[]>();
  for (const a of akibat) akibatPer.set(String(a.masalah_id), [...(akibatPer.get(String(a.masalah_id)) ?? []), a]);
  const json = {
    ringkasan,
    masalah: masalah.map((m) => ({
      ...m,
      temuan: (temuanPer.get(String(m.masalah_id)) ?? []).map((t) => t.temuan_id),
      akibat: akibatPer.get(String(m.masalah_id)) ?? [],
    })),
    temuan,
    keputusan,
  };
  await writeFile(join(outDir, "reconciliation.json"), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(
    join(outDir, "reconciliation.csv"),
    toCsv([MASALAH.map((k) => k.judul), ...masalah.map((m) => MASALAH.map((k) => csvCell(k, m)))]),
  );

  const uncovered = await db.all<{ source_file: string; source_sheet: string | null; source_row: number; source_column: string; huruf_kolom: string }>(`
    SELECT source_file, source_sheet, source_row, source_column, huruf_kolom FROM recon.cakupan WHERE NOT tercakup ORDER BY ALL`);
  await writeFile(
    join(outDir, "reconciliation_cakupan.csv"),
    toCsv([["Berkas", "Sheet", "Baris", "Kolom", "Huruf Kolom"], ...uncovered.map((u) => [u.source_file, u.source_sheet ?? "", String(u.source_row), u.source_column ?? "", u.huruf_kolom ?? ""])]),
  );

  const cakupan = await db.all<Row>(`
    SELECT c.source_file, d.rujukan, count(*)::INTEGER AS sel, count(*) FILTER (WHERE tercakup)::INTEGER AS tercakup
    FROM recon.cakupan c LEFT JOIN recon.dokumen d USING (source_file) GROUP BY ALL ORDER BY 1`);
  const wb = newWorkbook({
    title: "Rekonsiliasi LKjIP: daftar kerja analis",
    subject: "Masalah (satu per sebab), temuan, sel dan keputusan",
    date: await sourcesDocumentDate(db),
  });
  addSheet(wb, "Ringkasan", RINGKASAN, ringkasan as unknown as Row[]);
  addSheet(wb, "Masalah", MASALAH, masalah);
  addSheet(wb, "Temuan", TEMUAN, temuan);
  addSheet(wb, "Sel", SEL, sel);
  addSheet(wb, "Keputusan", KEPUTUSAN, keputusan);
  addSheet(wb, "Cakupan", [
    { judul: "Berkas", ambil: (r) => r.source_file, lebar: 40 },
    { judul: "Dokumen", ambil: (r) => r.rujukan, jenis: "panjang", lebar: 45 },
    { judul: "Sel Angka", ambil: (r) => r.sel, jenis: "bilangan", lebar: 10 },
    { judul: "Sel Tercakup Cek", ambil: (r) => r.tercakup, jenis: "bilangan", lebar: 10 },
  ], cakupan);
  await writeWorkbook(wb, join(outDir, "reconciliation.xlsx"));
}
