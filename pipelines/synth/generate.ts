/**
 * Synthetic sources at national scale (issue #14): N kab/kota x Y years in the bundled layouts, with
 * a catalogue, so the whole pipeline can be measured and reconciliation scored at any size.
 *
 * Consistent by construction: every printed subtotal is the sum of the printed figures below it,
 * every identity the checks test holds (AK-I stock-flow, HI A = C + E and F = A + D, BPS
 * TPT = (angkatan kerja - bekerja) / angkatan kerja exactly), and every figure stated twice is
 * stated the same. A clean region gives no error or warning finding. Conflicts are injected from
 * a separate random stream, so the clean cells of a run with conflicts are byte-identical to the
 * run without, and every changed cell is listed in manifest.json.
 *
 * Money is integer rupiah as bigint and percentages integer hundredths: no figure passes
 * through a JS float.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { toCsv } from "../lib/csv.js";
import { indonesian } from "../lib/format.js";
import { Rng } from "./random.js";

export interface GenerateOptions {
  regions: number;
  years: number;
  outDir: string;
  seed?: number;
  /** Probability that an eligible file (Lampiran C, AK-I, KETERANGAN HI) gets one injected conflict. */
  conflictRate?: number;
  /** Sub-kegiatan per region-year (a whole kabupaten's export prints about 3.000). */
  subKegiatan?: number;
  /** Last year generated; years run up to it. */
  lastYear?: number;
}

export interface InjectedConflict {
  /** Path relative to the output directory, as in catalogue.csv. */
  file: string;
  /** 1-based line of the file, as a person counts it (header lines included). */
  row: number;
  /** Printed column header (parent headers joined with " / "), as findings name it. */
  column: string;
  original: string;
  injected: string;
  kind: "pohon_anggaran" | "arus_pencaker" | "keluarga_angka";
}

export interface GenerateResult {
  files: number;
  /** Data rows written (every row the loader counts as data, all families). */
  dataRows: number;
  budgetRows: number;
  conflicts: InjectedConflict[];
}

/** The 38 BPS province codes; regions are spread over them round-robin. */
const PROVINCES = [
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53",
  "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96",
];

export interface Region {
  kode: string;
  provinsi: string;
  nama: string;
  singkat: string;
}

export function regionList(n: number): Region[] {
  return Array.from({ length: n }, (_, i) => {
    const provinsi = PROVINCES[i % PROVINCES.length]!;
    const kode = `${provinsi}${String(Math.floor(i / PROVINCES.length) + 1).padStart(2, "0")}`;
    return { kode, provinsi, nama: `Kabupaten Sintetis ${kode}`, singkat: `Sintetis ${kode}` };
  });
}

type Cell = string | null;
type Rows = Cell[][];

