/** Ringkasan (index.html): the IKU of the latest year, coloured by band, and the open findings. */
import { capaianIku, type CapaianRow } from "./charts/capaian.js";
import {
  angka,
  bagian,
  belumTersedia,
  definePage,
  el,
  gambar,
  paragraf,
  persen,
  pilihWilayah,
  sumber,
  tabel,
  teks,
  trenFile,
  untukWilayah,
  nilai,
  type Row,
} from "./site.js";

export default definePage({
  menu: "Ringkasan",
  queries: {
    // The IKU (codes of the IKU manual) in each region's latest year of marts.capaian_indikator.
    iku: {
      sql: `
        with manual as (select distinct kode_wilayah, kode_iku from marts.manual_iku),
        terakhir as (select kode_wilayah, max(tahun) as tahun from marts.capaian_indikator group by kode_wilayah)
        select c.kode_wilayah, c.tahun, c.kunci_indikator, c.urutan_pk, c.indikator, c.satuan, c.arah,
               c.target, c.target_teks, c.realisasi, c.sumber_realisasi, c.capaian, c.capaian_tampil,
               c.kriteria, c.warna_kriteria, c.target_source_file, c.realisasi_klaim_source_file
        from marts.capaian_indikator c
        join terakhir t on t.kode_wilayah = c.kode_wilayah and t.tahun = c.tahun
        join manual m on m.kode_wilayah = c.kode_wilayah and m.kode_iku = c.kunci_indikator
        order by c.kode_wilayah, c.urutan_pk nulls last, c.kunci_indikator`,
    },
    // Other Perjanjian Kinerja rows of the same year, counted by band (context for the IKU).
    pkLain: {
      sql: `
        with manual as (select distinct kode_wilayah, kode_iku from marts.manual_iku),
        terakhir as (select kode_wilayah, max(tahun) as tahun from marts.capaian_indikator group by kode_wilayah)
        select c.kode_wilayah, coalesce(c.kriteria, 'tidak dapat dinilai') as kriteria, count(*) as n
        from marts.capaian_indikator c
        join terakhir t on t.kode_wilayah = c.kode_wilayah and t.tahun = c.tahun
        where c.kunci_indikator not in (select kode_iku from manual m where m.kode_wilayah = c.kode_wilayah)
        group by all order by all`,
    },
    skala: { sql: `select kriteria, batas_bawah, warna from marts.skala_kinerja` },
    // The reconciliation's counts, computed once by the check step (recon.ringkasan); absent until it has run.
    temuan: {
      sql: `select kode_wilayah, keparahan, jumlah_masalah as n, jumlah_temuan
            from recon.ringkasan where lingkup = 'kerja' and status = 'terbuka' and keparahan <> 'semua' order by all`,
      // error_warning is the headline row (error and warning together): read, never summed here.
      requires: ["recon.ringkasan"],
    },
  },

  pages(data, site) {
    const { utama, lain } = pilihWilayah(data.iku, site);
    const iku = untukWilayah(data.iku, utama);
    const tahun = iku[0]?.tahun as number | undefined;
    const nama = site.namaWilayah(utama);
    return [
      {
        file: "index.html",
        title: tahun ? `Ringkasan kinerja ${tahun} · ${nama}` : "Ringkasan kinerja",
        build(doc, main) {
          main.appendChild(
            paragraf(
              doc,
              "Indikator Kinerja Utama (IKU) tahun terakhir di gudang data: target, realisasi yang dihitung ulang dari sumber, ",
              "capaian dan kriteria Permendagri 86/2017.",
            ),
          );
          if (lain.length) main.appendChild(el(doc, "p", { class: "catatan" }, `Wilayah lain dalam data: ${lain.map((k) => site.namaWilayah(k)).join(", ")}.`));

          // Open problems in the office's own figures (masalah, one per cause): the one number a planner
          // checks before quoting the report. Rounding is the same figure printed with fewer decimals,
          // not a conflict: counted apart. The counts are recon.ringkasan's, as in the CLI and outputs.
          const temuan = data.temuan === null ? null : untukWilayah(data.temuan, utama);
          const terbuka = temuan ?? [];
          const konflik = terbuka.filter((r) => r.keparahan === "error_warning");
          const jumlah = (rows: Row[]) => rows.reduce((s, r) => s + Number(r.n), 0);
          const kartu = el(doc, "div", { class: "kartu" });
          kartu.appendChild(
            el(
              doc,
              "div",
              null,
              el(doc, "div", null, "Masalah angka belum diselesaikan"),
              el(doc, "div", { class: "besar" }, temuan === null ? "belum tersedia" : angka(jumlah(konflik), 0)),
              el(
                doc,
                "div",
                { class: "catatan" },
                temuan === null
                  ? "Tabel recon.ringkasan belum ada (langkah check belum dijalankan)."
                  : `kesalahan ${angka(jumlah(terbuka.filter((r) => r.keparahan === "error")), 0)} · peringatan ${angka(jumlah(terbuka.filter((r) => r.keparahan === "warning")), 0)}; ` +
                    `ditambah ${angka(jumlah(terbuka.filter((r) => r.keparahan === "rounding")), 0)} pembulatan`,
              ),
              el(doc, "a", { href: "rekonsiliasi.html" }, "Lihat rekonsiliasi"),
            ),
          );
          const dinilai = iku.filter((r) => r.kriteria !== null);
          kartu.appendChild(
            el(
              doc,
              "div",
              null,
              el(doc, "div", null, `IKU dinilai (${tahun ?? "–"})`),
              el(doc, "div", { class: "besar" }, `${angka(dinilai.length, 0)} / ${angka(iku.length, 0)}`),
              el(doc, "div", { class: "catatan" }, `Sangat Tinggi: ${angka(dinilai.filter((r) => r.kriteria === "Sangat Tinggi").length, 0)}`),
            ),
          );
          main.appendChild(kartu);

          if (!iku.length) {
            main.appendChild(belumTersedia(doc, "capaian IKU"));
            return;
          }

          // The band scale as the report uses it, from config (not hard-coded).
          const skala = el(doc, "div", { class: "skala", "aria-label": "Skala kriteria Permendagri 86/2017" });
          for (const s of data.skala ?? []) {
            const kotak = el(doc, "span", { class: "kotak" });
            kotak.style.backgroundColor = String(s.warna);
            skala.appendChild(el(doc, "span", null, kotak, `${teks(s.kriteria)}${s.batas_bawah === null ? "" : ` (≥ ${angka(s.batas_bawah)})`}`));
          }

          const rows: CapaianRow[] = iku.map((r) => ({
            indikator: String(r.indikator ?? r.kunci_indikator),
            capaian: nilai(r.capaian),
            label: r.capaian === null ? "tidak dapat dihitung" : persen(r.capaian),
            kriteria: (r.kriteria as string | null) ?? null,
            warna: (r.warna_kriteria as string | null) ?? null,
          }));
          const files = iku.flatMap((r) => [r.target_source_file, r.realisasi_klaim_source_file]);
          main.appendChild(
            bagian(
              doc,
              `Capaian IKU ${tahun}`,
              skala,
              gambar(
                doc,
                capaianIku(rows),
                `Capaian IKU ${tahun} menurut kriteria Permendagri 86/2017`,
                `${sumber(["marts.capaian_indikator (Tabel 3.2, 3.17)", "marts.manual_iku", "marts.skala_kinerja"], files)}. ` +
                  "Batang dipotong pada rentang sumbu; label menunjukkan nilai persis. Garis putus-putus: 100%.",
              ),
              tabel(
                doc,
                [
                  { judul: "Indikator", isi: (r: Row) => el(doc, "a", { href: trenFile(String(r.kunci_indikator)) }, teks(r.indikator)) },
                  { judul: "Satuan", isi: (r: Row) => teks(r.satuan) },
                  { judul: "Arah", isi: (r: Row) => teks(r.arah) },
                  { judul: "Target", isi: (r: Row) => (r.target === null ? teks(r.target_teks) : angka(r.target)), angka: true },
                  { judul: "Realisasi", isi: (r: Row) => angka(r.realisasi), angka: true },
                  { judul: "Capaian", isi: (r: Row) => persen(r.capaian), angka: true },
                  {
                    judul: "Kriteria",
                    isi: (r: Row) => teks(r.kriteria),
                    hias: (td, r) => {
                      if (typeof r.warna_kriteria !== "string") return;
                      td.style.backgroundColor = r.warna_kriteria;
                      td.style.color = ["#1b5e20", "#c62828"].includes(r.warna_kriteria) ? "#fff" : "#1f2933";
                    },
                  },
                  { judul: "Dasar realisasi", isi: (r: Row) => teks(r.sumber_realisasi) },
                ],
                iku,
                `IKU ${nama} tahun ${tahun}`,
              ),
            ),
          );

          const pk = untukWilayah(data.pkLain, utama);
          if (pk.length) {
            main.appendChild(
              el(
                doc,
                "p",
                { class: "catatan" },
                `Selain IKU, Perjanjian Kinerja ${tahun} memuat ${angka(pk.reduce((s, r) => s + Number(r.n), 0), 0)} indikator lain: ` +
                  pk.map((r) => `${teks(r.kriteria)} ${angka(r.n, 0)}`).join(", ") +
                  " (marts.tabel_3_2).",
              ),
            );
          }
        },
      },
    ];
  },
});
