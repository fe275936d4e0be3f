/**
 * Hubungan industrial as a view: for a chosen region, year and document version, disputes by type,
 * sector and kecamatan, and the settlement channel, with the versions of the same counts the office's
 * documents state side by side (data sheet section 7 vs KETERANGAN vs the per-sector totals: PB 47
 * vs 40). No version is preferred here: which one stands is for the reconciliation.
 */
import { asalSel } from "./charts/common.js";
import { JENIS_PERSELISIHAN, kasusKecamatan, kasusSektor, versiBerdampingan, type SektorRow, type VersiRow } from "./charts/hi.js";
import { angka, jumlah, nilai, teks } from "./angka.js";
import { bagian, belumTersedia, el, gambar, sumber, tabel } from "./dom.js";
import { kontrol, namaWilayah, opsiTahun, opsiWilayah, pilihan, salahSatu, SEMUA, tahunDari, urutWilayah, type Baris as Row, type DataTampilan, type Tampilan, type Wilayah } from "./tampilan.js";

export type HiKeadaan = { wilayah: string; tahun: number | null; versi: string };
export interface HiKonfig extends Wilayah {
  utama: string | null;
}

const SALURAN = ["Kasus masuk", "Perjanjian Bersama (PB)", "Anjuran", "Dalam proses"];
const V_DATA = "Lembar data HI";
const V_KET = "KETERANGAN";
const V_SEKTOR = "Jumlah tabel per sektor";

/** Settlement line of a text label, or null. Order matters: "kasus yang terselesaikan secara mediasi" is not a channel. */
function saluranDari(label: string): string | null {
  const s = label.toLowerCase();
  if (/perjanjian bersama|\bpb\b/.test(s)) return SALURAN[1]!;
  if (/anjuran/.test(s)) return SALURAN[2]!;
  if (/proses/.test(s)) return SALURAN[3]!;
  if (/kasus masuk|jumlah kasus/.test(s)) return SALURAN[0]!;
  return null;
}

function jenisDari(label: string): string | null {
  const s = label.toLowerCase();
  if (/antar\s*sp/.test(s)) return "Antar SP/SB";
  if (/kepentingan/.test(s)) return "Kepentingan";
  if (/phk/.test(s)) return "PHK";
  if (/\bhak\b/.test(s)) return "Hak";
  return null;
}

const KOLOM_JENIS: [string, string][] = [
  ["Hak", "hak"],
  ["PHK", "phk"],
  ["Kepentingan", "kepentingan"],
  ["Antar SP/SB", "antar_sp"],
];

interface Versi {
  kategori: string;
  versi: string;
  jumlah: string | null;
  asal: string;
}

const VERSI = [V_DATA, V_KET, V_SEKTOR];
const semuaBaris = (data: DataTampilan) => [...(data.dataSheet ?? []), ...(data.sektor ?? []), ...(data.kecamatan ?? []), ...(data.keterangan ?? [])];

