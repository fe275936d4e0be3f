/**
 * The bad-input corpus: every case is a minimal sources folder with one thing wrong, as a careless
 * clerk or an attacker would hand it in, and asserts its class:
 *   rejected   - the build fails with a SourceError naming file (and row/column where they exist),
 *                in Indonesian, without a stack trace, and the previously published warehouse and
 *                outputs stay byte-identical with no litter;
 *   flagged    - the load accepts the file, the cell is recorded in raw.cell_flags and loaded empty;
 *   equivalent - the load accepts the file and the raw rows equal those of the untouched file.
 * Families: ak1 (sheet reader: CSV and XLSX), bps (DuckDB bulk reader), budget (sheet + bulk), hi,
 * plans, lkjip, resolusi, and the catalogue itself.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../../pipelines/build.js";
import { loadSources } from "../../../pipelines/ingest/run.js";
import { Db } from "../../../pipelines/lib/duckdb.js";
import { SourceError } from "../../../pipelines/lib/errors.js";
import {
  CATALOGUE_HEADER,
  catalogueText,
  editBytes,
  editLine,
  editXlsxCell,
  minimalSources,
  replaceIn,
} from "../../helpers/corpus.js";
import { litter, publishedTree } from "../../helpers/outputs.js";
import { copySources } from "../../helpers/warehouse.js";

const quiet = () => {};
const AK1 = "ak1/rekap_pencari_kerja_2024.csv";
const AK1X = "ak1/rekap_pencari_kerja_2024.xlsx";
const WIL = "bps/wilayah_kaltim.csv";
const TPT = "bps/tpt_kabkota.csv";
const LAMPC = "budget/lampiran_c_pencapaian_kinerja_kegiatan_2024.csv";
const REAL = "budget/realisasi_program_2024.csv";
const HIDATA = "hi/data_bidang_hi_2024.csv";
const HIKET = "hi/keterangan_2024.csv";
const HIKEC = "hi/perselisihan_per_kecamatan_2024.csv";
const ESELON = "plans/pegawai_eselon.csv";
const T317 = "lkjip/2024/tabel_3_17.csv";
const RES = "resolutions.csv";
const TERDAFTAR_L = "Yang Terdaftar / L";

/** The TPT table without the blank line and notes under it: contiguous, so DuckDB's reader reads the body. */
const tptBulk = (cell: string, extra = "") =>
  `Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)\n\nKabupaten/Kota,2024\nKutai Kartanegara,${cell}\nPaser,"4,50"${extra}\n`;

type Setup = (dir: string) => Promise<void>;
interface Base {
  id: string;
  family: string;
  reader: "csv-sheet" | "csv-bulk" | "xlsx" | "catalogue";
  kind: "angka" | "struktur" | "enkoding" | "katalog" | "wajar" | "muatan" | "identitas" | "kurungan";
  files: string[];
  setup?: Setup;
  catalogue?: (rows: Record<string, string>[]) => Record<string, string>[];
}
type Case =
  | (Base & { cls: "rejected"; file: string; row?: number | null; column?: string | RegExp; reason: RegExp })
  | (Base & { cls: "flagged"; table: string; key: string; file: string; row: number; note: RegExp })
  | (Base & { cls: "equivalent"; table: string; same?: string[]; rowsShift?: boolean });

const ak1Cell = (row: number, from: string, to: string): Setup => (d) => editLine(d, AK1, row, (l) => l.replace(from, to));
const bulk = (cell: string, extra = ""): Setup => (d) => writeFile(join(d, TPT), tptBulk(cell, extra));

