/**
 * Anggaran as a view: for a chosen region, year and program, the change in pagu and realisasi from the
 * previous year (marts.anggaran_tahunan), pagu against realisasi over every year, the APBD -> APBD-P
 * change as each document states it, absorption against the IKU achievement (Tabel 3.20), and
 * weighted physical against financial progress (Lampiran C).
 */
import { asalSel } from "./charts/common.js";
import { angka, nilai, persen, rupiah, teks } from "./angka.js";
import { fisikKeuangan, paguRealisasi, perubahanApbd, serapanCapaian, type PaguRow, type PerubahanRow, type ProgresRow, type SerapanRow } from "./charts/anggaran.js";
import { bagian, belumTersedia, el, gambar, paragraf, sumber, tabel } from "./dom.js";
import { kontrol, namaWilayah, opsiTahun, opsiWilayah, pilihan, salahSatu, SEMUA, tahunDari, urutWilayah, type Baris as Row, type DataTampilan, type Tampilan, type Wilayah } from "./tampilan.js";

export type AnggaranKeadaan = { wilayah: string; tahun: number | null; program: string };
export interface AnggaranKonfig extends Wilayah {
  utama: string | null;
}

const DATA = ["realisasi", "perubahan", "efisiensi", "tahunan", "lampiranC"] as const;
const semuaBaris = (data: DataTampilan) => DATA.flatMap((d) => data[d] ?? []);

/** Program names differ in spelling between tables and years: the label of a code is its latest spelling, title-cased. */
function namaProgram(rows: Row[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of [...rows].sort((a, b) => Number(a.tahun) - Number(b.tahun))) {
    const kode = r.kode_program as string | null;
    const nama = (r.program ?? r.uraian) as string | null;
    if (kode && nama) m.set(kode, judulKata(nama));
  }
  return m;
}

