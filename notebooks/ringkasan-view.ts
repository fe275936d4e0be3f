/**
 * Ringkasan as a view: the IKU of a chosen region and year, coloured by the Permendagri 86/2017 band,
 * with the change in realisasi from the previous year; one IKU over every year; and the open
 * findings. The counts of findings are recon.ringkasan's (the CLI's own), never recounted here.
 */
import { angka, nilai, persen, teks } from "./angka.js";
import { capaianIku, type CapaianRow } from "./charts/capaian.js";
import { asalSel } from "./charts/common.js";
import { bagian, belumTersedia, el, gambar, sumber, tabel, type Kolom } from "./dom.js";
import { kontrol, namaWilayah, opsiTahun, opsiWilayah, pilihan, salahSatu, SEMUA, tahunDari, trenFile, urutWilayah, type Baris, type Tampilan, type Wilayah } from "./tampilan.js";

export type RingkasanKeadaan = { wilayah: string; tahun: number | null; indikator: string };
export interface RingkasanKonfig extends Wilayah {
  utama: string | null;
}

const tanda = (v: unknown) => (v !== null && v !== undefined && Number(v) > 0 ? "+" : "");

export const TAMPILAN_RINGKASAN: Tampilan<RingkasanKeadaan, RingkasanKonfig> = {
  masukan: ["wilayah", "tahun", "indikator"],
  rapikan(data, k, konfig) {
    const iku = data.iku ?? [];
    const ada = urutWilayah(iku.map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, ada, ada.includes(konfig.utama ?? "") ? konfig.utama! : (ada[0] ?? ""));
    const milik = iku.filter((r) => r.kode_wilayah === wilayah);
    const tahunAda = tahunDari(milik);
    const tahun = salahSatu(Number(k.tahun), tahunAda, tahunAda.at(-1) ?? 0) || null;
    const indikator = salahSatu(k.indikator, [SEMUA, ...new Set(milik.map((r) => String(r.kunci_indikator)))], SEMUA);
    return { wilayah, tahun, indikator };
  },
  render(doc, root, data, k, konfig) {
    root.replaceChildren();
    const iku = (data.iku ?? []).filter((r) => r.kode_wilayah === k.wilayah);
    const nama = namaWilayah(konfig, k.wilayah);
    const indikatorOpsi = new Map<string, string>();
    for (const r of iku) indikatorOpsi.set(String(r.kunci_indikator), teks(r.indikator));
    root.appendChild(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", k.wilayah, opsiWilayah(konfig, urutWilayah((data.iku ?? []).map((r) => r.kode_wilayah)))),
        pilihan(doc, "tahun", "Tahun", k.tahun, opsiTahun(tahunDari(iku))),
        pilihan(doc, "indikator", "Indikator", k.indikator, [[SEMUA, "Semua IKU"], ...indikatorOpsi]),
      ),
    );

    // Open problems in the office's own figures (masalah, one per cause): counted by the check step.
    const temuan = data.temuan === undefined ? null : data.temuan.filter((r) => r.kode_wilayah === k.wilayah);
    const jumlah = (rows: Baris[]) => rows.reduce((s, r) => s + Number(r.n), 0);
    const per = (t: string) => jumlah((temuan ?? []).filter((r) => r.keparahan === t));
    const tahunIni = iku.filter((r) => Number(r.tahun) === k.tahun);
    const dinilai = tahunIni.filter((r) => r.kriteria !== null);
    root.appendChild(
      el(
        doc,
        "div",
        { class: "kartu", "data-bagian": "nilai-tahun" },
        el(
          doc,
          "div",
          null,
          el(doc, "div", null, `Masalah angka belum diselesaikan · ${nama}`),
          el(doc, "div", { class: "besar" }, temuan === null ? "belum tersedia" : angka(per("error_warning"), 0)),
          el(
            doc,
            "div",
            { class: "catatan" },
            temuan === null
              ? "Tabel recon.ringkasan belum ada (langkah check belum dijalankan)."
              : `kesalahan ${angka(per("error"), 0)} · peringatan ${angka(per("warning"), 0)}; ditambah ${angka(per("rounding"), 0)} pembulatan`,
          ),
          el(doc, "a", { href: "rekonsiliasi.html" }, "Lihat rekonsiliasi"),
        ),
        el(
          doc,
          "div",
          null,
          el(doc, "div", null, `IKU dinilai (${k.tahun ?? "–"})`),
          el(doc, "div", { class: "besar" }, `${angka(dinilai.length, 0)} / ${angka(tahunIni.length, 0)}`),
          el(doc, "div", { class: "catatan" }, `Sangat Tinggi: ${angka(dinilai.filter((r) => r.kriteria === "Sangat Tinggi").length, 0)}`),
        ),
      ),
    );
    if (!iku.length) {
      root.appendChild(belumTersedia(doc, `capaian IKU ${nama}`));
      return;
    }

    // The band scale as the report uses it, from config (not hard-coded).
    const skala = el(doc, "div", { class: "skala", "aria-label": "Skala kriteria Permendagri 86/2017" });
    for (const s of data.skala ?? []) {
      const kotak = el(doc, "span", { class: "kotak" });
      kotak.style.backgroundColor = String(s.warna);
      skala.appendChild(el(doc, "span", null, kotak, `${teks(s.kriteria)}${s.batas_bawah === null ? "" : ` (≥ ${angka(s.batas_bawah)})`}`));
    }

    const satu = k.indikator !== SEMUA;
    // One IKU: every year; all IKU: the chosen year.
    const rows = satu ? iku.filter((r) => r.kunci_indikator === k.indikator) : tahunIni;
    const judulBaris = (r: Baris) => (satu ? String(r.tahun) : String(r.indikator ?? r.kunci_indikator));
    const plotRows: CapaianRow[] = rows.map((r) => ({
      indikator: judulBaris(r),
      capaian: nilai(r.capaian),
      label: r.capaian === null ? "tidak dapat dihitung" : persen(r.capaian),
      kriteria: (r.kriteria as string | null) ?? null,
      warna: (r.warna_kriteria as string | null) ?? null,
      sumber: (r.sumber_realisasi as string | null) ?? null,
      asal: [asalSel(r.realisasi_klaim_source_file, r.realisasi_klaim_source_row, "realisasi"), asalSel(r.target_source_file, r.target_source_row, "target")].filter(Boolean).join("; ") || null,
    }));
    const files = rows.flatMap((r) => [r.target_source_file, r.realisasi_klaim_source_file]);
    const judul = satu ? `Capaian ${teks(rows[0]?.indikator)} ${nama} per tahun` : `Capaian IKU ${k.tahun} ${nama} menurut kriteria Permendagri 86/2017`;
    const kolom: Kolom<Baris>[] = [
      satu
        ? { judul: "Tahun", isi: (r) => String(r.tahun), nilai: (r) => Number(r.tahun) }
        : { judul: "Indikator", isi: (r) => el(doc, "a", { href: trenFile(String(r.kunci_indikator)) }, teks(r.indikator)) },
      { judul: "Satuan", isi: (r) => teks(r.satuan) },
      { judul: "Target", isi: (r) => (r.target === null ? teks(r.target_teks) : angka(r.target)), nilai: (r) => r.target as string | null, angka: true },
      { judul: "Realisasi", isi: (r) => angka(r.realisasi), nilai: (r) => r.realisasi as string | null, angka: true },
      { judul: "Realisasi tahun lalu", isi: (r) => angka(r.realisasi_lalu), nilai: (r) => r.realisasi_lalu as string | null, angka: true },
      { judul: "Perubahan", isi: (r) => (r.selisih === null ? "–" : `${tanda(r.selisih)}${angka(r.selisih)}`), nilai: (r) => r.selisih as string | null, angka: true },
      { judul: "Perubahan %", isi: (r) => (r.selisih_persen === null ? "–" : `${tanda(r.selisih_persen)}${persen(r.selisih_persen)}`), nilai: (r) => r.selisih_persen as string | null, angka: true },
      { judul: "Capaian", isi: (r) => persen(r.capaian), nilai: (r) => r.capaian as string | null, angka: true },
      {
        judul: "Kriteria",
        isi: (r) => teks(r.kriteria),
        hias: (td, r) => {
          if (typeof r.warna_kriteria !== "string") return;
          td.style.backgroundColor = r.warna_kriteria;
          td.style.color = ["#1b5e20", "#c62828"].includes(r.warna_kriteria) ? "#fff" : "#1f2933";
        },
      },
      { judul: "Dasar realisasi", isi: (r) => teks(r.sumber_realisasi) },
    ];
    root.appendChild(
      bagian(
        doc,
        satu ? `${teks(rows[0]?.indikator)}: capaian per tahun` : `Capaian IKU ${k.tahun}`,
        skala,
        gambar(
          doc,
          capaianIku(plotRows),
          judul,
          `${sumber(["marts.capaian_indikator (Tabel 3.2, 3.17)", "marts.manual_iku", "marts.skala_kinerja"], files)}. ` +
            "Batang dipotong pada rentang sumbu; label menunjukkan nilai persis. Garis putus-putus: 100%.",
          rows.map((r) => ({ tahun: r.tahun, kunci_indikator: r.kunci_indikator, indikator: r.indikator, target: r.target, realisasi: r.realisasi, capaian: r.capaian, kriteria: r.kriteria })),
          satu ? `capaian-${k.indikator}-${k.wilayah}` : `capaian-${k.wilayah}-${k.tahun}`,
        ),
        el(doc, "p", { class: "catatan" }, "Perubahan: realisasi dibanding realisasi indikator yang sama tahun sebelumnya (kosong bila tahun sebelumnya tidak ada di gudang data)."),
        tabel(doc, kolom, rows, satu ? `${teks(rows[0]?.indikator)} ${nama} per tahun` : `IKU ${nama} tahun ${k.tahun}`, satu ? `iku-${k.indikator}-${k.wilayah}` : `iku-${k.wilayah}-${k.tahun}`),
      ),
    );
    if (satu) root.appendChild(el(doc, "p", null, el(doc, "a", { href: `${trenFile(k.indikator)}?wilayah=${encodeURIComponent(k.wilayah)}` }, "Tren, jalur Renstra dan perbandingan antarwilayah indikator ini →")));

    const pk = (data.pkLain ?? []).filter((r) => r.kode_wilayah === k.wilayah && Number(r.tahun) === k.tahun);
    if (pk.length && !satu)
      root.appendChild(
        el(
          doc,
          "p",
          { class: "catatan" },
          `Selain IKU, Perjanjian Kinerja ${k.tahun} memuat ${angka(pk.reduce((s, r) => s + Number(r.n), 0), 0)} indikator lain: ` +
            pk.map((r) => `${teks(r.kriteria)} ${angka(r.n, 0)}`).join(", ") +
            " (marts.capaian_indikator).",
        ),
      );
  },
};