const CASES: Case[] = [
  // ---- malformed numbers -------------------------------------------------------------------
  { id: "ak1 titik ganda", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",2.2.18,"), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /angka tidak dapat dibaca/ },
  { id: "ak1 koma ganda", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ',"12,3,4",'), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /lebih dari satu tanda desimal/ },
  { id: "ak1 ribuan tak teratur", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",2.21.8,"), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /pengelompokan ribuan/ },
  { id: "ak1 huruf", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",dua ribu,"), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /karakter tidak dikenal/ },
  { id: "ak1 hanya Rp", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",Rp,"), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /hanya 'Rp'/ },
  { id: "ak1 30 digit", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", `,${"9".repeat(30)},`), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /terlalu panjang/ },
  { id: "ak1 40 digit", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", `,${"1234567890".repeat(4)},`), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /terlalu panjang/ },
  { id: "ak1 nbsp sebagai pemisah", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",2\u00a0218,"), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /karakter tidak dikenal/ },
  { id: "ak1 xlsx teks rusak", family: "ak1", reader: "xlsx", kind: "angka", files: [AK1X], setup: (d) => editXlsxCell(d, AK1X, "E8", "2.2.18"), cls: "rejected", file: AK1X, row: 8, column: TERDAFTAR_L, reason: /angka tidak dapat dibaca/ },
  { id: "bps bulk koma ganda", family: "bps", reader: "csv-bulk", kind: "angka", files: [WIL, TPT], setup: bulk('"4,0,5"'), cls: "rejected", file: TPT, row: 4, column: "2024", reason: /lebih dari satu tanda desimal/ },
  { id: "bps bulk 32 digit", family: "bps", reader: "csv-bulk", kind: "angka", files: [WIL, TPT], setup: bulk("9".repeat(32)), cls: "rejected", file: TPT, row: 4, column: "2024", reason: /terlalu panjang/ },
  { id: "budget 7 desimal", family: "budget", reader: "csv-sheet", kind: "angka", files: [REAL], setup: (d) => replaceIn(d, REAL, "100.000.000,", '"100.000.000,1234567",'), cls: "rejected", file: REAL, row: 3, column: /Anggaran/, reason: /lebih dari 6 angka di belakang koma/ },
  { id: "hi titik di lembar koma", family: "hi", reader: "csv-sheet", kind: "angka", files: [HIDATA], setup: (d) => replaceIn(d, HIDATA, '"1,495"', "1.495"), cls: "rejected", file: HIDATA, row: 22, column: "Nilai", reason: /titik pada lembar yang memakai koma/ },
  { id: "lampiran C bulk pagu rusak", family: "budget", reader: "csv-bulk", kind: "angka", files: [LAMPC], setup: (d) => replaceIn(d, LAMPC, '"15.094.099.333,00"', '"15..094.099.333,00"'), cls: "rejected", file: LAMPC, row: 12, column: /PAGU DANA/, reason: /angka tidak dapat dibaca/ },

  // ---- structure ---------------------------------------------------------------------------
  { id: "ak1 kutip tak seimbang", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: ak1Cell(8, ",SMU,", ',"SMU,'), cls: "rejected", file: AK1, reason: /tanda kutip/ },
  { id: "ak1 judul kolom salah", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: ak1Cell(4, "Yang Terdaftar", "Yang Didaftar"), cls: "rejected", file: AK1, row: 4, reason: /kolom yang tidak ada: "Yang Terdaftar \/ L"/ },
  { id: "ak1 hanya judul", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: (d) => writeFile(join(d, AK1), "REKAPITULASI LAPORAN PENCARI KERJA TAHUN 2024\n\nNo,Pendidikan,Sisa Tahun Lalu,,Yang Terdaftar,,Penempatan,,Penghapusan,,Sisa Akhir,\n,,L,W,L,W,L,W,L,W,L,W\n"), cls: "rejected", file: AK1, row: 4, reason: /tidak berisi satu baris data pun.*kosong_sah/ },
  { id: "ak1 berkas 0 byte", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: (d) => writeFile(join(d, AK1), ""), cls: "rejected", file: AK1, reason: /baris judul kolom .* tidak ditemukan/ },
  { id: "ak1 xlsx terpotong", family: "ak1", reader: "xlsx", kind: "struktur", files: [AK1X], setup: async (d) => { const { readFile } = await import("node:fs/promises"); const b = await readFile(join(d, AK1X)); await writeFile(join(d, AK1X), b.subarray(0, Math.floor(b.length / 2))); }, cls: "rejected", file: AK1X, row: null, reason: /bukan berkas XLSX yang utuh/ },
  { id: "ak1 xlsx palsu", family: "ak1", reader: "xlsx", kind: "struktur", files: [AK1X], setup: (d) => writeFile(join(d, AK1X), "No,Pendidikan\n1,SD\n"), cls: "rejected", file: AK1X, row: null, reason: /bukan berkas XLSX yang utuh/ },
  { id: "bps bulk kutip tak seimbang", family: "bps", reader: "csv-bulk", kind: "struktur", files: [WIL, TPT], setup: bulk('"4,05'), cls: "rejected", file: TPT, reason: /tanda kutip/ },
  { id: "budget hanya judul", family: "budget", reader: "csv-sheet", kind: "struktur", files: [REAL], setup: (d) => writeFile(join(d, REAL), "Sasaran Strategis,Indikator Sasaran,Program/ Kegiatan,Anggaran (Rp),Realisasi (Rp),Persentase Realisasi (%),Sisa Anggaran (Rp)\n"), cls: "rejected", file: REAL, row: 1, reason: /tidak berisi satu baris data pun/ },
  { id: "hi keterangan hanya judul", family: "hi", reader: "csv-sheet", kind: "struktur", files: [HIKET], setup: (d) => writeFile(join(d, HIKET), "KETERANGAN,KM,FRM,JLH\n"), cls: "rejected", file: HIKET, row: 1, reason: /tidak berisi satu baris data pun/ },
  { id: "ak1 kolom diurut ulang", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: (d) => reorderColumns(d), cls: "equivalent", table: "ak1_rekap" },
  { id: "ak1 kolom tambahan", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: (d) => appendColumn(d), cls: "equivalent", table: "ak1_rekap" },
  { id: "ak1 CRLF", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: (d) => rewrite(d, AK1, (t) => t.replace(/\n/g, "\r\n")), cls: "equivalent", table: "ak1_rekap" },
  { id: "ak1 spasi di sel", family: "ak1", reader: "csv-sheet", kind: "struktur", files: [AK1], setup: ak1Cell(8, ",2218,", ",  2218 ,"), cls: "equivalent", table: "ak1_rekap" },
  { id: "ak1 titik ribuan", family: "ak1", reader: "csv-sheet", kind: "angka", files: [AK1], setup: ak1Cell(8, ",2218,", ",2.218,"), cls: "equivalent", table: "ak1_rekap" },
  { id: "bps bulk CRLF", family: "bps", reader: "csv-bulk", kind: "struktur", files: [WIL, TPT], setup: async (d) => { await bulk('"4,05"')(d); await rewrite(d, TPT, (t) => t.replace(/\n/g, "\r\n")); }, cls: "equivalent", table: "bps_kabkota_tahun", same: [WIL, TPT] },
  { id: "hi baris kosong di tengah", family: "hi", reader: "csv-sheet", kind: "struktur", files: [HIKET], setup: (d) => rewrite(d, HIKET, (t) => t.replace("ANJURAN", "\nANJURAN")), cls: "equivalent", table: "hi_keterangan", rowsShift: true },
  { id: "plans kutip tidak perlu", family: "plans", reader: "csv-sheet", kind: "struktur", files: [ESELON], setup: (d) => replaceIn(d, ESELON, "3,III,4,1,5", '"3","III","4","1","5"'), cls: "equivalent", table: "plans_pegawai_eselon" },

  // ---- encodings ---------------------------------------------------------------------------
  { id: "ak1 byte Latin-1", family: "ak1", reader: "csv-sheet", kind: "enkoding", files: [AK1], setup: (d) => editBytes(d, AK1, "SMU", Buffer.from([0x53, 0x4d, 0xd9])), cls: "rejected", file: AK1, row: 8, column: "ke-2", reason: /bukan UTF-8/ },
  { id: "ak1 UTF-16", family: "ak1", reader: "csv-sheet", kind: "enkoding", files: [AK1], setup: async (d) => { const { readFile } = await import("node:fs/promises"); const t = await readFile(join(d, AK1), "utf8"); await writeFile(join(d, AK1), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])); }, cls: "rejected", file: AK1, row: 1, reason: /bukan UTF-8/ },
  { id: "ak1 byte NUL", family: "ak1", reader: "csv-sheet", kind: "enkoding", files: [AK1], setup: ak1Cell(8, ",SMU,", ",SM\u0000U,"), cls: "rejected", file: AK1, row: 8, column: "Pendidikan", reason: /karakter kendali/ },
  { id: "ak1 karakter BEL", family: "ak1", reader: "csv-sheet", kind: "enkoding", files: [AK1], setup: ak1Cell(8, ",SMU,", ",SMU\u0007,"), cls: "rejected", file: AK1, row: 8, column: "Pendidikan", reason: /karakter kendali/ },
  { id: "ak1 xlsx karakter kendali", family: "ak1", reader: "xlsx", kind: "enkoding", files: [AK1X], setup: (d) => editXlsxCell(d, AK1X, "B8", "SMU_x0001_"), cls: "rejected", file: AK1X, row: 8, column: "Pendidikan", reason: /karakter kendali/ },
  { id: "bps bulk byte Latin-1", family: "bps", reader: "csv-bulk", kind: "enkoding", files: [WIL, TPT], setup: async (d) => { await bulk('"4,05"')(d); await editBytes(d, TPT, "Paser", Buffer.from([0x50, 0xe2, 0x73, 0x65, 0x72])); }, cls: "rejected", file: TPT, row: 5, column: "ke-1", reason: /bukan UTF-8/ },
  { id: "bps bulk byte NUL", family: "bps", reader: "csv-bulk", kind: "enkoding", files: [WIL, TPT], setup: bulk('"4,05"', "\nKutai Barat\u0000,1"), cls: "rejected", file: TPT, row: 6, reason: /karakter kendali/ },
  { id: "katalog Latin-1", family: "katalog", reader: "catalogue", kind: "enkoding", files: [AK1], setup: (d) => editBytes(d, "catalogue.csv", "REKAPITULASI", Buffer.from([0x52, 0xc9, 0x4b])), cls: "rejected", file: "catalogue.csv", reason: /bukan teks UTF-8/ },
  { id: "ak1 BOM UTF-8", family: "ak1", reader: "csv-sheet", kind: "enkoding", files: [AK1], setup: (d) => rewrite(d, AK1, (t) => `\ufeff${t}`), cls: "equivalent", table: "ak1_rekap" },

  // ---- catalogue mistakes ------------------------------------------------------------------
  { id: "katalog tidak ada", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], setup: (d) => rm(join(d, "catalogue.csv")), cls: "rejected", file: "catalogue.csv", reason: /katalog sumber tidak ada/ },
  { id: "katalog hanya judul", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], setup: (d) => writeFile(join(d, "catalogue.csv"), `${CATALOGUE_HEADER.join(",")}\n`), cls: "rejected", file: "catalogue.csv", reason: /tidak mencatat satu berkas pun/ },
  { id: "katalog kosong 0 byte", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], setup: (d) => writeFile(join(d, "catalogue.csv"), ""), cls: "rejected", file: "catalogue.csv", reason: /tidak mencatat satu berkas pun/ },
  { id: "katalog kutip tak seimbang", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], setup: (d) => replaceIn(d, "catalogue.csv", "ak1/rekap", '"ak1/rekap'), cls: "rejected", file: "catalogue.csv", reason: /tanda kutip|jumlah kolom/ },
  { id: "katalog kolom hilang", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], setup: (d) => writeFile(join(d, "catalogue.csv"), catalogueText([{ path: AK1, family: "ak1", layout: "ak1.rekap" }], ["path", "family", "layout"])), cls: "rejected", file: "catalogue.csv", row: 1, reason: /kolom katalog tidak ada: kode_wilayah/ },
  { id: "katalog tata letak tak dikenal", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, layout: "ak1.rekapp" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "layout", reason: /tidak dikenal/ },
  { id: "katalog keluarga tak dikenal", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, family: "akl" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "family", reason: /tidak dikenal/ },
  { id: "katalog berkas tidak ada", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, path: "ak1/rekap_2042.csv" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "path", reason: /tidak ada/ },
  { id: "katalog tahun 2 digit", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, tahun: "24" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "tahun", reason: /4 digit/ },
  { id: "katalog kode wilayah 3 digit", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, kode_wilayah: "640" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "kode_wilayah", reason: /kode wilayah BPS/ },
  { id: "katalog berkas dua kali", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => [...r, ...r], cls: "rejected", file: "catalogue.csv", row: 3, column: "path", reason: /dua kali/ },
  { id: "katalog kosong_sah tak dikenal", family: "katalog", reader: "catalogue", kind: "katalog", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, kosong_sah: "mungkin" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "kosong_sah", reason: /kosong_sah/ },
  { id: "katalog kosong_sah = ya", family: "ak1", reader: "csv-sheet", kind: "katalog", files: [AK1], setup: (d) => writeFile(join(d, AK1), "REKAPITULASI LAPORAN PENCARI KERJA TAHUN 2024\n\nNo,Pendidikan,Sisa Tahun Lalu,,Yang Terdaftar,,Penempatan,,Penghapusan,,Sisa Akhir,\n,,L,W,L,W,L,W,L,W,L,W\n"), catalogue: (r) => r.map((x) => ({ ...x, kosong_sah: "ya" })), cls: "equivalent", table: "ak1_rekap", same: [] },
  { id: "resolusi kosong sah", family: "resolusi", reader: "csv-sheet", kind: "katalog", files: [RES], setup: (d) => writeFile(join(d, RES), "id,nilai_berlaku,alasan,oleh,tanggal\n"), cls: "equivalent", table: "resolusi_keputusan", same: [] },

  // ---- identity: printed year/region vs catalogue ---------------------------------------------
  { id: "tahun katalog vs nama berkas", family: "ak1", reader: "catalogue", kind: "identitas", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, tahun: "2023" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "tahun", reason: /tahun di katalog \(2023\) bertentangan .*2024/ },
  { id: "tahun katalog vs judul", family: "ak1", reader: "csv-sheet", kind: "identitas", files: [AK1], setup: async (d) => { await copyFile(join(d, AK1), join(d, "ak1/rekap.csv")); }, catalogue: (r) => r.map((x) => ({ ...x, path: "ak1/rekap.csv", tahun: "2023" })), cls: "rejected", file: "ak1/rekap.csv", row: 1, reason: /tahun tercetak di judul berkas \(2024\) bertentangan dengan catalogue.csv baris 2 \(tahun 2023\)/ },
  { id: "wilayah katalog vs judul", family: "ak1", reader: "csv-sheet", kind: "identitas", files: [WIL, AK1], catalogue: (r) => r.map((x) => (x.path === AK1 ? { ...x, kode_wilayah: "6402" } : x)), cls: "rejected", file: AK1, row: 2, reason: /wilayah tercetak di judul berkas \(.*= 6403\) bertentangan .*kode_wilayah 6402/ },
  { id: "bps wilayah katalog vs judul", family: "bps", reader: "csv-bulk", kind: "identitas", files: [WIL, TPT], setup: bulk('"4,05"'), catalogue: (r) => r.map((x) => (x.path === TPT ? { ...x, kode_wilayah: "6403" } : x)), cls: "rejected", file: TPT, row: 1, reason: /wilayah tercetak di judul berkas .*= 64\).*kode_wilayah 6403/ },
  { id: "lampiran C tahun judul", family: "budget", reader: "csv-bulk", kind: "identitas", files: [LAMPC], setup: (d) => replaceIn(d, LAMPC, "S/D DESEMBER 2024", "S/D DESEMBER 2023"), cls: "rejected", file: LAMPC, row: 5, reason: /tahun tercetak di judul berkas \(2023\)/ },

  // ---- confinement -------------------------------------------------------------------------
  { id: "path dengan ..", family: "katalog", reader: "catalogue", kind: "kurungan", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, path: "../etc/passwd" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "path", reason: /tanpa '\.\.'/ },
  { id: "path absolut", family: "katalog", reader: "catalogue", kind: "kurungan", files: [AK1], catalogue: (r) => r.map((x) => ({ ...x, path: "/etc/passwd" })), cls: "rejected", file: "catalogue.csv", row: 2, column: "path", reason: /relatif/ },
  { id: "symlink ke luar", family: "katalog", reader: "catalogue", kind: "kurungan", files: [AK1], setup: async (d) => { const outside = await mkdtemp(join(tmpdir(), "luar-")); await copyFile(join(d, AK1), join(outside, "x.csv")); await rm(join(d, AK1)); await symlink(join(outside, "x.csv"), join(d, AK1)); }, cls: "rejected", file: "catalogue.csv", row: 2, column: "path", reason: /ke luar folder sumber/ },
  { id: "folder symlink ke luar", family: "katalog", reader: "catalogue", kind: "kurungan", files: [AK1], setup: async (d) => { const outside = await mkdtemp(join(tmpdir(), "luar-")); await copyFile(join(d, AK1), join(outside, "rekap_pencari_kerja_2024.csv")); await rm(join(d, "ak1"), { recursive: true }); await symlink(outside, join(d, "ak1")); }, cls: "rejected", file: "catalogue.csv", row: 2, column: "path", reason: /ke luar folder sumber/ },
  { id: "symlink di dalam", family: "ak1", reader: "csv-sheet", kind: "kurungan", files: [AK1], setup: async (d) => { await mkdir(join(d, "asli")); await copyFile(join(d, AK1), join(d, "asli/rekap_pencari_kerja_2024.csv")); await rm(join(d, AK1)); await symlink(join(d, "asli/rekap_pencari_kerja_2024.csv"), join(d, AK1)); }, cls: "equivalent", table: "ak1_rekap" },

  // ---- implausible values (flagged, loaded empty) --------------------------------------------
  { id: "ak1 hitungan negatif", family: "ak1", reader: "csv-sheet", kind: "wajar", files: [AK1], setup: ak1Cell(8, ",2218,", ",-86,"), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1, row: 8, note: /di bawah batas wajar 0/ },
  { id: "ak1 akhiran T", family: "ak1", reader: "csv-sheet", kind: "wajar", files: [AK1], setup: ak1Cell(8, ",2218,", ",8T,"), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1, row: 8, note: /akhiran skala/ },
  { id: "ak1 1,003 meragukan", family: "ak1", reader: "csv-sheet", kind: "wajar", files: [AK1], setup: ak1Cell(8, ",2218,", ',"1,003",'), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1, row: 8, note: /meragukan/ },
  { id: "ak1 pecahan", family: "ak1", reader: "csv-sheet", kind: "wajar", files: [AK1], setup: ak1Cell(8, ",2218,", ',"2,5",'), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1, row: 8, note: /bilangan bulat/ },
  { id: "ak1 persen di hitungan", family: "ak1", reader: "csv-sheet", kind: "wajar", files: [AK1], setup: ak1Cell(8, ",2218,", ",50%,"), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1, row: 8, note: /persen/ },
  { id: "ak1 xlsx angka negatif", family: "ak1", reader: "xlsx", kind: "wajar", files: [AK1X], setup: (d) => editXlsxCell(d, AK1X, "E8", -86), cls: "flagged", table: "ak1_rekap", key: "terdaftar_l", file: AK1X, row: 8, note: /di bawah batas wajar/ },
  { id: "hi perusahaan negatif", family: "hi", reader: "csv-sheet", kind: "wajar", files: [HIDATA], setup: (d) => replaceIn(d, HIDATA, "Jumlah SP/SB di Perusahaan,16", "Jumlah SP/SB di Perusahaan,-86"), cls: "flagged", table: "hi_data_sheet", key: "nilai", file: HIDATA, row: 8, note: /di bawah batas wajar/ },
  { id: "hi kecamatan 5T", family: "hi", reader: "csv-sheet", kind: "wajar", files: [HIKEC], setup: (d) => replaceIn(d, HIKEC, "1,KEC. ANGGANA,2,", "1,KEC. ANGGANA,5T,"), cls: "flagged", table: "hi_per_kecamatan", key: "kasus", file: HIKEC, row: 2, note: /akhiran skala/ },
  { id: "bps bulk TPT negatif", family: "bps", reader: "csv-bulk", kind: "wajar", files: [WIL, TPT], setup: bulk('"-4,05"'), cls: "flagged", table: "bps_kabkota_tahun", key: "tahun_2024", file: TPT, row: 4, note: /di bawah batas wajar/ },
  { id: "bps bulk TPT 4T", family: "bps", reader: "csv-bulk", kind: "wajar", files: [WIL, TPT], setup: bulk("4T"), cls: "flagged", table: "bps_kabkota_tahun", key: "tahun_2024", file: TPT, row: 4, note: /akhiran skala/ },
  { id: "renstra tanpa kolom tahun", family: "plans", reader: "csv-sheet", kind: "struktur", files: ["plans/renstra_target.csv"], setup: (d) => replaceIn(d, "plans/renstra_target.csv", "Target 2021,Target 2022,Target 2023,Target 2024,Target 2025,Target 2026", "T1,T2,T3,T4,T5,T6"), cls: "rejected", file: "plans/renstra_target.csv", row: 1, reason: /salah satu kolom Target per tahun \(mis\. Target <tahun>\)/ },
  { id: "plans pegawai negatif", family: "plans", reader: "csv-sheet", kind: "wajar", files: [ESELON], setup: (d) => replaceIn(d, ESELON, "3,III,4,1,5", "3,III,-4,1,5"), cls: "flagged", table: "plans_pegawai_eselon", key: "laki_laki", file: ESELON, row: 4, note: /di bawah batas wajar/ },
  { id: "budget anggaran 16T", family: "budget", reader: "csv-sheet", kind: "wajar", files: [REAL], setup: (d) => replaceIn(d, REAL, "100.000.000,", "100T,"), cls: "flagged", table: "budget_realisasi_program", key: "anggaran", file: REAL, row: 3, note: /akhiran skala/ },

  // ---- payloads (loaded verbatim as text; exports neutralise them: see the payload tests below) --
  { id: "ak1 rumus di teks", family: "ak1", reader: "csv-sheet", kind: "muatan", files: [AK1], setup: ak1Cell(12, ",S2,", ',"=HYPERLINK(""http://x"",""S2"")",'), cls: "equivalent", table: "ak1_rekap", same: [] },
  { id: "lkjip @ di klaim", family: "lkjip", reader: "csv-sheet", kind: "muatan", files: [T317], setup: (d) => rewrite(d, T317, (t) => t.replace(/\n([^,\n]*),/, '\n"@SUM(1+1)*cmd|$1",')), cls: "equivalent", table: "lkjip_target_capaian_iku", same: [] },
  { id: "ak1 sel 1 MB", family: "ak1", reader: "csv-sheet", kind: "muatan", files: [AK1], setup: ak1Cell(8, ",2218,", `,${"7".repeat(20)}x${"8".repeat(1_000_000)},`), cls: "rejected", file: AK1, row: 8, column: TERDAFTAR_L, reason: /karakter tidak dikenal/ },
];

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function xlsxCellsStartingWith(path: string, prefix: string): Promise<{ type: string; formula: boolean }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const found: { type: string; formula: boolean }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const text = typeof cell.value === "string" ? cell.value : cell.text;
        if (text.startsWith(prefix) || text.startsWith(`'${prefix}`)) {
          found.push({ type: typeof cell.value === "string" ? "string" : String(cell.type), formula: cell.type === ExcelJS.ValueType.Formula });
        }
      }),
    ),
  );
  return found;
}

