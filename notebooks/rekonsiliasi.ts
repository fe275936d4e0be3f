/**
 * Rekonsiliasi: the findings of the check step (recon.temuan) by severity, table and check, each with
 * its values and provenance; resolved ones with the recorded reason. recon.temuan is built by another
 * step: when it is absent the page says so.
 */
import { LABEL_TINGKAT } from "./charts/common.js";
import { temuanPer, type TemuanHitung } from "./charts/temuan.js";
import {
  angka,
  bagian,
  belumTersedia,
  definePage,
  el,
  gambar,
  paragraf,
  pilihWilayah,
  sumber,
  tabel,
  teks,
  untukWilayah,
  type Row,
} from "./site.js";

const URUTAN_TINGKAT = ["error", "warning", "rounding"];

function hitung(rows: Row[], kategori: (r: Row) => string): TemuanHitung[] {
  const m = new Map<string, TemuanHitung>();
  for (const r of rows) {
    const k = kategori(r);
    const key = `${k}|${r.tingkat}|${r.status}`;
    const cur = m.get(key) ?? { kategori: k, tingkat: String(r.tingkat), status: String(r.status), n: 0 };
    cur.n += 1;
    m.set(key, cur);
  }
  return [...m.values()];
}

function konflik(r: Row): Row[] {
  const v = r.nilai_konflik;
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === "object") as Row[]) : [];
}

