/**
 * Anggaran: pagu vs realisasi per program over the years, the APBD -> APBD-P change as each
 * document states it, absorption against the IKU achievement (Tabel 3.20), and weighted physical
 * against financial progress (Lampiran C).
 */
import { fisikKeuangan, paguRealisasi, perubahanApbd, serapanCapaian, type PaguRow, type PerubahanRow, type ProgresRow, type SerapanRow } from "./charts/anggaran.js";
import {
  angka,
  bagian,
  belumTersedia,
  definePage,
  el,
  gambar,
  nilai,
  paragraf,
  persen,
  pilihWilayah,
  rupiah,
  sumber,
  tabel,
  teks,
  untukWilayah,
  type Row,
} from "./site.js";

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

export default definePage({
  menu: "Anggaran",
  queries: {
    realisasi: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, pagu, realisasi, sisa,
                   persentase_realisasi, sumber, source_file
            from marts.anggaran_realisasi_program order by kode_wilayah, tahun, urutan`,
    },
    perubahan: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, sebelum, sesudah, bertambah_berkurang,
                   sebelum_lampiran_c, sesudah_lampiran_c, bertambah_berkurang_lampiran_c, anggaran_lampiran_b,
                   selisih_bertambah_berkurang, persentase_perubahan_lampiran_c, source_file
            from marts.anggaran_perubahan order by kode_wilayah, tahun, urutan`,
    },
    efisiensi: {
      sql: `select kode_wilayah, tahun, urutan, kode_iku, indikator, kode_program, program, capaian_kinerja_sasaran,
                   pagu, realisasi, persentase_realisasi_anggaran, efisiensi_100_kurang_anggaran,
                   efisiensi_capaian_kurang_anggaran, ket, source_file
            from marts.tabel_3_20 order by kode_wilayah, tahun, urutan`,
    },
    // Year over year per program and the total: pagu and realisasi against the previous year.
    tahunan: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, program, pagu, realisasi, pagu_tahun_lalu, selisih_pagu,
                   selisih_pagu_persen, realisasi_tahun_lalu, selisih_realisasi, selisih_realisasi_persen, source_file
            from marts.anggaran_tahunan order by kode_wilayah, tahun desc, urutan`,
      requires: ["marts.anggaran_tahunan"],
    },
    lampiranC: {
      sql: `select kode_wilayah, tahun, urutan, jenis_baris, kode_program, uraian, pagu, realisasi, bobot, bobot_eksak,
                   tertimbang_fisik, tertimbang_keu, tertimbang_fisik_eksak, tertimbang_keu_eksak,
                   progres_fisik, progres_keu, tertimbang_fisik_tercetak, tertimbang_keu_tercetak, source_file
            from marts.lampiran_c_total order by kode_wilayah, tahun, urutan`,
    },
  },

  pages(data, site) {
    const { utama, lain } = pilihWilayah(data.realisasi, site);
    const nama = site.namaWilayah(utama);
    const realisasi = untukWilayah(data.realisasi, utama);
    const perubahan = untukWilayah(data.perubahan, utama);
    const efisiensi = untukWilayah(data.efisiensi, utama);
    const lampiranC = untukWilayah(data.lampiranC, utama);
    const nama_ = namaProgram([...lampiranC, ...perubahan, ...realisasi]);
    const label = (r: Row) => nama_.get(String(r.kode_program)) ?? judulKata(String(r.program ?? r.uraian ?? r.kode_program));
    const tahunList = [...new Set(realisasi.map((r) => Number(r.tahun)))].sort();

    return [
      {
        file: "anggaran.html",
        title: `Anggaran ${tahunList.join(" dan ")} · ${nama}`,
        build(doc, main) {
          main.append(paragraf(doc, "Pagu dan realisasi anggaran per program, perubahan APBD ke APBD-P, serapan anggaran dibanding capaian kinerja, serta progres fisik dibanding keuangan."));
          if (lain.length) main.append(el(doc, "p", { class: "catatan" }, `Wilayah lain dalam data: ${lain.map((k) => site.namaWilayah(k)).join(", ")}.`));

          // --- Year over year.
          const tahunan = untukWilayah(data.tahunan, utama);
          if (tahunan.length) {
            const ubah = (v: unknown, p: unknown) => (v === null || v === undefined ? "–" : `${rupiah(v)} (${p === null || p === undefined ? "–" : persen(p)})`);
            main.append(
              bagian(
                doc,
                "Perubahan dari tahun sebelumnya, per program",
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
          const s1 = bagian(doc, `Pagu dan realisasi per program, ${tahunList.join(" dan ")}`);
          if (prog.length) {
            const program = [...new Set(prog.map(label))];
            const rows: PaguRow[] = prog
              .filter((r) => nilai(r.pagu) !== null && nilai(r.realisasi) !== null)
              .map((r) => ({ program: label(r), tahun: String(r.tahun), pagu: nilai(r.pagu)!, realisasi: nilai(r.realisasi)!, label: persen(r.persentase_realisasi) }));
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
          main.append(s1);

          // --- APBD -> APBD-P.
          const s2 = bagian(doc, "Perubahan APBD ke APBD-P");
          const perProg = perubahan.filter((r) => r.jenis_baris === "program");
          if (perProg.length) {
            const th = Math.max(...perProg.map((r) => Number(r.tahun)));
            const pp = perProg.filter((r) => Number(r.tahun) === th);
            const program = [...new Set(pp.map(label))];
            const versi = ["Tabel 2.9", "Lampiran C"];
            const rows: PerubahanRow[] = pp.flatMap((r) => [
              { program: label(r), versi: versi[0]!, nilai: nilai(r.bertambah_berkurang) },
              { program: label(r), versi: versi[1]!, nilai: nilai(r.bertambah_berkurang_lampiran_c) },
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
          } else s2.append(belumTersedia(doc, "perubahan anggaran"));
          main.append(s2);

          // --- Absorption vs capaian (Tabel 3.20).
          const s3 = bagian(doc, "Serapan anggaran dan capaian kinerja (efisiensi, Tabel 3.20)");
          if (efisiensi.length) {
            const rows: SerapanRow[] = efisiensi
              .filter((r) => nilai(r.persentase_realisasi_anggaran) !== null && nilai(r.capaian_kinerja_sasaran) !== null)
              .map((r) => ({
                program: label(r),
                serapan: nilai(r.persentase_realisasi_anggaran)!,
                capaian: nilai(r.capaian_kinerja_sasaran)!,
                label: `Serapan ${persen(r.persentase_realisasi_anggaran)}, capaian ${persen(r.capaian_kinerja_sasaran)}`,
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
          } else s3.append(belumTersedia(doc, "efisiensi (marts.tabel_3_20)"));
          main.append(s3);

          // --- Physical vs financial progress (Lampiran C).
          const s4 = bagian(doc, "Progres fisik dan keuangan (Lampiran C)");
          const lc = lampiranC.filter((r) => r.jenis_baris === "program");
          if (lc.length) {
            const th = Math.max(...lc.map((r) => Number(r.tahun)));
            const pr = lc.filter((r) => Number(r.tahun) === th);
            const program = [...new Set(pr.map(label))];
            const rows: ProgresRow[] = pr.flatMap((r) => [
              ...(nilai(r.progres_fisik) === null ? [] : [{ program: label(r), jenis: "Fisik", persen: nilai(r.progres_fisik)!, label: persen(r.progres_fisik) }]),
              ...(nilai(r.progres_keu) === null ? [] : [{ program: label(r), jenis: "Keuangan", persen: nilai(r.progres_keu)!, label: persen(r.progres_keu) }]),
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
          } else s4.append(belumTersedia(doc, "Lampiran C"));
          main.append(s4);
        },
      },
    ];
  },
});