async function xlsxFormulaCount(path: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && n++))));
  return n;
}

function rewrite(dir: string, path: string, fn: (t: string) => string): Promise<void> {
  return import("node:fs/promises").then(async (fs) => fs.writeFile(join(dir, path), fn(await fs.readFile(join(dir, path), "utf8"))));
}

/** Swaps the Sisa Akhir and Sisa Tahun Lalu column pairs (labels and data together). */
function reorderColumns(dir: string): Promise<void> {
  return rewrite(dir, AK1, (t) =>
    t
      .split("\n")
      .map((line, i) => {
        if (i < 3 || line === "") return line;
        const c = line.split(",");
        return [c[0], c[1], c[10], c[11], c[4], c[5], c[6], c[7], c[8], c[9], c[2], c[3]].join(",");
      })
      .join("\n"),
  );
}

function appendColumn(dir: string): Promise<void> {
  return rewrite(dir, AK1, (t) =>
    t
      .split("\n")
      .map((line, i) => (i < 3 || line === "" ? line : `${line},${i === 3 ? "Keterangan" : "catatan"}`))
      .join("\n"),
  );
}

let BASE_OUT: string;
let BASE_TREE: Record<string, string>;
let BASE_STAT: Record<string, string>;
const baselineRows = new Map<string, unknown[]>();
const made: string[] = [];