export default definePage({
  menu: "Rekonsiliasi",
  queries: {
    temuan: {
      sql: `select * from recon.temuan order by kode_wilayah, tahun, tabel, check_id, temuan_id`,
      requires: ["recon.temuan"],
    },
    // The counts, computed once by the check step (the CLI and reconciliation.* show the same).
    ringkasan: {
      sql: `select * from recon.ringkasan where status in ('terbuka', 'diselesaikan', 'semua') order by all`,
      requires: ["recon.ringkasan"],
    },
    masalah: {
      sql: `select * from recon.masalah order by peringkat`,
      requires: ["recon.masalah"],
    },
  },

  pages(data, site) {
    const { utama, lain } = pilihWilayah(data.temuan, site);
    const nama = site.namaWilayah(utama);
    return [
      {
        file: "rekonsiliasi.html",
        title: `Rekonsiliasi angka · ${nama}`,
        build(doc, main) {
          main.appendChild(
            paragraf(doc, "Temuan pemeriksaan silang: angka yang bertentangan antar tabel dan sumber, dengan nilai masing-masing dan asal-usulnya (berkas, sheet, baris, kolom). Temuan yang sudah diselesaikan dicantumkan beserta alasannya."),
          );
          if (data.temuan === null) {
            main.appendChild(belumTersedia(doc, "temuan rekonsiliasi (recon.temuan; langkah check belum dijalankan)"));
            return;
          }
          if (lain.length) main.appendChild(el(doc, "p", { class: "catatan" }, `Wilayah lain dalam data: ${lain.map((k) => site.namaWilayah(k)).join(", ")}.`));
          const semua = untukWilayah(data.temuan, utama);
          const terbuka = semua.filter((r) => r.status !== "diselesaikan");
          const selesai = semua.filter((r) => r.status === "diselesaikan");
          const label = (t: unknown) => LABEL_TINGKAT[String(t)] ?? teks(t);

          const hitungan = (tingkat: string, status: string, lingkup = "kerja") =>
            Number((data.ringkasan ?? []).find((r) => r.kode_wilayah === utama && r.lingkup === lingkup && r.tingkat === tingkat && r.status === status)?.jumlah_masalah ?? 0);
          const kartu = el(doc, "div", { class: "kartu" });
          for (const t of URUTAN_TINGKAT) {
            kartu.appendChild(el(doc, "div", null, el(doc, "div", null, `${label(t)}: masalah terbuka`), el(doc, "div", { class: `besar tingkat-${t}` }, angka(hitungan(t, "terbuka"), 0))));
          }
          kartu.appendChild(el(doc, "div", null, el(doc, "div", null, "Masalah diselesaikan"), el(doc, "div", { class: "besar" }, angka(hitungan("semua", "diselesaikan"), 0))));
          kartu.appendChild(el(doc, "div", null, el(doc, "div", null, "Konteks (kutipan, wilayah lain)"), el(doc, "div", { class: "besar" }, angka(hitungan("semua", "semua", "konteks"), 0))));
          main.appendChild(kartu);
          const masalah = untukWilayah(data.masalah, utama).filter((m) => m.lingkup === "kerja" && m.tingkat !== "rounding");
          if (masalah.length)
            main.appendChild(
              bagian(
                doc,
                "Daftar kerja: masalah menurut dampak",
                tabel(
                  doc,
                  [
                    { judul: "Peringkat", isi: (x: Row) => angka(x.peringkat, 0), angka: true },
                    { judul: "Tingkat", isi: (x: Row) => teks(x.tingkat_label) },
                    { judul: "Status", isi: (x: Row) => teks(x.status) },
                    { judul: "Sebab", isi: (x: Row) => teks(x.sebab_label) },
                    { judul: "Masalah", isi: (x: Row) => teks(x.judul) },
                    { judul: "Yang harus dilakukan", isi: (x: Row) => teks(x.tindakan) },
                    { judul: "Alasan peringkat", isi: (x: Row) => teks(x.alasan_peringkat) },
                  ],
                  masalah,
                ),
              ),
            );
          if (!semua.length) {
            main.appendChild(paragraf(doc, "Tidak ada temuan."));
            return;
          }

          const src = sumber(["recon.temuan"]);
          main.appendChild(
            bagian(
              doc,
              "Sebaran temuan",
              gambar(doc, temuanPer(hitung(semua, (r) => label(r.tingkat)), { label: "Tingkat" }), "Temuan menurut tingkat (pucat: sudah diselesaikan)", `${src}.`),
              gambar(doc, temuanPer(hitung(semua, (r) => teks(r.tabel)), { label: "Tabel" }), "Temuan menurut tabel atau berkas", `${src}.`),
              gambar(doc, temuanPer(hitung(semua, (r) => teks(r.check_id)), { label: "Pemeriksaan" }), "Temuan menurut pemeriksaan (check)", `${src}.`),
            ),
          );

          const rincian = (r: Row): HTMLElement => {
            const d = el(doc, "details");
            d.appendChild(
              el(doc, "summary", null, el(doc, "span", { class: `tingkat-${String(r.tingkat)}` }, `[${label(r.tingkat)}]`), ` ${teks(r.tabel)} · ${teks(r.check_id)}: ${teks(r.penjelasan)}`),
            );
            d.appendChild(
              tabel(
                doc,
                [
                  { judul: "ID", isi: (x: Row) => teks(x.temuan_id) },
                  { judul: "Tahun", isi: (x: Row) => teks(x.tahun) },
                  { judul: "Indikator", isi: (x: Row) => teks(x.kunci_indikator ?? x.keluarga) },
                  { judul: "Nilai diharapkan", isi: (x: Row) => angka(x.nilai_diharapkan, 6), angka: true },
                  { judul: "Nilai aktual", isi: (x: Row) => angka(x.nilai_aktual, 6), angka: true },
                  { judul: "Selisih", isi: (x: Row) => angka(x.selisih, 6), angka: true },
                  { judul: "Selisih relatif", isi: (x: Row) => angka(x.selisih_relatif, 6), angka: true },
                  { judul: "Status", isi: (x: Row) => teks(x.status) },
                  ...(r.status === "diselesaikan" ? [{ judul: "Alasan penyelesaian", isi: (x: Row) => teks(x.resolusi_alasan) }] : []),
                ],
                [r],
              ),
            );
            const k = konflik(r);
            if (k.length)
              d.appendChild(
                tabel(
                  doc,
                  [
                    { judul: "Peran", isi: (x: Row) => teks(x.peran) },
                    { judul: "Nilai", isi: (x: Row) => angka(x.nilai, 6), angka: true },
                    { judul: "Teks tercetak", isi: (x: Row) => teks(x.teks) },
                    { judul: "Berkas", isi: (x: Row) => teks(x.source_file) },
                    { judul: "Sheet", isi: (x: Row) => teks(x.source_sheet) },
                    { judul: "Baris", isi: (x: Row) => teks(x.source_row) },
                    { judul: "Kolom", isi: (x: Row) => teks(x.source_column) },
                    { judul: "Rujukan LKjIP", isi: (x: Row) => teks(x.rujukan) },
                  ],
                  k,
                  "Nilai yang bertentangan dan asal-usulnya",
                ),
              );
            return d;
          };

          const daftarTerbuka = bagian(doc, `Temuan terbuka (${angka(terbuka.length, 0)})`);
          for (const t of [...URUTAN_TINGKAT, ...new Set(terbuka.map((r) => String(r.tingkat)).filter((x) => !URUTAN_TINGKAT.includes(x)))]) {
            const rows = terbuka.filter((r) => r.tingkat === t);
            if (!rows.length) continue;
            daftarTerbuka.appendChild(el(doc, "h3", null, `${label(t)} (${angka(rows.length, 0)})`));
            for (const r of rows) daftarTerbuka.appendChild(rincian(r));
          }
          main.appendChild(daftarTerbuka);

          const daftarSelesai = bagian(doc, `Temuan yang diselesaikan (${angka(selesai.length, 0)})`);
          if (!selesai.length) daftarSelesai.appendChild(paragraf(doc, "Belum ada temuan yang diselesaikan."));
          else
            daftarSelesai.appendChild(
              tabel(
                doc,
                [
                  { judul: "Tingkat", isi: (x: Row) => label(x.tingkat) },
                  { judul: "Tabel", isi: (x: Row) => teks(x.tabel) },
                  { judul: "Pemeriksaan", isi: (x: Row) => teks(x.check_id) },
                  { judul: "Penjelasan", isi: (x: Row) => teks(x.penjelasan) },
                  { judul: "Alasan penyelesaian", isi: (x: Row) => teks(x.resolusi_alasan) },
                ],
                selesai,
              ),
            );
          for (const r of selesai) daftarSelesai.appendChild(rincian(r));
          main.appendChild(daftarSelesai);
        },
      },
    ];
  },
});
