/**
 * Rekonsiliasi: the counts (recon.ringkasan, the CLI's own line), the worklist of masalah in the
 * reconciliation step's rank (recon.masalah) with filters, each expanding to its consequences
 * (recon.akibat) and cells (recon.sel) (notebooks/masalah-view.ts), and the spread of findings.
 * The recon tables are built by another step: when they are absent the page says so.
 */
import { LABEL_KEPARAHAN } from "./charts/common.js";
import { temuanPer, type TemuanHitung } from "./charts/temuan.js";
import { ringkasanTeks, type RingkasanBaris } from "../pipelines/reconcile/ringkasan.js";
import { renderMasalah, PER_HALAMAN, SEMUA, type MasalahBaris } from "./masalah-view.js";
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
  teks,
  untukWilayah,
  widget,
  type Row,
} from "./site.js";

const KOLOM_MASALAH = {
  peringkat: "bulat", masalah_id: "teks", keparahan: "teks", keparahan_label: "teks", status: "teks", lingkup: "teks", sebab_label: "teks",
  judul: "teks", tindakan: "teks", alasan_peringkat: "teks", tabel: "teks", keluarga_sumber: "teks", kode_wilayah: "teks", tahun: "bulat",
  resolusi_alasan: "teks", akibat: "teks", sel: "teks",
} as const;

const URUTAN_KEPARAHAN = ["error", "warning", "rounding"];

/**
 * A finding's table in the document's own terms ("LKjIP 2024, Tabel 3.16", "LKjIP 2024, Lampiran C"):
 * a source file is named by its catalogue reference (recon.dokumen), and a check's "LKjIP Tabel x"
 * by the reference of the report file its conflicting cells come from; anything else as the check
 * named it. `t` is a recon.temuan row.
 */
const LABEL_TABEL = `coalesce(
  (select min(d.rujukan) from recon.dokumen d where d.source_file = t.tabel and d.rujukan <> '-'),
  (select min(d.rujukan) from recon.dokumen d
    where starts_with(t.tabel, 'LKjIP ') and suffix(d.rujukan, ', ' || substr(t.tabel, 7))
      and (list_contains(list_transform(t.nilai_konflik, x -> x.source_file), d.source_file) or d.source_file = t.lokasi_sel.source_file)),
  t.tabel)`;

function hitung(rows: Row[], kategori: (r: Row) => string): TemuanHitung[] {
  const m = new Map<string, TemuanHitung>();
  for (const r of rows) {
    const k = kategori(r);
    const key = `${k}|${r.keparahan}|${r.status}`;
    const cur = m.get(key) ?? { kategori: k, keparahan: String(r.keparahan), status: String(r.status), n: 0 };
    cur.n += 1;
    m.set(key, cur);
  }
  return [...m.values()];
}