async function rawRows(sourcesDir: string, table: string): Promise<unknown[]> {
  const db = await Db.open(":memory:");
  try {
    await loadSources(db, { sourcesDir, buildStartedAt: new Date(0), log: quiet });
    // source_sha256/file/sheet say which bytes were read; the equivalence is about the values.
    return await db.all(`SELECT * EXCLUDE (source_sha256, source_file, source_sheet) FROM raw.${table} ORDER BY source_row`);
  } finally {
    db.close();
  }
}

/** Formula payloads typed into text cells of the bundled sources, and the exports they reach. */
const PAYLOADS = [
  { file: REAL, from: "Program Perencanaan Tenaga Kerja", to: "@SUM(1+1)*cmd|Program Perencanaan Tenaga Kerja", shown: "@SUM(1+1)*cmd|Program Perencanaan Tenaga Kerja", csv: ["tables/tabel_3_22.csv"], xlsx: ["tables/lkjip_2024.xlsx"] },
  { file: "plans/manual_iku.csv", from: "Persentase Tenaga Kerja Bersertifikat Kompetensi,Persen,", to: "Persentase Tenaga Kerja Bersertifikat Kompetensi,=1+2,", shown: "=1+2", csv: ["feeds/rpjmd_indikator.csv", "tables/tabel_3_16.csv"], xlsx: ["feeds/rpjmd_indikator.xlsx", "tables/lkjip_2024.xlsx"] },
  { file: RES, from: "Tim data Distransnaker (contoh keputusan)", to: "=SUM(2+3) Tim data", shown: "=SUM(2+3) Tim data", csv: ["reconciliation.csv"], xlsx: ["reconciliation.xlsx"] },
  { file: "lkjip/2024/tabel_3_5.csv", from: '"79,29"', to: "=79+29", shown: "=79+29", csv: ["tables/published_vs_recomputed.csv"], xlsx: [] },
] as const;

