/**
 * Any region, any year: a second, synthetic region (6402, Kutai Barat) with its own small source files
 * is loaded next to Kutai Kartanegara and gets its own, correct results without code changes.
 */
import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, WAREHOUSE_FILE } from "../../pipelines/build.js";
import { Db } from "../../pipelines/lib/duckdb.js";
import { copySources } from "../helpers/warehouse.js";

let db: Db;

const AK1_6402 = `REKAPITULASI LAPORAN PENCARI KERJA TAHUN 2025
DINAS TENAGA KERJA KABUPATEN KUTAI BARAT

No,Pendidikan,Sisa Tahun Lalu,,Yang Terdaftar,,Penempatan,,Penghapusan,,Sisa Akhir,
,,L,W,L,W,L,W,L,W,L,W
1,SMA,100,50,40,20,10,5,30,15,100,50
2,S1,20,10,10,10,5,5,5,5,20,10
,Jumlah,120,60,50,30,15,10,35,20,120,60
,Jumlah (L+W),180,,80,,25,,55,,180,
`;

const HI_6402 = `KETERANGAN,KM,FRM,JLH
KASUS YANG TERSELESAIKAN SECARA MEDIASI,,A,9
TENAGA KERJA (TK),,B,30
SELESAI PB (PERJANJIAN BERSAMA),,C,5
DALAM PROSES,,D,1
ANJURAN,,E,4
KASUS MASUK,,F,10
`;

const PK_6402 = `No.,SASARAN,INDIKATOR,SATUAN,TARGET
1,Meningkatnya penempatan,Persentase Pencari Kerja yang terdaftar Ditempatkan,Persen,"25,00"
2,Meningkatnya hubungan industrial,Persentase Kasus Perselisihan Hubungan Industrial yang di Fasilitasi,Persen,100
3,Menurunnya pengangguran,Tingkat Pengangguran Terbuka,Persen,"6,00"
`;

beforeAll(async () => {
  const src = await copySources();
  await writeFile(join(src, "ak1/rekap_pencari_kerja_kubar_2025.csv"), AK1_6402);
  await writeFile(join(src, "hi/keterangan_kubar_2025.csv"), HI_6402);
  await writeFile(join(src, "plans/perjanjian_kinerja_kubar_2025.csv"), PK_6402);
  // The IKU manual is the office's own: the synthetic office declares the same IKU.
  const manual = await readFile(join(src, "plans/manual_iku.csv"), "utf8");
  await writeFile(join(src, "plans/manual_iku_kubar.csv"), manual);
  // A BPS table for the province now also carries Kutai Barat's 2025 figure.
  await writeFile(
    join(src, "bps/tpt_kabkota_2025.csv"),
    `Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Kalimantan Timur (Persen)\n\nKabupaten/Kota,2025\nKutai Barat,"5,10"\n`,
  );
  await appendFile(
    join(src, "catalogue.csv"),
    [
      "ak1/rekap_pencari_kerja_kubar_2025.csv,ak1,ak1.rekap,6402,2025,csv,sintetis,REKAPITULASI LAPORAN PENCARI KERJA TAHUN 2025,synthetic test region,",
      "hi/keterangan_kubar_2025.csv,hi,hi.keterangan,6402,2025,csv,sintetis,KETERANGAN,synthetic test region,",
      "plans/perjanjian_kinerja_kubar_2025.csv,plans,plans.perjanjian_kinerja,6402,2025,csv,sintetis,PERJANJIAN KINERJA 2025,synthetic test region,",
      "plans/manual_iku_kubar.csv,plans,plans.manual_iku,6402,2025,csv,sintetis,Manual IKU,synthetic test region,",
      "bps/tpt_kabkota_2025.csv,bps,bps.kabkota_tahun,64,2025,csv,sintetis,TPT,synthetic test region,",
      "",
    ].join("\n"),
  );
  const out = await mkdtemp(join(tmpdir(), "out-"));
  await build({ sourcesDir: src, outDir: out, log: () => {} });
  db = await Db.open(join(out, WAREHOUSE_FILE));
});
afterAll(() => db?.close());

const capaian = (kode: string, tahun: number, kunci: string) =>
  db.all(`SELECT target::VARCHAR AS target, round(realisasi, 4)::VARCHAR AS realisasi, capaian_tampil::VARCHAR AS capaian, kriteria
          FROM marts.capaian_indikator WHERE kode_wilayah = '${kode}' AND tahun = ${tahun} AND kunci_indikator = '${kunci}'`);

describe("a second region next to Kutai Kartanegara", () => {
  it("computes the synthetic region's placement rate from its own AK-I recap", async () => {
    // 25 placed / 80 registered = 31,25% against a 25,00 target: capaian 125%.
    expect(await capaian("6402", 2025, "pct_pencaker_ditempatkan")).toEqual([
      { target: "25.000000", realisasi: "31.2500", capaian: "125.00", kriteria: "Sangat Tinggi" },
    ]);
  });

  it("computes its HI rate and its TPT as a negative indicator", async () => {
    expect(await capaian("6402", 2025, "pct_kasus_hi_difasilitasi")).toEqual([
      { target: "100.000000", realisasi: "100.0000", capaian: "100.00", kriteria: "Sangat Tinggi" },
    ]);
    // TPT 5,10 against 6,00, lower is better: (6 - (5,1 - 6)) / 6 = 115%.
    expect(await capaian("6402", 2025, "tpt")).toEqual([
      { target: "6.000000", realisasi: "5.1000", capaian: "115.00", kriteria: "Sangat Tinggi" },
    ]);
  });

  it("leaves Kutai Kartanegara's results unchanged", async () => {
    expect(await capaian("6403", 2024, "pct_pencaker_ditempatkan")).toEqual([
      { target: "10.370000", realisasi: "17.8571", capaian: "172.20", kriteria: "Sangat Tinggi" },
    ]);
    const regions = await db.all(`SELECT DISTINCT kode_wilayah, tahun FROM marts.capaian_indikator ORDER BY ALL`);
    expect(regions).toEqual([
      { kode_wilayah: "6402", tahun: 2025 },
      { kode_wilayah: "6403", tahun: 2022 },
      { kode_wilayah: "6403", tahun: 2023 },
      { kode_wilayah: "6403", tahun: 2024 },
    ]);
  });
});