export default definePage({
  menu: "Rekonsiliasi",
  queries: {
    temuan: {
      sql: `select t.*, ${LABEL_TABEL} as tabel_label from recon.temuan t order by kode_wilayah, tahun, tabel, check_id, temuan_id`,
      requires: ["recon.temuan"],
    },
    // The counts, computed once by the check step (the CLI and reconciliation.* show the same).
    ringkasan: {
      sql: `select * from recon.ringkasan where status in ('terbuka', 'diselesaikan', 'semua') order by all`,
      requires: ["recon.ringkasan"],
    },
    // The worklist in the step's rank. Table and source family are the masalah's findings' tables (in
    // the document's terms, "; "-joined: a reference has commas) and the first folder of its cells' files; consequences and cells travel as JSON per masalah.
    masalah: {
      sql: `select m.peringkat::integer as peringkat, m.masalah_id, m.keparahan, m.keparahan_label, m.status, m.lingkup, m.sebab_label,
                   m.judul, m.tindakan, m.alasan_peringkat, m.kode_wilayah, m.tahun::integer as tahun, m.resolusi_alasan,
                   coalesce((select string_agg(l, '; ' order by l) from (select distinct ${LABEL_TABEL} as l from recon.temuan t where t.masalah_id = m.masalah_id)), '–') as tabel,
                   coalesce((select string_agg(distinct split_part(c.source_file, '/', 1), ', ' order by split_part(c.source_file, '/', 1))
                             from recon.sel c where c.masalah_id = m.masalah_id), '–') as keluarga_sumber,
                   coalesce((select to_json(list({rujukan: a.rujukan, label_baris: a.label_baris, source_column: a.source_column,
                                                   teks_tercetak: a.teks_tercetak, nilai_seharusnya: a.nilai_seharusnya::varchar,
                                                   source_file: a.source_file, source_row: a.source_row} order by a.source_file, a.source_row))::varchar
                             from recon.akibat a where a.masalah_id = m.masalah_id), '[]') as akibat,
                   coalesce((select to_json(list({peran: c.peran, nilai: c.nilai::varchar, teks: c.teks, source_file: c.source_file,
                                                   source_sheet: c.source_sheet, source_row: c.source_row, source_column: c.source_column,
                                                   rujukan: c.rujukan} order by c.source_file, c.source_row, c.source_column))::varchar
                             from recon.sel c where c.masalah_id = m.masalah_id), '[]') as sel
            from recon.masalah m order by m.peringkat`,
      requires: ["recon.masalah", "recon.akibat", "recon.sel"],
    },
  },

  berkas(data) {
    return { daftar_kerja: { rows: data.masalah ?? [], kolom: KOLOM_MASALAH } };
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
          const label = (t: unknown) => LABEL_KEPARAHAN[String(t)] ?? teks(t);

          const hitungan = (keparahan: string, status: string, lingkup = "kerja") =>
            Number((data.ringkasan ?? []).find((r) => r.kode_wilayah === utama && r.lingkup === lingkup && r.keparahan === keparahan && r.status === status)?.jumlah_masalah ?? 0);
          const kartu = el(doc, "div", { class: "kartu" });
          for (const t of URUTAN_KEPARAHAN) {
            kartu.appendChild(el(doc, "div", null, el(doc, "div", null, `${label(t)}: masalah terbuka`), el(doc, "div", { class: `besar keparahan-${t}` }, angka(hitungan(t, "terbuka"), 0))));
          }
          kartu.appendChild(el(doc, "div", null, el(doc, "div", null, "Masalah diselesaikan"), el(doc, "div", { class: "besar" }, angka(hitungan("semua", "diselesaikan"), 0))));
          kartu.appendChild(el(doc, "div", null, el(doc, "div", null, `Konteks (kutipan tentang ${site.namaWilayah(utama)})`), el(doc, "div", { class: "besar" }, angka(hitungan("semua", "semua", "konteks"), 0))));
          main.appendChild(kartu);
          if (data.ringkasan)
            main.appendChild(
              el(
                doc,
                "p",
                { class: "ringkasan", "data-bagian": "hitungan" },
                `Seluruh gudang data (sama dengan baris langkah check): ${ringkasanTeks(data.ringkasan.map((r) => ({ ...r, jumlah_masalah: Number(r.jumlah_masalah), jumlah_temuan: Number(r.jumlah_temuan) }) as unknown as RingkasanBaris))}.`,
              ),
            );
          if (data.masalah) {
            const daftar = data.masalah as unknown as MasalahBaris[];
            const awal = { keparahan: SEMUA, status: SEMUA, tabel: SEMUA, keluarga: SEMUA, cari: "", n: PER_HALAMAN };
            main.appendChild(
              bagian(
                doc,
                "Daftar kerja: masalah menurut peringkat",
                paragraf(doc, "Urutan dan peringkat dari langkah rekonsiliasi (recon.masalah). Buka satu masalah untuk melihat tindakan, akibatnya pada tabel dan narasi LKjIP, dan sel-sel yang bertentangan (berkas, sheet, baris, kolom)."),
                widget(doc, "masalah", "data/daftar_kerja.arrow", {}, (root) => renderMasalah(doc, root, daftar, awal)),
              ),
            );
          } else main.appendChild(belumTersedia(doc, "daftar masalah (recon.masalah)"));
          if (!semua.length) {
            main.appendChild(paragraf(doc, "Tidak ada temuan."));
            return;
          }

          const src = sumber(["recon.temuan"]);
          main.appendChild(
            bagian(
              doc,
              "Sebaran temuan",
              gambar(doc, temuanPer(hitung(semua, (r) => label(r.keparahan)), { label: "Keparahan" }), "Temuan menurut keparahan (pucat: sudah diselesaikan)", `${src}.`),
              gambar(doc, temuanPer(hitung(semua, (r) => teks(r.tabel_label ?? r.tabel)), { label: "Tabel" }), "Temuan menurut tabel LKjIP atau sumber", `${src}.`),
              gambar(doc, temuanPer(hitung(semua, (r) => teks(r.check_id)), { label: "Pemeriksaan" }), "Temuan menurut pemeriksaan (check)", `${src}.`),
            ),
          );

        },
      },
    ];
  },
});
