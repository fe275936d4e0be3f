/**
 * Reconciliation outputs: reconciliation.json (findings with stable ids, exact numbers as strings),
 * reconciliation.csv and reconciliation.xlsx (sheets Temuan, Nilai, Cakupan) with headers in Bahasa
 * Indonesia, and reconciliation_cakupan.csv listing the numeric source cells no check covers.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { newWorkbook, sourcesDocumentDate, writeWorkbook } from "../lib/xlsx.js";
import type { Db } from "../lib/duckdb.js";
import { formatAngka } from "../lib/format.js";
import { toCsv } from "../lib/csv.js";

interface Member {
  peran: string;
  nilai: string | null;
  teks: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  source_column: string | null;
  huruf_kolom: string | null;
  rujukan: string | null;
}

type Finding = {
  temuan_id: string;
  check_id: string;
  jenis: string;
  tingkat: string;
  status: string;
  kode_wilayah: string | null;
  tahun: number | null;
  tabel: string | null;
  kunci_indikator: string | null;
  keluarga: string | null;
  penjelasan: string;
  nilai_diharapkan: string | null;
  nilai_aktual: string | null;
  selisih: string | null;
  selisih_relatif: string | null;
  nilai_konflik: Member[] | null;
  lokasi_sel: (Omit<Member, "peran" | "nilai" | "teks" | "rujukan"> & { nilai_sekarang: string; nilai_pemulih: string; dukungan: string }) | null;
  nilai_berlaku: string | null;
  resolusi_alasan: string | null;
  resolusi_oleh: string | null;
  resolusi_tanggal: string | null;
};

const COLUMNS: [keyof Finding | "lokasi" | "nilai", string][] = [
  ["temuan_id", "ID Temuan"],
  ["tingkat", "Tingkat"],
  ["status", "Status"],
  ["check_id", "Cek"],
  ["jenis", "Jenis Cek"],
  ["kode_wilayah", "Kode Wilayah"],
  ["tahun", "Tahun"],
  ["tabel", "Tabel/Berkas"],
  ["penjelasan", "Penjelasan"],
  ["nilai_diharapkan", "Nilai Diharapkan"],
  ["nilai_aktual", "Nilai Tercetak"],
  ["selisih", "Selisih"],
  ["selisih_relatif", "Selisih Relatif"],
  ["lokasi", "Sel yang Kemungkinan Salah"],
  ["nilai", "Nilai yang Bertentangan"],
  ["nilai_berlaku", "Nilai yang Berlaku"],
  ["resolusi_alasan", "Alasan Resolusi"],
  ["resolusi_oleh", "Diputuskan Oleh"],
  ["resolusi_tanggal", "Tanggal Resolusi"],
];

const where = (m: { source_file: string | null; source_sheet?: string | null; source_row: number | null; source_column: string | null; huruf_kolom?: string | null }) =>
  m.source_file
    ? `${m.source_file}${m.source_sheet ? ` [${m.source_sheet}]` : ""}, baris ${m.source_row ?? "-"}, kolom ${m.source_column ?? "-"}${m.huruf_kolom ? ` (${m.huruf_kolom})` : ""}`
    : "dihitung";

function cellText(f: Finding, key: (typeof COLUMNS)[number][0]): string {
  if (key === "lokasi") {
    return f.lokasi_sel ? `${where(f.lokasi_sel)}: ${f.lokasi_sel.nilai_sekarang} seharusnya ${f.lokasi_sel.nilai_pemulih}` : "";
  }
  if (key === "nilai") {
    return (f.nilai_konflik ?? []).map((m) => `${m.peran}: ${m.teks ?? (m.nilai == null ? "-" : formatAngka(m.nilai))} (${where(m)})`).join("; ");
  }
  const v = f[key];
  if (v == null) return "";
  // Figures a person reads in the CSV/XLSX use Indonesian separators; the JSON keeps exact text.
  if (key === "nilai_diharapkan" || key === "nilai_aktual" || key === "selisih" || key === "selisih_relatif") return formatAngka(String(v));
  return String(v);
}


export async function writeReconciliationOutputs(db: Db, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const findings = await db.all<Finding>(`
    SELECT * EXCLUDE (kunci, nilai_berlaku_nilai) FROM recon.temuan
    ORDER BY CASE tingkat WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, check_id, kode_wilayah, tahun, temuan_id`);
  await writeFile(join(outDir, "reconciliation.json"), `${JSON.stringify(findings, null, 2)}\n`);
  await writeFile(
    join(outDir, "reconciliation.csv"),
    toCsv([COLUMNS.map(([, h]) => h), ...findings.map((f) => COLUMNS.map(([k]) => cellText(f, k)))]),
  );

  const uncovered = await db.all<{ source_file: string; source_sheet: string | null; source_row: number; source_column: string; huruf_kolom: string }>(`
    SELECT source_file, source_sheet, source_row, source_column, huruf_kolom FROM recon.cakupan WHERE NOT tercakup ORDER BY ALL`);
  await writeFile(
    join(outDir, "reconciliation_cakupan.csv"),
    toCsv([["Berkas", "Sheet", "Baris", "Kolom", "Huruf Kolom"], ...uncovered.map((u) => [u.source_file, u.source_sheet ?? "", String(u.source_row), u.source_column ?? "", u.huruf_kolom ?? ""])]),
  );

  const summary = await db.all<{ source_file: string; sel: string; tercakup: string }>(`
    SELECT source_file, count(*)::VARCHAR AS sel, count(*) FILTER (WHERE tercakup)::VARCHAR AS tercakup
    FROM recon.cakupan GROUP BY 1 ORDER BY 1`);
  const wb = newWorkbook({ title: "Rekonsiliasi LKjIP", date: await sourcesDocumentDate(db) });
  const sheet = (name: string, headers: string[], rows: string[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(10, ...[headers[i] ?? "", ...rows.map((r) => r[i] ?? "")].map((t) => t.length)))));
  };
  sheet("Temuan", COLUMNS.map(([, h]) => h), findings.map((f) => COLUMNS.map(([k]) => cellText(f, k))));
  sheet(
    "Nilai",
    ["ID Temuan", "Peran", "Nilai", "Teks", "Berkas", "Sheet", "Baris", "Kolom", "Huruf Kolom", "Rujukan Dokumen"],
    findings.flatMap((f) =>
      (f.nilai_konflik ?? []).map((m) => [f.temuan_id, m.peran, m.nilai ?? "", m.teks ?? "", m.source_file ?? "", m.source_sheet ?? "", m.source_row == null ? "" : String(m.source_row), m.source_column ?? "", m.huruf_kolom ?? "", m.rujukan ?? ""]),
    ),
  );
  sheet("Cakupan", ["Berkas", "Sel Angka", "Sel Tercakup Cek"], summary.map((s) => [s.source_file, s.sel, s.tercakup]));
  await writeWorkbook(wb, join(outDir, "reconciliation.xlsx"));
}