const CATALOGUE_HEADER = ["path", "family", "layout", "kode_wilayah", "tahun", "format", "rujukan", "judul", "catatan", "salinan_dari"];

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const seed = opts.seed ?? 1;
  const rate = opts.conflictRate ?? 0;
  const lastYear = opts.lastYear ?? 2024;
  const years = Array.from({ length: opts.years }, (_, i) => lastYear - opts.years + 1 + i);
  const regions = regionList(opts.regions);
  const subKegiatan = opts.subKegiatan ?? 3000;
  const inject = Rng.derive(seed, "konflik");
  const catalogue: Rows = [CATALOGUE_HEADER];
  const conflicts: InjectedConflict[] = [];
  let dataRows = 0;
  let budgetRows = 0;

  const write = async (path: string, rows: Rows, entry: Omit<CatalogueRow, "path">) => {
    const abs = join(opts.outDir, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, toCsv(rows, { neutralise: false, lineEnd: "\n" }));
    catalogue.push([path, entry.family, entry.layout, entry.kode_wilayah, entry.tahun == null ? "" : String(entry.tahun), "csv", `data sintetis (benih acak ${seed})`, entry.judul, "", ""]);
  };
  const maybeInject = (file: string, rows: Rows, candidates: Candidate[], kind: InjectedConflict["kind"]) => {
    if (!inject.chance(rate) || candidates.length === 0) return;
    const c = inject.pick(candidates);
    const original = rows[c.index]![c.col]!;
    const injected = c.change(original, inject);
    rows[c.index]![c.col] = injected;
    conflicts.push({ file, row: c.index + 1, column: c.label, original, injected, kind });
  };

  await writeWilayah(regions, write);
  dataRows += regions.length + new Set(regions.map((r) => r.provinsi)).size;

  for (const region of regions) {
    for (const tahun of years) {
      const rng = Rng.derive(seed, region.kode, tahun);
      const entry = { kode_wilayah: region.kode, tahun };

      const budget = lampiranC(region, tahun, subKegiatan, rng);
      const budgetPath = `budget/${region.kode}/lampiran_c_${tahun}.csv`;
      maybeInject(budgetPath, budget.rows, budget.candidates, "pohon_anggaran");
      await write(budgetPath, budget.rows, { ...entry, family: "budget", layout: "budget.lampiran_c", judul: `LAPORAN PENCAPAIAN KINERJA KEGIATAN ${region.nama.toUpperCase()} S/D DESEMBER ${tahun}` });
      dataRows += budget.dataRows;
      budgetRows += budget.dataRows;

      const ak1 = rekapAk1(tahun, rng);
      const ak1Path = `ak1/${region.kode}/rekap_pencari_kerja_${tahun}.csv`;
      maybeInject(ak1Path, ak1.rows, ak1.candidates, "arus_pencaker");
      await write(ak1Path, ak1.rows, { ...entry, family: "ak1", layout: "ak1.rekap", judul: `REKAPITULASI LAPORAN PENCARI KERJA TAHUN ${tahun}` });
      dataRows += ak1.dataRows;

      const hi = sheetsHi(region, tahun, seed, rng);
      for (const sheet of hi) {
        const path = `hi/${region.kode}/${sheet.name}_${tahun}.csv`;
        if (sheet.candidates.length) maybeInject(path, sheet.rows, sheet.candidates, "keluarga_angka");
        await write(path, sheet.rows, { ...entry, family: "hi", layout: sheet.layout, judul: sheet.judul });
        dataRows += sheet.dataRows;
      }

      await write(`plans/${region.kode}/umk_${tahun}.csv`, umkSheet(region, tahun, seed), {
        ...entry,
        family: "plans",
        layout: "plans.umk",
        judul: `PENETAPAN UPAH MINIMUM ${region.nama.toUpperCase()} TAHUN ${tahun}`,
      });
      dataRows += 1;
    }
  }

  for (const provinsi of [...new Set(regions.map((r) => r.provinsi))]) {
    const inProvince = regions.filter((r) => r.provinsi === provinsi);
    for (const tahun of years) {
      for (const table of bpsTables(inProvince, tahun, seed)) {
        await write(`bps/${provinsi}/${table.name}_${tahun}.csv`, table.rows, {
          kode_wilayah: provinsi,
          tahun,
          family: "bps",
          layout: "bps.kabkota_tahun",
          judul: table.judul,
        });
        dataRows += inProvince.length;
      }
    }
  }

  await writeFile(join(opts.outDir, "catalogue.csv"), toCsv(catalogue, { neutralise: false, lineEnd: "\n" }));
  await writeFile(join(opts.outDir, "manifest.json"), `${JSON.stringify({ seed, regions: opts.regions, years, conflictRate: rate, subKegiatan, conflicts }, null, 2)}\n`);
  return { files: catalogue.length - 1, dataRows, budgetRows, conflicts };
}

interface CatalogueRow {
  path: string;
  family: string;
  layout: string;
  kode_wilayah: string;
  tahun: number | null;
  judul: string;
}

interface Candidate {
  index: number;
  col: number;
  label: string;
  change: (original: string, rng: Rng) => string;
}

// ---------------------------------------------------------------------------------------------
// Number text as the office sheets print it

/** Integer rupiah as "1.234.567,00"; negative in accounting parentheses. */
function rupiah(n: bigint): string {
  const text = `${indonesian((n < 0n ? -n : n).toString())},00`;
  return n < 0n ? `(${text})` : text;
}

/** Hundredths as "12,34". */
function persen(h: bigint): string {
  const whole = h / 100n;
  const frac = (h % 100n).toString().padStart(2, "0");
  return indonesian(`${whole}.${frac}`);
}

function count(n: number): string {
  return indonesian(String(n));
}

/** a / b rounded half up, for non-negative a and positive b. */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Changes an id-ID amount by a visible but plausible difference (keeps the print format). */
function bumpRupiah(original: string, rng: Rng): string {
  const n = BigInt(original.replace(/,00$/, "").replace(/\./g, ""));
  return rupiah(n + BigInt(rng.int(1, 90) * 100_000));
}

