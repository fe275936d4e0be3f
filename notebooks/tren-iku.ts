/**
 * Tren IKU: one page per indicator (tren-<kode_iku>.html) plus an index (tren.html). The Renstra path
 * (target and every realised value per year, the value the trajectory uses marked terpilih) comes
 * from marts.renstra_indikator; the projection to the Renstra's last year and its status from
 * marts.renstra_lintasan. Both are built by another step: when they are absent the page says so and
 * still shows realisasi against target from marts.capaian_indikator.
 */
import { trenIku, type TrenRow } from "./charts/tren.js";
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
  sumber,
  tabel,
  teks,
  trenFile,
  untukWilayah,
  type PageSpec,
  type Row,
} from "./site.js";

/** The status rule is in marts.renstra_lintasan; these are its words in Bahasa Indonesia. */
const STATUS: Record<string, string> = {
  "on track": "Sesuai jalur",
  "at risk": "Berisiko",
  "off track": "Tidak sesuai jalur",
  "no data": "Tidak ada data",
};
const WARNA_STATUS: Record<string, string> = { "on track": "#1b5e20", "at risk": "#8a4b08", "off track": "#b71c1c", "no data": "#52606d" };

const statusTeks = (s: unknown) => (typeof s === "string" ? (STATUS[s] ?? s) : "–");
const tahunOf = (r: Row) => Number(r.tahun);