beforeAll(async () => {
  // The "previous" warehouse and outputs every failing case must leave byte-identical: a complete
  // build (every step, every output) of the bundled sources with formula payloads typed into text
  // cells and one implausible count (-16 SP/SB), so the same build proves exports neutralise them.
  BASE_OUT = await mkdtemp(join(tmpdir(), "corpus-out-"));
  const base = await copySources();
  made.push(base);
  for (const p of PAYLOADS) await replaceIn(base, p.file, p.from, p.to);
  await replaceIn(base, HIDATA, "Jumlah SP/SB di Perusahaan,16", "Jumlah SP/SB di Perusahaan,-16");
  await build({ sourcesDir: base, outDir: BASE_OUT, log: quiet });
  BASE_TREE = await publishedTree(BASE_OUT);
  BASE_STAT = await publishedTree(BASE_OUT, true);
}, 300_000);

afterAll(async () => {
  for (const d of [...made, BASE_OUT]) await rm(d, { recursive: true, force: true });
});

describe("bad-input corpus", () => {
  it("covers every kind of case, both readers and every family, with at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(["angka", "struktur", "enkoding", "katalog", "wajar", "muatan", "identitas", "kurungan"]));
    expect(new Set(CASES.map((c) => c.reader))).toEqual(new Set(["csv-sheet", "csv-bulk", "xlsx", "catalogue"]));
    expect(new Set(CASES.map((c) => c.family))).toEqual(new Set(["ak1", "bps", "budget", "hi", "plans", "lkjip", "resolusi", "katalog"]));
    expect(new Set(CASES.map((c) => c.cls))).toEqual(new Set(["rejected", "flagged", "equivalent"]));
    const counts = Object.fromEntries(["rejected", "flagged", "equivalent"].map((k) => [k, CASES.filter((c) => c.cls === k).length]));
    console.log(`corpus: ${CASES.length} kasus`, counts);
  });

  it("has a published baseline with warehouse, tables, reconciliation, feed and site", () => {
    for (const p of ["warehouse.duckdb", "reconciliation.csv", "reconciliation.xlsx", "feeds/rpjmd_indikator.csv", "site/index.html"]) {
      expect(Object.keys(BASE_TREE)).toContain(p);
    }
    expect(Object.keys(BASE_TREE).some((p) => p.startsWith("tables/"))).toBe(true);
  });

  it("neutralises every formula payload in every CSV export and keeps it a string in every XLSX", async () => {
    for (const p of PAYLOADS) {
      for (const csv of p.csv) {
        const text = await readFile(join(BASE_OUT, csv), "utf8");
        expect(text, csv).toContain(`'${p.shown}`);
        // never as a bare cell start (after a separator or at a line start)
        expect(text, csv).not.toMatch(new RegExp(`(^|[,\\n])"?${escapeRegex(p.shown)}`, "m"));
      }
      for (const xlsx of p.xlsx) {
        const cells = await xlsxCellsStartingWith(join(BASE_OUT, xlsx), p.shown);
        expect(cells.length, xlsx).toBeGreaterThan(0);
        for (const c of cells) expect({ xlsx, type: c.type, formula: c.formula }).toEqual({ xlsx, type: "string", formula: false });
      }
    }
    // No XLSX the build wrote holds a formula at all.
    for (const path of Object.keys(BASE_TREE).filter((p) => p.endsWith(".xlsx"))) {
      expect(await xlsxFormulaCount(join(BASE_OUT, path)), path).toBe(0);
    }
  });

  it("turns the implausible count into an error finding and loads it empty", async () => {
    const db = await Db.open(join(BASE_OUT, "warehouse.duckdb"), { readOnly: true });
    try {
      const rows = await db.all(
        `SELECT keparahan, penjelasan FROM recon.temuan WHERE kunci LIKE 'sel:${HIDATA}:8:nilai:di_luar_domain'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ keparahan: "error" });
      expect(await db.value(`SELECT nilai::VARCHAR FROM raw.hi_data_sheet WHERE source_row = 8`)).toBeNull();
    } finally {
      db.close();
    }
  });

  for (const c of CASES) {
    it(`[${c.cls}] ${c.family}/${c.reader}/${c.kind}: ${c.id}`, async () => {
      const dir = await minimalSources(c.files, c.catalogue);
      made.push(dir);
      await c.setup?.(dir);

      if (c.cls === "rejected") {
        const err = await build({ sourcesDir: dir, outDir: BASE_OUT, log: quiet }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(SourceError);
        const problem = (err as SourceError).problems[0]!;
        expect(problem.file).toBe(c.file);
        if (c.row !== undefined) expect(problem.row ?? null).toBe(c.row);
        if (c.column !== undefined) expect(problem.column).toMatch(c.column);
        expect(problem.reason).toMatch(c.reason);
        const message = (err as SourceError).message;
        expect(message).toContain(c.file);
        expect(message).not.toMatch(/\n\s+at /); // no stack trace
        expect(message.length).toBeLessThan(1200); // cell text cut to ~100 characters
        // Same inode, size and mtime for every published file (no write happened); the bytes are
        // compared once more after the last case, below.
        expect(await publishedTree(BASE_OUT, true)).toEqual(BASE_STAT);
        expect(await litter(BASE_OUT)).toEqual([]);
        return;
      }

      if (c.cls === "flagged") {
        const db = await Db.open(":memory:");
        try {
          await loadSources(db, { sourcesDir: dir, buildStartedAt: new Date(0), log: quiet });
          const flags = await db.all<{ keterangan: string }>(
            `SELECT keterangan FROM raw.cell_flags WHERE jenis = 'di_luar_domain' AND source_file = '${c.file}' AND source_row = ${c.row} AND kolom = '${c.key}'`,
          );
          expect(flags).toHaveLength(1);
          expect(flags[0]!.keterangan).toMatch(c.note);
          const value = await db.all(`SELECT ${c.key}::VARCHAR AS v FROM raw.${c.table} WHERE source_file = '${c.file}' AND source_row = ${c.row}`);
          expect(value).toEqual([{ v: null }]);
          const others = await db.value<string>(`SELECT count(*)::VARCHAR FROM raw.cell_flags WHERE jenis = 'di_luar_domain'`);
          expect(others).toBe("1");
        } finally {
          db.close();
        }
        return;
      }

      const rows = await rawRows(dir, c.table);
      if (c.same && c.same.length === 0) {
        // Accepted; what must hold is stated per case below (empty, or the payload kept verbatim).
        if (c.id.includes("kosong")) expect(rows).toEqual([]);
        else expect(JSON.stringify(rows)).toMatch(/=HYPERLINK|@SUM/);
        return;
      }
      const key = [c.table, ...(c.same ?? c.files)].join("|");
      if (!baselineRows.has(key)) {
        const untouched = await minimalSources((c.same ?? c.files).map((f) => (f === AK1X ? AK1X : f)));
        made.push(untouched);
        if (c.files.includes(TPT)) await bulk('"4,05"')(untouched);
        baselineRows.set(key, await rawRows(untouched, c.table));
      }
      expect(rows.length).toBeGreaterThan(0);
      // A blank line moves the rows under it down, as a spreadsheet shows them: values stay equal.
      const drop = (rs: unknown[]) => (c.rowsShift ? rs.map((r) => ({ ...(r as object), source_row: 0 })) : rs);
      expect(drop(rows)).toEqual(drop(baselineRows.get(key)!));
    });
  }
  it("leaves the baseline warehouse and outputs byte-identical after every failing case", async () => {
    expect(await publishedTree(BASE_OUT)).toEqual(BASE_TREE);
    expect(await litter(BASE_OUT)).toEqual([]);
  });
});