function bumpCount(original: string, rng: Rng): string {
  const n = original === "-" ? 0 : Number(original.replace(/\./g, ""));
  return count(n + rng.int(1, 9));
}

// ---------------------------------------------------------------------------------------------
// Budget: Lampiran C (the bulk of the rows)

const LAMPIRAN_C_HEADER: Rows = [
  ["NO", "KODE PROGRAM / KEGIATAN", "URAIAN KEGIATAN", "LOKASI KEGIATAN", "KINERJA", "", "", "ANGGARAN", "", "", "", "", "", "", "", "KET/PERMASALAHAN"],
  ["", "", "", "", "TARGET KINERJA", "CAPAIAN KINERJA", "REA S/D BULAN INI (%)", "PAGU DANA SESUDAH PERUBAHAN", "BERTAMBAH / BERKURANG", "BOBOT", "REALISASI KEUANGAN", "", "TERTIMBANG", "", "SISA DANA (8-10) (Rp.)", ""],
  ["", "", "", "", "", "", "", "", "", "", "(Rp.)", "%", "FISIK %", "KEU %", "", ""],
  ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9", "10", "11(10/8*100)", "12(9*7/100)", "13(11*9/100)", "14", "15"],
];
const COL = { no: 0, kode: 1, uraian: 2, lokasi: 3, target: 4, capaian: 5, fisik: 6, pagu: 7, tambah: 8, bobot: 9, realisasi: 10, pct: 11, tf: 12, tk: 13, sisa: 14, ket: 15 };
const LABEL_PAGU = "ANGGARAN / PAGU DANA SESUDAH PERUBAHAN";
const LABEL_REALISASI = "ANGGARAN / REALISASI KEUANGAN / (Rp.)";

/** Urusan and bidang urusan of a whole kabupaten's export (Permendagri 90/2019 numbering). */
const BIDANG: [string, string, string][] = [
  ["1", "1.01", "PENDIDIKAN"], ["1", "1.02", "KESEHATAN"], ["1", "1.03", "PEKERJAAN UMUM DAN PENATAAN RUANG"],
  ["1", "1.04", "PERUMAHAN DAN KAWASAN PERMUKIMAN"], ["1", "1.05", "KETENTERAMAN DAN KETERTIBAN UMUM"], ["1", "1.06", "SOSIAL"],
  ["2", "2.07", "TENAGA KERJA"], ["2", "2.08", "PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"], ["2", "2.09", "PANGAN"],
  ["2", "2.11", "LINGKUNGAN HIDUP"], ["2", "2.12", "ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL"], ["2", "2.15", "PERHUBUNGAN"],
  ["2", "2.17", "KOPERASI, USAHA KECIL DAN MENENGAH"], ["3", "3.27", "PERTANIAN"], ["3", "3.32", "TRANSMIGRASI"],
];
const URUSAN: Record<string, string> = {
  "1": "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
  "2": "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
  "3": "URUSAN PEMERINTAHAN PILIHAN",
};
const KERJA = ["Penyusunan", "Pelaksanaan", "Koordinasi", "Fasilitasi", "Pembinaan", "Pengembangan", "Penyediaan", "Pengelolaan", "Evaluasi", "Sosialisasi"];
const OBJEK = ["Dokumen Perencanaan", "Sarana dan Prasarana", "Data dan Informasi", "Pelatihan Teknis", "Layanan Masyarakat", "Kerja Sama Daerah", "Pengawasan Lapangan", "Kelembagaan", "Pemantauan Kinerja", "Bantuan Sosial"];
const SATUAN = ["Dokumen", "Orang", "Laporan", "Kegiatan", "Paket", "Unit", "Orang/Bulan"];