export default definePage({
  menu: "Tren IKU",
  queries: {
    iku: {
      sql: `select kode_wilayah, kode_iku, indikator, satuan, arah, perumusan, source_file, source_row
            from marts.manual_iku order by kode_wilayah, source_row`,
    },
    // Fallback path when the Renstra marts are absent.
    capaian: {
      sql: `select kode_wilayah, tahun, kunci_indikator, indikator, satuan, target, target_teks, sumber_target,
                   realisasi, sumber_realisasi, capaian, kriteria, target_source_file, realisasi_klaim_source_file
            from marts.capaian_indikator
            where kunci_indikator in (select kode_iku from marts.manual_iku)
            order by kode_wilayah, kunci_indikator, tahun`,
    },
    jalur: {
      sql: `select kode_wilayah, tahun, kunci_indikator, indikator, satuan, arah, tahun_awal_renstra, tahun_akhir_renstra,
                   dalam_periode_renstra, target, sumber_target, catatan_target, realisasi, jenis_sumber, sumber, terpilih,
                   capaian, kriteria, catatan, target_source_file, source_file
            from marts.renstra_indikator
            order by kode_wilayah, kunci_indikator, tahun, terpilih desc, sumber`,
      requires: ["marts.renstra_indikator"],
    },
    lintasan: {
      sql: `select * exclude (jalur) from marts.renstra_lintasan order by kode_wilayah, kunci_indikator`,
      requires: ["marts.renstra_lintasan"],
    },
  },

  pages(data, site) {
    const { utama, lain } = pilihWilayah(data.capaian, site);
    const nama = site.namaWilayah(utama);
    const iku = untukWilayah(data.iku, utama);
    const capaian = untukWilayah(data.capaian, utama);
    const jalur = data.jalur === null ? null : untukWilayah(data.jalur, utama);
    const lintasan = data.lintasan === null ? null : untukWilayah(data.lintasan, utama);

    const kodes = [...new Set([...iku.map((r) => String(r.kode_iku)), ...(lintasan ?? []).map((r) => String(r.kunci_indikator))])];
    const judul = (kode: string) =>
      teks(iku.find((r) => r.kode_iku === kode)?.indikator ?? lintasan?.find((r) => r.kunci_indikator === kode)?.indikator ?? capaian.find((r) => r.kunci_indikator === kode)?.indikator ?? kode);
    const lintasanOf = (kode: string) => lintasan?.find((r) => r.kunci_indikator === kode);

    const indeks: PageSpec = {
      file: "tren.html",
      title: `Tren IKU · ${nama}`,
      build(doc, main) {
        main.appendChild(paragraf(doc, "Pilih indikator untuk melihat realisasi dan target dari tahun ke tahun, jalur Renstra sampai tahun akhirnya, proyeksi tren dan statusnya."));
        if (lain.length) main.appendChild(el(doc, "p", { class: "catatan" }, `Wilayah lain dalam data: ${lain.map((k) => site.namaWilayah(k)).join(", ")}.`));
        if (lintasan === null) main.appendChild(belumTersedia(doc, "lintasan Renstra (marts.renstra_lintasan)"));
        main.appendChild(
          tabel(
            doc,
            [
              { judul: "Indikator", isi: (k: string) => el(doc, "a", { href: trenFile(k) }, judul(k)) },
              { judul: "Kode", isi: (k: string) => k },
              { judul: "Realisasi terakhir", isi: (k: string) => (lintasanOf(k) ? `${angka(lintasanOf(k)!.realisasi_terakhir)} (${teks(lintasanOf(k)!.tahun_realisasi_terakhir)})` : "–"), angka: true },
              { judul: "Proyeksi akhir Renstra", isi: (k: string) => angka(lintasanOf(k)?.proyeksi_akhir), angka: true },
              {
                judul: "Status Renstra",
                isi: (k: string) => (lintasan === null ? "belum tersedia" : lintasanOf(k) ? statusTeks(lintasanOf(k)!.status) : "tidak dilacak Renstra"),
                hias: (td, k) => {
                  const c = WARNA_STATUS[String(lintasanOf(k)?.status)];
                  if (c) td.style.color = c;
                },
              },
            ],
            kodes,
          ),
        );
      },
    };

    const perIku: PageSpec[] = kodes.map((kode) => ({
      file: trenFile(kode),
      title: `Tren IKU: ${judul(kode)}`,
      build(doc, main) {
        const manual = iku.find((r) => r.kode_iku === kode);
        const lin = lintasanOf(kode);
        const baris = capaian.filter((r) => r.kunci_indikator === kode);
        const tahunan = (jalur ?? []).filter((r) => r.kunci_indikator === kode);
        const satuan = (manual?.satuan ?? lin?.satuan ?? baris[0]?.satuan ?? null) as string | null;
        main.appendChild(el(doc, "p", null, el(doc, "a", { href: "tren.html" }, "← semua IKU")));
        main.appendChild(paragraf(doc, `Wilayah: ${nama}. Kode: ${kode}. Satuan: ${teks(satuan)}. Arah: ${teks(manual?.arah ?? lin?.arah)}.`));
        if (manual?.perumusan) main.appendChild(el(doc, "p", { class: "catatan" }, `Formulasi: ${teks(manual.perumusan)}`));

        // Status first: it is what a planner looks for.
        const kartu = el(doc, "div", { class: "kartu" });
        const st = el(doc, "div", { class: "besar" }, lintasan === null ? "belum tersedia" : statusTeks(lin?.status));
        const warna = WARNA_STATUS[String(lin?.status)];
        if (warna) st.style.color = warna;
        kartu.appendChild(el(doc, "div", null, el(doc, "div", null, `Status terhadap target Renstra${lin?.tahun_akhir_renstra ? ` ${teks(lin.tahun_akhir_renstra)}` : ""}`), st));
        if (lin) {
          kartu.append(
            el(
              doc,
              "div",
              null,
              el(doc, "div", null, `Proyeksi ${teks(lin.tahun_akhir_renstra)}`),
              el(doc, "div", { class: "besar" }, angka(lin.proyeksi_akhir)),
              el(doc, "div", { class: "catatan" }, `acuan: target ${teks(lin.tahun_target_acuan)} = ${angka(lin.target_acuan)}; capaian acuan ${persen(lin.capaian_acuan)}`),
            ),
          );
          if (lin.capaian_metode_laporan_tampil != null || lin.capaian_titik_akhir_tampil != null)
            kartu.append(
              el(
                doc,
                "div",
                null,
                el(doc, "div", null, "Capaian s.d. tahun terakhir"),
                el(doc, "div", { class: "besar" }, persen(lin.capaian_metode_laporan_tampil ?? lin.capaian_titik_akhir_tampil)),
                el(doc, "div", { class: "catatan" }, lin.capaian_metode_laporan_tampil != null ? "metode laporan (Tabel 3.19: jumlah realisasi / target kumulatif)" : "metode titik akhir"),
              ),
            );
        }
        main.appendChild(kartu);
        if (lin?.catatan_status) main.appendChild(el(doc, "p", { class: "catatan" }, `Status: ${teks(lin.catatan_status)}`));
        if (lin?.catatan_metode) main.appendChild(el(doc, "p", { class: "catatan" }, `Metode: ${teks(lin.catatan_metode)}`));
        if (lintasan === null) main.appendChild(belumTersedia(doc, "lintasan Renstra dan proyeksi (marts.renstra_lintasan)"));

        // Series: from the Renstra path when it exists, else from capaian_indikator.
        const rows: TrenRow[] = [];
        if (tahunan.length) {
          for (const r of tahunan) {
            const real = nilai(r.realisasi);
            if (real !== null) rows.push({ tahun: tahunOf(r), nilai: real, seri: r.terpilih ? "Realisasi" : "Realisasi sumber lain", label: `${angka(r.realisasi)} (${teks(r.sumber)})` });
          }
          const targetPerTahun = new Map<number, Row>();
          for (const r of tahunan) if (nilai(r.target) !== null && !targetPerTahun.has(tahunOf(r))) targetPerTahun.set(tahunOf(r), r);
          for (const [t, r] of targetPerTahun) rows.push({ tahun: t, nilai: nilai(r.target)!, seri: "Target (Renstra/PK)", label: `${angka(r.target)} (${teks(r.sumber_target)})` });
        } else {
          for (const r of baris) {
            const real = nilai(r.realisasi);
            if (real !== null) rows.push({ tahun: tahunOf(r), nilai: real, seri: "Realisasi", label: `${angka(r.realisasi)} (${teks(r.sumber_realisasi)})` });
            const tgt = nilai(r.target);
            if (tgt !== null) rows.push({ tahun: tahunOf(r), nilai: tgt, seri: "Target (Renstra/PK)", label: `${angka(r.target)} (${teks(r.sumber_target)})` });
          }
        }
        // The projection is the OLS line through the realised years, drawn to the Renstra's last year.
        const akhir = Number(lin?.tahun_akhir_renstra);
        const proyeksi = nilai(lin?.proyeksi_akhir);
        const miring = nilai(lin?.kemiringan_per_tahun);
        const titik = Array.isArray(lin?.tahun_titik) ? (lin!.tahun_titik as unknown[]).map(Number).filter(Number.isFinite) : [];
        if (proyeksi !== null && miring !== null && Number.isFinite(akhir) && titik.length) {
          const mulai = Math.min(...titik);
          rows.push(
            { tahun: mulai, nilai: proyeksi - miring * (akhir - mulai), seri: "Proyeksi (tren OLS)", label: angka(proyeksi - miring * (akhir - mulai)), titik: false },
            { tahun: akhir, nilai: proyeksi, seri: "Proyeksi (tren OLS)", label: `${angka(lin!.proyeksi_akhir)} (${teks(lin!.dasar_nilai_acuan)})` },
          );
        }

        if (!rows.length) {
          main.appendChild(belumTersedia(doc, "realisasi dan target indikator ini"));
          return;
        }
        const tanpaTarget = [...new Set(tahunan.filter((r) => r.dalam_periode_renstra && nilai(r.target) === null).map(tahunOf))].sort();
        const files = [
          ...baris.flatMap((r) => [r.target_source_file, r.realisasi_klaim_source_file]),
          ...tahunan.flatMap((r) => [r.target_source_file, r.source_file]),
        ];
        const tabelSumber = tahunan.length
          ? ["marts.renstra_indikator", ...(lin ? ["marts.renstra_lintasan"] : [])]
          : ["marts.capaian_indikator (Tabel 3.2, 3.18)"];
        main.appendChild(
          bagian(
            doc,
            "Realisasi, target dan jalur Renstra",
            gambar(
              doc,
              trenIku(rows, {
                satuan,
                tahunAwal: Number(lin?.tahun_awal_renstra) || undefined,
                tahunAkhir: Number.isFinite(akhir) ? akhir : undefined,
              }),
              `${judul(kode)}: realisasi, target dan proyeksi`,
              `${sumber(tabelSumber, files)}.` +
                (tanpaTarget.length ? ` Renstra tidak mencantumkan target ${tanpaTarget.join(", ")} (tidak diinterpolasi).` : "") +
                " Titik berongga: nilai dari sumber lain untuk tahun yang sama (tidak dipakai jalur).",
            ),
          ),
        );

        if (tahunan.length) {
          main.appendChild(
            tabel(
              doc,
              [
                { judul: "Tahun", isi: (r: Row) => teks(r.tahun) },
                { judul: "Target", isi: (r: Row) => angka(r.target), angka: true },
                { judul: "Dasar target", isi: (r: Row) => teks(r.sumber_target ?? r.catatan_target) },
                { judul: "Realisasi", isi: (r: Row) => angka(r.realisasi), angka: true },
                { judul: "Sumber realisasi", isi: (r: Row) => teks(r.sumber) },
                { judul: "Dipakai jalur", isi: (r: Row) => (r.terpilih && r.realisasi !== null ? "ya" : "") },
                { judul: "Capaian", isi: (r: Row) => persen(r.capaian), angka: true },
                { judul: "Kriteria", isi: (r: Row) => teks(r.kriteria) },
                { judul: "Catatan", isi: (r: Row) => teks(r.catatan) },
              ],
              tahunan,
              "Per tahun dan per sumber (marts.renstra_indikator)",
            ),
          );
        } else {
          main.appendChild(
            tabel(
              doc,
              [
                { judul: "Tahun", isi: (r: Row) => teks(r.tahun) },
                { judul: "Target", isi: (r: Row) => (r.target === null ? teks(r.target_teks) : angka(r.target)), angka: true },
                { judul: "Dasar target", isi: (r: Row) => teks(r.sumber_target) },
                { judul: "Realisasi", isi: (r: Row) => angka(r.realisasi), angka: true },
                { judul: "Dasar realisasi", isi: (r: Row) => teks(r.sumber_realisasi) },
                { judul: "Capaian", isi: (r: Row) => persen(r.capaian), angka: true },
                { judul: "Kriteria", isi: (r: Row) => teks(r.kriteria) },
              ],
              baris,
              "Per tahun (marts.capaian_indikator)",
            ),
          );
        }
      },
    }));

    return [indeks, ...perIku];
  },
});