export const TAMPILAN_HI: Tampilan<HiKeadaan, HiKonfig> = {
  masukan: ["wilayah", "tahun", "versi"],
  rapikan(data, k, konfig) {
    const ada = urutWilayah(semuaBaris(data).map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, ada, ada.includes(konfig.utama ?? "") ? konfig.utama! : (ada[0] ?? ""));
    const tahunAda = tahunDari(semuaBaris(data).filter((r) => r.kode_wilayah === wilayah));
    const tahun = salahSatu(Number(k.tahun), tahunAda, tahunAda.at(-1) ?? 0) || null;
    return { wilayah, tahun, versi: salahSatu(k.versi, [SEMUA, ...VERSI], SEMUA) };
  },
  render(doc, root, data, st, konfig) {
    root.replaceChildren();
    const tahun = st.tahun;
    const pilih = (rows: Row[] | undefined) => (rows ?? []).filter((r) => r.kode_wilayah === st.wilayah && Number(r.tahun) === tahun);
    const lembar = pilih(data.dataSheet);
    const ket = pilih(data.keterangan);
    const sektor = pilih(data.sektor);
    const kec = pilih(data.kecamatan);
    const pilihVersi = (vs: Versi[]) => (st.versi === SEMUA ? vs : vs.filter((v) => v.versi === st.versi));
    root.append(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", st.wilayah, opsiWilayah(konfig, urutWilayah(semuaBaris(data).map((r) => r.kode_wilayah)))),
        pilihan(doc, "tahun", "Tahun", st.tahun, opsiTahun(tahunDari(semuaBaris(data).filter((r) => r.kode_wilayah === st.wilayah)))),
        pilihan(doc, "versi", "Versi dokumen", st.versi, [[SEMUA, "Semua versi berdampingan"], ...VERSI.map((v): [string, string] => [v, v])]),
      ),
    );
    if (tahun === null || !(lembar.length + ket.length + sektor.length + kec.length)) {
      root.append(belumTersedia(doc, `hubungan industrial ${namaWilayah(konfig, st.wilayah)} ${tahun ?? ""}`));
      return;
    }
    const asal = (r: Row) => `${teks(r.source_file)}:${teks(r.source_row)}`;

    // --- Settlement channel: three versions.
    const versiSaluran: Versi[] = [];
    for (const r of lembar.filter((r) => /pemutusan hubungan kerja/i.test(String(r.bagian_judul)))) {
      const k = saluranDari(String(r.uraian));
      if (k) versiSaluran.push({ kategori: k, versi: V_DATA, jumlah: r.nilai as string | null, asal: `${asal(r)} (bagian ${teks(r.bagian)}${teks(r.butir)})` });
    }
    for (const r of ket) {
      const k = saluranDari(String(r.keterangan));
      if (k) versiSaluran.push({ kategori: k, versi: V_KET, jumlah: r.jumlah as string | null, asal: `${asal(r)} (isian ${teks(r.kode_isian)})` });
    }
    const sektorFiles = [...new Set(sektor.map((r) => String(r.source_file)))].join(", ");
    if (sektor.length) {
      const kasus = jumlah(sektor.flatMap((r) => KOLOM_JENIS.map(([, c]) => r[`${c}_kasus`])));
      const pb = jumlah(sektor.flatMap((r) => KOLOM_JENIS.map(([, c]) => r[`${c}_pb`])));
      const anj = jumlah(sektor.flatMap((r) => KOLOM_JENIS.map(([, c]) => r[`${c}_anjuran`])));
      const proses = kasus === null || pb === null || anj === null ? null : jumlah([kasus, `-${pb}`, `-${anj}`]);
      versiSaluran.push(
        { kategori: SALURAN[0]!, versi: V_SEKTOR, jumlah: kasus, asal: `${sektorFiles}: jumlah kolom KASUS keempat jenis` },
        { kategori: SALURAN[1]!, versi: V_SEKTOR, jumlah: pb, asal: `${sektorFiles}: jumlah kolom PB` },
        { kategori: SALURAN[2]!, versi: V_SEKTOR, jumlah: anj, asal: `${sektorFiles}: jumlah kolom ANJURAN` },
        { kategori: SALURAN[3]!, versi: V_SEKTOR, jumlah: proses, asal: `${sektorFiles}: kasus − PB − anjuran (tidak tercetak)` },
      );
    }
    const versiChart = (vs: Versi[], kategori: string[]) => {
      const versi = [V_DATA, V_KET, V_SEKTOR].filter((v) => vs.some((x) => x.versi === v));
      const rows: VersiRow[] = [];
      for (const k of kategori) for (const v of versi) {
        const x = vs.find((y) => y.kategori === k && y.versi === v);
        rows.push({ kategori: k, versi: v, jumlah: x ? nilai(x.jumlah) : null, asal: x?.asal ?? null });
      }
      return { rows, versi };
    };
    const URUT_VERSI = [V_DATA, V_KET, V_SEKTOR];
    const tabelVersi = (vs: Versi[], kategori: string[]) =>
      tabel(
        doc,
        [
          { judul: "Ukuran", isi: (v: Versi) => v.kategori },
          { judul: "Versi", isi: (v: Versi) => v.versi },
          { judul: "Jumlah", isi: (v: Versi) => angka(v.jumlah, 0), angka: true },
          { judul: "Asal (berkas:baris)", isi: (v: Versi) => v.asal },
        ],
        // One measure's versions next to each other.
        [...vs].sort((a, b) => kategori.indexOf(a.kategori) - kategori.indexOf(b.kategori) || URUT_VERSI.indexOf(a.versi) - URUT_VERSI.indexOf(b.versi)),
      );

    versiSaluran.splice(0, versiSaluran.length, ...pilihVersi(versiSaluran));
    const sal = bagian(doc, "Jalur penyelesaian: versi berdampingan");
    if (versiSaluran.length) {
      const { rows, versi } = versiChart(versiSaluran, SALURAN);
      sal.append(
        gambar(
          doc,
          versiBerdampingan(rows, SALURAN, versi),
          `Kasus masuk dan jalur penyelesaian ${tahun} menurut tiga dokumen`,
          `${sumber(["marts.hi_data_sheet (bagian 7)", "marts.hi_keterangan", "marts.hi_per_sektor"], [...lembar, ...ket, ...sektor].map((r) => r.source_file))}. "tidak ada": dokumen tidak menyatakan angka ini.`,
        ),
        tabelVersi(versiSaluran, SALURAN),
      );
    } else sal.append(belumTersedia(doc, "jalur penyelesaian"));
    root.append(sal);

    // --- Dispute type: data sheet section 6 vs the per-sector totals.
    const versiJenis: Versi[] = [];
    for (const r of lembar.filter((r) => /perselisihan hubungan industrial/i.test(String(r.bagian_judul)))) {
      const k = jenisDari(String(r.uraian));
      if (k) versiJenis.push({ kategori: k, versi: V_DATA, jumlah: r.nilai as string | null, asal: `${asal(r)} (bagian ${teks(r.bagian)}${teks(r.butir)})` });
    }
    for (const [k, c] of KOLOM_JENIS) {
      if (sektor.length) versiJenis.push({ kategori: k, versi: V_SEKTOR, jumlah: jumlah(sektor.map((r) => r[`${c}_kasus`])), asal: `${sektorFiles}: jumlah kolom ${k.toUpperCase()} / KASUS` });
    }
    versiJenis.splice(0, versiJenis.length, ...pilihVersi(versiJenis));
    const jen = bagian(doc, "Jenis perselisihan: versi berdampingan");
    if (versiJenis.length) {
      const { rows, versi } = versiChart(versiJenis, JENIS_PERSELISIHAN);
      jen.append(
        gambar(
          doc,
          versiBerdampingan(rows, JENIS_PERSELISIHAN, versi),
          `Kasus menurut jenis perselisihan ${tahun}`,
          `${sumber(["marts.hi_data_sheet (bagian 6)", "marts.hi_per_sektor"], [...lembar, ...sektor].map((r) => r.source_file))}.`,
        ),
        tabelVersi(versiJenis, JENIS_PERSELISIHAN),
      );
    } else jen.append(belumTersedia(doc, "jenis perselisihan"));
    root.append(jen);

    // --- Sector.
    const sek = bagian(doc, "Menurut sektor usaha");
    if (sektor.length) {
      const namaSektor = sektor.map((r) => String(r.sektor));
      const rows: SektorRow[] = sektor.flatMap((r) => KOLOM_JENIS.map(([jenis, c]) => ({ sektor: String(r.sektor), jenis, kasus: nilai(r[`${c}_kasus`]) ?? 0, asal: asalSel(r.source_file, r.source_row, `${c}_kasus`) })));
      sek.append(
        gambar(doc, kasusSektor(rows, namaSektor), `Kasus per sektor usaha ${tahun} menurut jenis perselisihan`, `${sumber(["marts.hi_per_sektor"], sektor.map((r) => r.source_file))}.`),
      );
      sek.append(
        tabel(
          doc,
          [
            { judul: "Sektor", isi: (r: Row) => teks(r.sektor) },
            { judul: "Kasus per sektor (tercetak)", isi: (r: Row) => angka(r.kasus_sektor, 0), angka: true },
            ...KOLOM_JENIS.map(([jenis, c]) => ({ judul: `${jenis}: kasus / PB / anjuran`, isi: (r: Row) => `${angka(r[`${c}_kasus`], 0)} / ${angka(r[`${c}_pb`], 0)} / ${angka(r[`${c}_anjuran`], 0)}`, angka: true })),
            { judul: "Baris sumber", isi: (r: Row) => asal(r) },
          ],
          sektor,
        ),
      );
    } else sek.append(belumTersedia(doc, "perselisihan per sektor"));
    const phk = lembar.filter((r) => /sektor usaha/i.test(String(r.bagian_judul)));
    if (phk.length) {
      sek.append(el(doc, "p", { class: "catatan" }, "Lembar data HI bagian 8 memakai pengelompokan sektor lain (satuan: perusahaan):"));
      sek.append(
        tabel(
          doc,
          [
            { judul: "Sektor (lembar data)", isi: (r: Row) => teks(r.uraian) },
            { judul: "Jumlah", isi: (r: Row) => angka(r.nilai, 0), angka: true },
            { judul: "Satuan", isi: (r: Row) => teks(r.satuan) },
            { judul: "Baris sumber", isi: (r: Row) => asal(r) },
          ],
          phk,
        ),
      );
    }
    root.append(sek);

    // --- Kecamatan.
    const kc = bagian(doc, "Menurut kecamatan");
    if (kec.length) {
      kc.append(
        gambar(
          doc,
          kasusKecamatan(kec.map((r) => ({ kecamatan: String(r.kecamatan ?? "–"), kasus: nilai(r.kasus) ?? 0, karyawan: nilai(r.karyawan), asal: asalSel(r.source_file, r.source_row, "kasus") }))),
          `Kasus perselisihan per kecamatan ${tahun}`,
          `${sumber(["marts.hi_per_kecamatan"], kec.map((r) => r.source_file))}. Jumlah: ${angka(jumlah(kec.map((r) => r.kasus)), 0)} kasus.`,
        ),
        tabel(
          doc,
          [
            { judul: "Kecamatan", isi: (r: Row) => teks(r.kecamatan) },
            { judul: "Kasus", isi: (r: Row) => angka(r.kasus, 0), angka: true },
            { judul: "Karyawan", isi: (r: Row) => angka(r.karyawan, 0), angka: true },
            { judul: "L", isi: (r: Row) => angka(r.karyawan_l, 0), angka: true },
            { judul: "P", isi: (r: Row) => angka(r.karyawan_p, 0), angka: true },
            { judul: "Baris sumber", isi: (r: Row) => asal(r) },
          ],
          kec,
        ),
      );
    } else kc.append(belumTersedia(doc, "perselisihan per kecamatan"));
    root.append(kc);
  },
};