function roman(n: number): string {
  const table: [number, string][] = [[100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

interface Node {
  tingkat: "program" | "kegiatan" | "sub";
  row: Cell[];
  pagu: bigint;
  realisasi: bigint;
  bobot: bigint;
  tf: bigint;
  tk: bigint;
  children: Node[];
}

function lampiranC(region: Region, tahun: number, subTarget: number, rng: Rng) {
  // Tree shape: programs per bidang, kegiatan per program, then the sub-kegiatan spread over the
  // kegiatan so that the export has subTarget of them.
  // About 60 sub-kegiatan per program (a whole kabupaten: ~50 programs, ~300 kegiatan), spread
  // over the bidang in code order; never more kegiatan than sub-kegiatan.
  const programs: { bidang: (typeof BIDANG)[number]; kegiatan: number }[] = [];
  const nPrograms = Math.max(1, Math.round(subTarget / 60));
  let room = subTarget;
  for (let i = 0; i < nPrograms && room > 0; i++) {
    const kegiatan = Math.min(rng.int(3, 9), room - (nPrograms - i - 1) > 0 ? room - (nPrograms - i - 1) : 1);
    room -= kegiatan;
    programs.push({ bidang: BIDANG[Math.floor((i * BIDANG.length) / nPrograms)]!, kegiatan });
  }
  const kegiatanTotal = programs.reduce((s, p) => s + p.kegiatan, 0);
  const subs = Array.from({ length: kegiatanTotal }, () => 1);
  for (let i = kegiatanTotal; i < subTarget; i++) subs[rng.int(0, kegiatanTotal - 1)]!++;

  // Leaves first (figures), then subtotals, then bobot (needs the grand total).
  const lokasi = `Kab. ${region.singkat}`;
  const tree: Node[] = [];
  let k = 0;
  let nomor = 0;
  const programIndex = new Map<string, number>();
  for (const p of programs) {
    const pi = (programIndex.get(p.bidang[1]) ?? 0) + 1;
    programIndex.set(p.bidang[1], pi);
    const kodeProgram = `${p.bidang[1]}.${String(pi).padStart(2, "0")}`;
    const prog: Node = node("program", [roman(tree.length + 1), kodeProgram, `PROGRAM ${rng.pick(OBJEK).toUpperCase()} ${p.bidang[2]}`]);
    for (let g = 1; g <= p.kegiatan; g++) {
      const kodeKegiatan = `${kodeProgram}.2.${String(g).padStart(2, "0")}`;
      const keg: Node = node("kegiatan", [null, kodeKegiatan, `${rng.pick(KERJA)} ${rng.pick(OBJEK)} ${p.bidang[2].toLowerCase()}`]);
      for (let s = 1; s <= subs[k]!; s++) {
        nomor++;
        const pagu = BigInt(rng.int(25, 2500)) * 1_000_000n;
        const realisasi = (pagu * BigInt(rng.int(6000, 10000))) / 10000n;
        const satuan = rng.pick(SATUAN);
        const target = rng.int(1, 120);
        const sub = node("sub", [
          String(nomor), `${kodeKegiatan}.${String(s).padStart(4, "0")}`, `${rng.pick(KERJA)} ${rng.pick(OBJEK)} ${nomor}`, lokasi,
          `${target} ${satuan}`, `${target} ${satuan}`,
        ]);
        sub.pagu = pagu;
        sub.realisasi = realisasi;
        sub.tf = BigInt(rng.chance(0.7) ? 10000 : rng.int(6000, 9999)); // fisik % in hundredths, until bobot is known
        sub.row[COL.tambah] = rng.chance(0.8) ? "-" : rupiah(BigInt(rng.int(-200, 200)) * 1_000_000n);
        keg.children.push(sub);
      }
      k++;
      prog.children.push(keg);
    }
    tree.push(prog);
  }
  const total = tree.reduce((s, p) => s + p.children.reduce((s2, g) => s2 + g.children.reduce((s3, x) => s3 + x.pagu, 0n), 0n), 0n);

  for (const prog of tree) {
    for (const keg of prog.children) {
      for (const sub of keg.children) {
        const fisik = sub.tf;
        const pct = divRound(sub.realisasi * 10000n, sub.pagu);
        sub.bobot = divRound(sub.pagu * 10000n, total);
        sub.tf = divRound(sub.bobot * fisik, 10000n);
        sub.tk = divRound(sub.bobot * pct, 10000n);
        sub.row[COL.fisik] = persen(fisik);
        sub.row[COL.pct] = persen(pct);
        fill(sub);
      }
      sumChildren(keg);
    }
    sumChildren(prog);
  }

  const rows: Rows = [
    [`PEMERINTAH ${region.nama.toUpperCase()}`],
    [`LAPORAN PENCAPAIAN KINERJA KEGIATAN PERANGKAT DAERAH ${region.nama.toUpperCase()}`],
    [`S/D DESEMBER ${tahun}`],
    ...LAMPIRAN_C_HEADER,
  ].map((r) => pad(r, 16));
  const candidates: Candidate[] = [];
  let lastUrusan = "";
  let lastBidang = "";
  let dataRows = 0;
  for (const prog of tree) {
    const [urusan, bidang, namaBidang] = programs[tree.indexOf(prog)]!.bidang;
    if (urusan !== lastUrusan) {
      rows.push(pad([null, urusan, URUSAN[urusan]!], 16));
      lastUrusan = urusan;
      dataRows++;
    }
    if (bidang !== lastBidang) {
      rows.push(pad([null, bidang, namaBidang], 16));
      lastBidang = bidang;
      dataRows++;
    }
    rows.push(prog.row);
    for (const keg of prog.children) {
      candidates.push({ index: rows.length, col: COL.pagu, label: LABEL_PAGU, change: bumpRupiah });
      rows.push(keg.row);
      for (const sub of keg.children) {
        candidates.push({ index: rows.length, col: COL.realisasi, label: LABEL_REALISASI, change: bumpRupiah });
        rows.push(sub.row);
      }
      dataRows += 1 + keg.children.length;
    }
    dataRows++;
  }
  const grand = node("program", [null, null, null]);
  grand.children = tree;
  sumChildren(grand);
  rows.push(grand.row);
  return { rows, dataRows, candidates };
}

function node(tingkat: Node["tingkat"], cells: Cell[]): Node {
  return { tingkat, row: pad(cells, 16), pagu: 0n, realisasi: 0n, bobot: 0n, tf: 0n, tk: 0n, children: [] };
}

function sumChildren(n: Node): void {
  for (const key of ["pagu", "realisasi", "bobot", "tf", "tk"] as const) n[key] = n.children.reduce((s, c) => s + c[key], 0n);
  fill(n);
}

function fill(n: Node): void {
  n.row[COL.pagu] = rupiah(n.pagu);
  n.row[COL.bobot] = persen(n.bobot);
  n.row[COL.realisasi] = rupiah(n.realisasi);
  n.row[COL.tf] = persen(n.tf);
  n.row[COL.tk] = persen(n.tk);
  n.row[COL.sisa] = rupiah(n.pagu - n.realisasi);
}

function pad(cells: Cell[], width: number): Cell[] {
  return Array.from({ length: width }, (_, j) => cells[j] ?? null);
}

// ---------------------------------------------------------------------------------------------
// AK-I recap

const PENDIDIKAN = ["SD", "SMP", "SMU", "D1 / DII", "DIII", "SI", "S2"];
const AK1_MEASURES = ["Sisa Tahun Lalu", "Yang Terdaftar", "Penempatan", "Penghapusan", "Sisa Akhir"];

function rekapAk1(tahun: number, rng: Rng) {
  const rows: Rows = [
    pad([`REKAPITULASI LAPORAN PENCARI KERJA TAHUN ${tahun}`], 12),
    pad([], 12),
    pad(["No", "Pendidikan", ...AK1_MEASURES.flatMap((m) => [m, ""])], 12),
    pad(["", "", ...AK1_MEASURES.flatMap(() => ["L", "W"])], 12),
  ];
  const sums = Array<number>(10).fill(0);
  const candidates: Candidate[] = [];
  PENDIDIKAN.forEach((p, i) => {
    const figures: number[] = [];
    for (let sex = 0; sex < 2; sex++) {
      const lalu = rng.int(0, 3000);
      const daftar = rng.int(0, 1500);
      const tempat = rng.int(0, Math.floor((lalu + daftar) / 4));
      const hapus = rng.int(0, Math.floor((lalu + daftar - tempat) / 3));
      figures.push(lalu, daftar, tempat, hapus, lalu + daftar - tempat - hapus);
    }
    // figures are [L measures..., W measures...]; print measure-major, L then W.
    const printed = AK1_MEASURES.flatMap((_, m) => [figures[m]!, figures[5 + m]!]);
    printed.forEach((v, j) => (sums[j]! += v));
    for (const [col, sex] of [[10, "L"], [11, "W"]] as const) candidates.push({ index: rows.length, col, label: `Sisa Akhir / ${sex}`, change: bumpCount });
    rows.push([String(i + 1), p, ...printed.map(count)]);
  });
  rows.push(["", "Jumlah", ...sums.map(count)]);
  rows.push(["", "Jumlah (L+W)", ...AK1_MEASURES.flatMap((_, m) => [count(sums[2 * m]! + sums[2 * m + 1]!), ""])]);
  return { rows, dataRows: PENDIDIKAN.length, candidates };
}

// ---------------------------------------------------------------------------------------------
// HI sheets: data sheet, per sektor, KETERANGAN, per kecamatan; one set of figures behind all four

const SEKTOR = [
  "PERTANIAN, PETERNAKAN, KEHUTANAN, PERIKANAN", "PERTAMBANGAN, PENGGALIAN", "INDUSTRI PENGOLAHAN", "INDUSTRI GAS, AIR, LISTRIK", "BANGUNAN",
  "PERDAGANGAN, RESTORAN, HOTEL", "ANGKUTAN, PERGUDANGAN, KOMUNIKASI", "KEUANGAN,ASURANSI,PERSEWAAN BANGUNAN,JASA PERUSAHAAN", "JASA LAINNYA, KOPERASI, SOSIAL",
];
const JENIS = ["HAK", "PHK", "KEPENTINGAN", "ANTAR SP/SB"];

interface HiSheet {
  name: string;
  layout: string;
  judul: string;
  rows: Rows;
  dataRows: number;
  candidates: Candidate[];
}

function sheetsHi(region: Region, tahun: number, seed: number, rng: Rng): HiSheet[] {
  // Resolved cases per sector x type: [kasus, tk, pb, anjuran]; kasus = pb + anjuran.
  const cells = SEKTOR.map(() =>
    JENIS.map((_, j) => {
      const pb = rng.chance(j === 1 ? 0.6 : 0.2) ? rng.int(0, 12) : 0;
      const anj = rng.chance(j === 1 ? 0.5 : 0.15) ? rng.int(0, 10) : 0;
      const kasus = pb + anj;
      return [kasus, kasus === 0 ? 0 : kasus + rng.int(0, 40 * kasus), pb, anj];
    }),
  );
  const byJenis = JENIS.map((_, j) => SEKTOR.reduce((s, _2, i) => s + cells[i]![j]![0]!, 0));
  const proses = JENIS.map(() => rng.int(0, 3));
  const sum = (f: number) => cells.flat().reduce((s, c) => s + c[f]!, 0);
  const A = sum(0);
  const B = sum(1);
  const C = sum(2);
  const E = sum(3);
  const D = proses.reduce((s, x) => s + x, 0);
  const F = A + D;
  const dash = (n: number) => (n === 0 ? "-" : count(n));

  const perSektor: Rows = [
    ["PERSELISIHAN HUBUNGAN INDUSTRIAL"],
    [`DINAS TENAGA KERJA ${region.nama.toUpperCase()}`],
    [`Data Perselisihan Hubungan Industrial dari bulan Januari s/d Desember ${tahun}`],
    ["NO", "SEKTOR", "Kasus per - Sektor ter- selesaikan", "Tenaga Kerja", "KASUS TERSELESAIKAN", "PERSELISIHAN HUBUNGAN INDUSTRIAL"],
    ["", "", "", "", "", "HAK", "", "", "", "PHK", "", "", "", "KEPENTINGAN", "", "", "", "ANTAR SP/SB"],
    ["", "", "", "", "", ...JENIS.flatMap(() => ["KASUS", "TK", "PENYELESAIAN", ""])],
    ["", "", "", "", "", ...JENIS.flatMap((_, j) => ["", "", "PB", j === 3 ? "ANJ" : "ANJURAN"])],
  ].map((r) => pad(r, 21));
  SEKTOR.forEach((s, i) => {
    const kasus = cells[i]!.reduce((t, c) => t + c[0]!, 0);
    perSektor.push([String(i + 1), s, kasus === 0 ? null : count(kasus), null, null, ...cells[i]!.flatMap((c) => c.map(dash))]);
  });
  const col = (j: number, f: number) => SEKTOR.reduce((s, _, i) => s + cells[i]![j]![f]!, 0);
  perSektor.push(["-", "JUMLAH KASUS MASUK YANG TERSELESAIKAN", count(A), count(B), count(A), ...JENIS.flatMap((_, j) => [0, 1, 2, 3].map((f) => count(col(j, f))))]);

  const keterangan: Rows = [
    ["KETERANGAN", "KM", "FRM", "JLH"],
    ["KASUS YANG TERSELESAIKAN SECARA MEDIASI", null, "A", count(A)],
    ["TENAGA KERJA (TK)", null, "B", count(B)],
    ["SELESAI PB (PERJANJIAN BERSAMA)", null, "C", count(C)],
    ["DALAM PROSES", null, "D", count(D)],
    ["ANJURAN", null, "E", count(E)],
    ["KASUS MASUK", null, "F", count(F)],
  ];
  const ketCandidates: Candidate[] = [1, 3, 5, 6].map((index) => ({ index, col: 3, label: "JLH", change: bumpCount }));

  // Cases entered and workers involved, spread over the kecamatan.
  const kecamatan = Array.from({ length: rng.int(8, 18) }, (_, i) => ({ nama: `KEC. SINTETIS ${i + 1}`, kasus: 0, l: 0, p: 0 }));
  for (let i = 0; i < F; i++) rng.pick(kecamatan).kasus++;
  const withCases = kecamatan.filter((k) => k.kasus > 0);
  for (let i = 0; i < B; i++) {
    const k = rng.pick(withCases.length ? withCases : kecamatan);
    if (rng.chance(0.9)) k.l++;
    else k.p++;
  }
  const perKecamatan: Rows = [["NO", "KECAMATAN", "KASUS", "KARYAWAN", "L", "P"]];
  kecamatan.forEach((k, i) => perKecamatan.push([String(i + 1), k.nama, count(k.kasus), count(k.l + k.p), count(k.l), count(k.p)]));
  const tot = (f: (k: (typeof kecamatan)[number]) => number) => count(kecamatan.reduce((s, k) => s + f(k), 0));
  perKecamatan.push([null, null, tot((k) => k.kasus), tot((k) => k.l + k.p), tot((k) => k.l), tot((k) => k.p)]);

  const masuk = JENIS.map((_, j) => byJenis[j]! + proses[j]!);
  // Comma groups thousands on this sheet ("1,495"), as on the office's own.
  const c = (n: number) => (n === 0 ? "-" : n.toLocaleString("en-US"));
  const data: Rows = [
    [`DATA BIDANG HUBUNGAN INDUSTRIAL TAHUN ${tahun}`],
    [`UNIT KERJA : DINAS TENAGA KERJA ${region.nama.toUpperCase()}`],
    ["Bagian", "Butir", "Uraian", "Nilai", "Satuan"],
    ["6", null, "Perselisihan Hubungan Industrial", null, null],
    ["6", "a", "Perselisihan Hak", c(masuk[0]!), "Kasus"],
    ["6", "b", "Perselisihan Kepentingan", c(masuk[2]!), "Kasus"],
    ["6", "c", "Perselisihan PHK", c(masuk[1]!), "Kasus"],
    ["6", "d", "Perselisihan Antar SP/SB di dalam satu Perusahaan", c(masuk[3]!), "Kasus"],
    ["7", null, "Pemutusan Hubungan Kerja", null, null],
    ["7", "a", "Jumlah Kasus", c(F), "Kasus"],
    ["7", "b", "Jumlah Tenaga Kerja yang Terlibat", c(B), "T.K"],
    ["7", "c", "Perselisihan Secara Perjanjian Bersama", c(C), "Kasus"],
    ["7", "d", "Perselisihan Secara Bipartit/Mediasi/dalam proses", c(D), "Kasus"],
    ["7", "e", "Perselisihan Secara Anjuran", c(E), "Kasus"],
    ["10", null, "Upah Minimum Kabupaten", null, null],
    ["10", "a", `UMK ${tahun + 1}`, `Rp. ${umkSen(region, tahun + 1, seed, ",")}`, "sen"],
    ["11", null, "Jumlah Personal", null, null],
    ["11", "a", "Mediator", c(rng.int(1, 8)), null],
  ].map((r) => pad(r, 5));

  return [
    { name: "data_bidang_hi", layout: "hi.data_sheet", judul: `DATA BIDANG HUBUNGAN INDUSTRIAL TAHUN ${tahun}`, rows: data, dataRows: data.length - 3, candidates: [] },
    { name: "perselisihan_per_sektor", layout: "hi.per_sektor", judul: "PERSELISIHAN HUBUNGAN INDUSTRIAL per sektor", rows: perSektor, dataRows: SEKTOR.length, candidates: [] },
    { name: "keterangan", layout: "hi.keterangan", judul: "KETERANGAN", rows: keterangan, dataRows: 6, candidates: ketCandidates },
    { name: "perselisihan_per_kecamatan", layout: "hi.per_kecamatan", judul: "Perselisihan Hubungan Industrial per Kecamatan", rows: perKecamatan, dataRows: kecamatan.length, candidates: [] },
  ];
}

// ---------------------------------------------------------------------------------------------
// UMK decree (plans) and the HI sheet's UMK line: one value per region and year

/** UMK in sen, a pure function of (seed, region, year) so both sheets state the same figure. */
function umkValue(region: Region, tahun: number, seed: number): bigint {
  const base = 2_800_000_00n + BigInt(Rng.derive(seed, "umk", region.kode).int(0, 1_200_000_00));
  return (base * BigInt(100 + 5 * (tahun - 2015))) / 100n;
}

/** "3.536.506,28" (thousands ".") or "3,536,506,28" (the HI sheet's comma grouping). */
function umkSen(region: Region, tahun: number, seed: number, thousands: "." | ","): string {
  const v = umkValue(region, tahun, seed);
  const text = `${indonesian((v / 100n).toString())},${(v % 100n).toString().padStart(2, "0")}`;
  return thousands === "." ? text : text.replace(/\./g, ",");
}

function umkSheet(region: Region, tahun: number, seed: number): Rows {
  return [
    ["Nomor Keputusan", "Tanggal Penetapan", "Wilayah", "Tahun", "Upah Minimum", "Berlaku Mulai", "Berlaku Sampai"],
    [`100.3.3.1/K.${region.kode}/${tahun - 1}`, `30 November ${tahun - 1}`, region.nama, String(tahun), `Rp. ${umkSen(region, tahun, seed, ".")}`, `1 Januari ${tahun}`, `31 Desember ${tahun}`],
  ];
}

// ---------------------------------------------------------------------------------------------
// BPS kab/kota tables (one per province, measure and year) and the region master

function bpsTables(regions: Region[], tahun: number, seed: number) {
  // Angkatan kerja a multiple of 10.000 and TPT in hundredths make TPT = (AK - bekerja) / AK x 100
  // exact at the two decimals BPS prints: no rounding finding on clean data.
  const figures = regions.map((r) => {
    const rng = Rng.derive(seed, "bps", r.kode, tahun);
    const m = rng.int(5, 120);
    const tpt = rng.int(150, 900);
    const ak = m * 10_000;
    return { r, ak, bekerja: ak - m * tpt, tpt };
  });
  const table = (judul: string, value: (f: (typeof figures)[number]) => string): Rows => [
    [judul],
    [],
    ["Kabupaten/Kota", String(tahun)],
    ...figures.map((f) => [f.r.nama, value(f)]),
    [],
    ["Sumber: Badan Pusat Statistik, Survei Angkatan Kerja Nasional (Sakernas) Agustus (data sintetis)"],
  ];
  return [
    { name: "angkatan_kerja_kabkota", judul: "Jumlah Angkatan Kerja Menurut Kabupaten/Kota (Jiwa)", rows: table("Jumlah Angkatan Kerja Menurut Kabupaten/Kota (Jiwa)", (f) => count(f.ak)) },
    { name: "penduduk_bekerja_kabkota", judul: "Jumlah Penduduk yang Bekerja Menurut Kabupaten/Kota (Jiwa)", rows: table("Jumlah Penduduk yang Bekerja Menurut Kabupaten/Kota (Jiwa)", (f) => count(f.bekerja)) },
    { name: "tpt_kabkota", judul: "Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota (Persen)", rows: table("Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota (Persen)", (f) => persen(BigInt(f.tpt))) },
  ];
}

async function writeWilayah(regions: Region[], write: (path: string, rows: Rows, entry: Omit<CatalogueRow, "path">) => Promise<void>): Promise<void> {
  const rows: Rows = [["kode_wilayah", "nama_wilayah", "alias"]];
  for (const p of [...new Set(regions.map((r) => r.provinsi))]) rows.push([p, `Provinsi Sintetis ${p}`, `Prov. Sintetis ${p}`]);
  for (const r of regions) rows.push([r.kode, r.nama, `${r.singkat}|Kab. ${r.singkat}`]);
  await write("bps/wilayah.csv", rows, { kode_wilayah: "", tahun: null, family: "bps", layout: "bps.wilayah", judul: "Kode Wilayah BPS (sintetis)" });
}