function judulKata(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  // Lampiran C prints names in capitals; the other tables in title case.
  return t === t.toUpperCase() ? t.toLowerCase().replace(/(^|\s|\/)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : t;
}

export const TAMPILAN_ANGGARAN: Tampilan<AnggaranKeadaan, AnggaranKonfig> = {
  masukan: ["wilayah", "tahun", "program"],
  rapikan(data, k, konfig) {
    const ada = urutWilayah(semuaBaris(data).map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, ada, ada.includes(konfig.utama ?? "") ? konfig.utama! : (ada[0] ?? ""));
    const milik = semuaBaris(data).filter((r) => r.kode_wilayah === wilayah);
    const tahunAda = tahunDari(milik);
    const tahun = salahSatu(Number(k.tahun), tahunAda, tahunAda.at(-1) ?? 0) || null;
    const program = salahSatu(k.program, [SEMUA, ...new Set(milik.map((r) => r.kode_program).filter((x): x is string => typeof x === "string"))], SEMUA);
    return { wilayah, tahun, program };
  },
  render(doc, root, data, k, konfig) {
    root.replaceChildren();
    const milik = (rows: Row[] | undefined) => (rows ?? []).filter((r) => r.kode_wilayah === k.wilayah);
    // A program keeps its rows; "semua" keeps every program and the totals.
    const pilihProgram = (rows: Row[]) => (k.program === SEMUA ? rows : rows.filter((r) => r.kode_program === k.program));
    const realisasi = pilihProgram(milik(data.realisasi));
    const perubahan = pilihProgram(milik(data.perubahan));
    const efisiensi = pilihProgram(milik(data.efisiensi)).filter((r) => Number(r.tahun) === k.tahun);
    const lampiranC = pilihProgram(milik(data.lampiranC));
    const semuaMilik = DATA.flatMap((d) => milik(data[d]));
    const nama_ = namaProgram(semuaMilik);
    const label = (r: Row) => nama_.get(String(r.kode_program)) ?? judulKata(String(r.program ?? r.uraian ?? r.kode_program));
    const tahunList = [...new Set(realisasi.map((r) => Number(r.tahun)))].sort();
    root.append(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", k.wilayah, opsiWilayah(konfig, urutWilayah(semuaBaris(data).map((r) => r.kode_wilayah)))),
        pilihan(doc, "tahun", "Tahun", k.tahun, opsiTahun(tahunDari(semuaMilik))),
        pilihan(doc, "program", "Program", k.program, [[SEMUA, "Semua program"], ...[...nama_].sort((a, b) => a[0].localeCompare(b[0]))]),
      ),
    );
    if (!semuaMilik.length) {
      root.append(belumTersedia(doc, `anggaran ${namaWilayah(konfig, k.wilayah)}`));
      return;
    }
    // --- Year over year.
    const tahunan = pilihProgram(milik(data.tahunan)).filter((r) => Number(r.tahun) === k.tahun);
    if (tahunan.length) {
      const ubah = (v: unknown, p: unknown) => (v === null || v === undefined ? "–" : `${rupiah(v)} (${p === null || p === undefined ? "–" : persen(p)})`);
      root.append(
        bagian(
          doc,
          `Perubahan dari tahun sebelumnya, per program (${k.tahun})`,
          el(doc, "p", { class: "catatan" }, "Dibanding tahun sebelumnya dari program yang sama; tahun tanpa data tahun sebelumnya tidak punya perubahan. Sumber: marts.anggaran_tahunan."),
          tabel(
            doc,
            [
              { judul: "Tahun", isi: (r: Row) => teks(r.tahun), nilai: (r: Row) => Number(r.tahun) },
              { judul: "Program", isi: (r: Row) => (r.jenis_baris === "total" ? "Jumlah" : label(r)) },
              { judul: "Pagu", isi: (r: Row) => rupiah(r.pagu), nilai: (r: Row) => r.pagu as string, angka: true },
              { judul: "Perubahan pagu", isi: (r: Row) => ubah(r.selisih_pagu, r.selisih_pagu_persen), nilai: (r: Row) => r.selisih_pagu as string, angka: true },
              { judul: "Realisasi", isi: (r: Row) => rupiah(r.realisasi), nilai: (r: Row) => r.realisasi as string, angka: true },
              { judul: "Perubahan realisasi", isi: (r: Row) => ubah(r.selisih_realisasi, r.selisih_realisasi_persen), nilai: (r: Row) => r.selisih_realisasi as string, angka: true },
            ],
            tahunan,
            "Pagu dan realisasi per program dan perubahan tahunan",
            "anggaran-tahunan",
          ),
        ),
      );
    }

    // --- Pagu vs realisasi.
    const prog = realisasi.filter((r) => r.jenis_baris === "program");
    const s1 = bagian(doc, `Pagu dan realisasi per program, ${tahunList.join(" dan ")}`, el(doc, "p", { class: "catatan" }, "Semua tahun di gudang data (realisasi dari setiap dokumen), untuk dibandingkan antartahun."));
    if (prog.length) {
      const program = [...new Set(prog.map(label))];
      const rows: PaguRow[] = prog
        .filter((r) => nilai(r.pagu) !== null && nilai(r.realisasi) !== null)
        .map((r) => ({ program: label(r), tahun: String(r.tahun), pagu: nilai(r.pagu)!, realisasi: nilai(r.realisasi)!, label: persen(r.persentase_realisasi), asal: asalSel(r.source_file, r.source_row, "pagu, realisasi") }));
      const total = realisasi.filter((r) => r.jenis_baris === "total");
      s1.append(
        gambar(
          doc,
          paguRealisasi(rows, program),
          "Pagu (batang pucat) dan realisasi (batang penuh) per program",
          `${sumber(["marts.anggaran_realisasi_program (Tabel 3.22, 3.23)"], prog.flatMap((r) => r.source_file as unknown[]))}. Label: persentase realisasi.`,
        ),
        tabel(
          doc,
          [
            { judul: "Tahun", isi: (r: Row) => String(r.tahun) },
            { judul: "Program", isi: (r: Row) => (r.jenis_baris === "total" ? "Jumlah" : label(r)) },
            { judul: "Pagu", isi: (r: Row) => rupiah(r.pagu), angka: true },
            { judul: "Realisasi", isi: (r: Row) => rupiah(r.realisasi), angka: true },
            { judul: "Sisa", isi: (r: Row) => rupiah(r.sisa), angka: true },
            { judul: "% realisasi", isi: (r: Row) => persen(r.persentase_realisasi), angka: true },
            { judul: "Sumber angka", isi: (r: Row) => teks(r.sumber) },
          ],
          [...prog, ...total].sort((a, b) => Number(a.tahun) - Number(b.tahun) || Number(a.urutan) - Number(b.urutan)),
        ),
      );
    } else s1.append(belumTersedia(doc, "realisasi anggaran program"));
    root.append(s1);

    // --- APBD -> APBD-P.
    const s2 = bagian(doc, "Perubahan APBD ke APBD-P");
    const perProg = perubahan.filter((r) => r.jenis_baris === "program" && Number(r.tahun) === k.tahun);
    if (perProg.length) {
      const th = k.tahun;
      const pp = perProg.filter((r) => Number(r.tahun) === th);
      const program = [...new Set(pp.map(label))];
      const versi = ["Tabel 2.9", "Lampiran C"];
      const rows: PerubahanRow[] = pp.flatMap((r) => [
        { program: label(r), versi: versi[0]!, nilai: nilai(r.bertambah_berkurang), asal: asalSel(r.source_file, r.source_row, "bertambah/berkurang") },
        { program: label(r), versi: versi[1]!, nilai: nilai(r.bertambah_berkurang_lampiran_c), asal: asalSel(r.source_file, r.source_row, "bertambah/berkurang Lampiran C") },
      ]);
      s2.append(
        paragraf(doc, `Tahun ${th}. Tabel 2.9 menulis "Rp. -" untuk program yang pagunya tidak berubah; angka itu dibiarkan kosong (tidak dinyatakan), bukan nol.`),
        gambar(
          doc,
          perubahanApbd(rows, program, versi),
          `Bertambah/berkurang APBD-P ${th} per program menurut Tabel 2.9 dan Lampiran C`,
          `${sumber(["marts.anggaran_perubahan (Tabel 2.9, Lampiran C, Lampiran B)"], pp.flatMap((r) => r.source_file as unknown[]))}.`,
        ),
        tabel(
          doc,
          [
            { judul: "Program", isi: (r: Row) => (r.jenis_baris === "total" ? "Jumlah" : label(r)) },
            { judul: "Sebelum (Tabel 2.9)", isi: (r: Row) => rupiah(r.sebelum), angka: true },
            { judul: "Sesudah (Tabel 2.9)", isi: (r: Row) => rupiah(r.sesudah), angka: true },
            { judul: "Bertambah/berkurang (Tabel 2.9)", isi: (r: Row) => rupiah(r.bertambah_berkurang), angka: true },
            { judul: "Sesudah (Lampiran C)", isi: (r: Row) => rupiah(r.sesudah_lampiran_c), angka: true },
            { judul: "Bertambah/berkurang (Lampiran C)", isi: (r: Row) => rupiah(r.bertambah_berkurang_lampiran_c), angka: true },
            { judul: "Selisih", isi: (r: Row) => rupiah(r.selisih_bertambah_berkurang), angka: true },
            { judul: "Perubahan (%)", isi: (r: Row) => persen(r.persentase_perubahan_lampiran_c), angka: true },
          ],
          perubahan.filter((r) => Number(r.tahun) === th),
        ),
      );
    } else s2.append(belumTersedia(doc, `perubahan anggaran ${k.tahun}`));
    root.append(s2);

    // --- Absorption vs capaian (Tabel 3.20).
    const s3 = bagian(doc, `Serapan anggaran dan capaian kinerja ${k.tahun} (efisiensi, Tabel 3.20)`);
    if (efisiensi.length) {
      const rows: SerapanRow[] = efisiensi
        .filter((r) => nilai(r.persentase_realisasi_anggaran) !== null && nilai(r.capaian_kinerja_sasaran) !== null)
        .map((r) => ({
          program: label(r),
          serapan: nilai(r.persentase_realisasi_anggaran)!,
          capaian: nilai(r.capaian_kinerja_sasaran)!,
          label: `Serapan ${persen(r.persentase_realisasi_anggaran)}, capaian ${persen(r.capaian_kinerja_sasaran)}`,
          asal: asalSel(r.source_file, r.source_row, "% realisasi anggaran, capaian kinerja"),
        }));
      s3.append(
        paragraf(doc, "Di atas garis diagonal: capaian kinerja lebih tinggi daripada serapan anggaran. Tabel menampilkan kedua metode efisiensi yang dipakai laporan (100 − % anggaran, dan capaian − % anggaran bila capaian ≥ 100)."),
      );
      if (rows.length)
        s3.append(
          gambar(doc, serapanCapaian(rows), "Serapan anggaran program dan capaian IKU-nya", `${sumber(["marts.tabel_3_20"], efisiensi.flatMap((r) => r.source_file as unknown[]))}.`),
        );
      else s3.append(belumTersedia(doc, "capaian kinerja sasaran untuk Tabel 3.20"));
      s3.append(
        tabel(
          doc,
          [
            { judul: "Program", isi: (r: Row) => label(r) },
            { judul: "IKU", isi: (r: Row) => teks(r.indikator) },
            { judul: "Capaian kinerja", isi: (r: Row) => persen(r.capaian_kinerja_sasaran), angka: true },
            { judul: "% realisasi anggaran", isi: (r: Row) => persen(r.persentase_realisasi_anggaran), angka: true },
            { judul: "Efisiensi (100 − anggaran)", isi: (r: Row) => persen(r.efisiensi_100_kurang_anggaran), angka: true },
            { judul: "Efisiensi (capaian − anggaran)", isi: (r: Row) => persen(r.efisiensi_capaian_kurang_anggaran), angka: true },
            { judul: "Ket", isi: (r: Row) => teks(r.ket) },
          ],
          efisiensi,
        ),
      );
    } else s3.append(belumTersedia(doc, `efisiensi ${k.tahun} (marts.tabel_3_20)`));
    root.append(s3);

    // --- Physical vs financial progress (Lampiran C).
    const s4 = bagian(doc, "Progres fisik dan keuangan (Lampiran C)");
    const lc = lampiranC.filter((r) => r.jenis_baris === "program" && Number(r.tahun) === k.tahun);
    if (lc.length) {
      const th = k.tahun;
      const pr = lc.filter((r) => Number(r.tahun) === th);
      const program = [...new Set(pr.map(label))];
      const rows: ProgresRow[] = pr.flatMap((r) => [
        ...(nilai(r.progres_fisik) === null ? [] : [{ program: label(r), jenis: "Fisik", persen: nilai(r.progres_fisik)!, label: persen(r.progres_fisik), asal: asalSel(r.source_file, r.source_row, "progres fisik") }]),
        ...(nilai(r.progres_keu) === null ? [] : [{ program: label(r), jenis: "Keuangan", persen: nilai(r.progres_keu)!, label: persen(r.progres_keu), asal: asalSel(r.source_file, r.source_row, "progres keuangan") }]),
      ]);
      const total = lampiranC.find((r) => r.jenis_baris === "total" && Number(r.tahun) === th);
      if (total)
        s4.append(
          el(
            doc,
            "div",
            { class: "kartu" },
            el(doc, "div", null, el(doc, "div", null, `Tertimbang fisik ${th}`), el(doc, "div", { class: "besar" }, persen(total.tertimbang_fisik)), el(doc, "div", { class: "catatan" }, `bobot persis: ${persen(total.tertimbang_fisik_eksak)}`)),
            el(doc, "div", null, el(doc, "div", null, `Tertimbang keuangan ${th}`), el(doc, "div", { class: "besar" }, persen(total.tertimbang_keu)), el(doc, "div", { class: "catatan" }, `bobot persis: ${persen(total.tertimbang_keu_eksak)}`)),
          ),
        );
      s4.append(
        gambar(
          doc,
          fisikKeuangan(rows, program),
          `Progres fisik (tertimbang pagu) dan realisasi keuangan per program ${th}`,
          `${sumber(["marts.lampiran_c_total"], pr.flatMap((r) => r.source_file as unknown[]))}.`,
        ),
        tabel(
          doc,
          [
            { judul: "Program", isi: (r: Row) => (r.jenis_baris === "total" ? "Jumlah" : label(r)) },
            { judul: "Pagu", isi: (r: Row) => rupiah(r.pagu), angka: true },
            { judul: "Bobot", isi: (r: Row) => angka(r.bobot), angka: true },
            { judul: "Tertimbang fisik (dihitung)", isi: (r: Row) => angka(r.tertimbang_fisik), angka: true },
            { judul: "Tertimbang fisik (tercetak)", isi: (r: Row) => angka(r.tertimbang_fisik_tercetak), angka: true },
            { judul: "Tertimbang keu. (dihitung)", isi: (r: Row) => angka(r.tertimbang_keu), angka: true },
            { judul: "Tertimbang keu. (tercetak)", isi: (r: Row) => angka(r.tertimbang_keu_tercetak), angka: true },
            { judul: "Progres fisik", isi: (r: Row) => persen(r.progres_fisik), angka: true },
            { judul: "Progres keuangan", isi: (r: Row) => persen(r.progres_keu), angka: true },
          ],
          lampiranC.filter((r) => Number(r.tahun) === th),
        ),
      );
    } else s4.append(belumTersedia(doc, `Lampiran C ${k.tahun}`));
    root.append(s4);
  },
};
