/**
 * The indicator notebook: inputs for region, indicator, source series and year; a trend chart (or a
 * value in its context when the region has one year only), year-over-year change, the rows drawn and
 * the other Kaltim regions in the chosen year. One function renders it from rows and a state, at
 * build time into the static page (jsdom) and again in the browser on every input change.
 */
import { angka, teks } from "./angka.js";
import { seriKonteks, seriTren, titikSebanding, MIN_TITIK_STATUS, type SeriTitik } from "./charts/seri.js";
import { el, gambar, tabel, type Kolom } from "./dom.js";
import { kontrol, opsiSumber, pilihan, type DataTampilan, type Tampilan } from "./tampilan.js";

export type SeriKeadaan = {
  wilayah: string;
  indikator: string;
  /** "semua" or one series label. */
  sumber: string;
  tahun: number | null;
};

/** A verdict the build computed (marts.renstra_lintasan), given only where the honesty rule allows. */
export interface StatusRenstra {
  teks: string;
  catatan: string;
}

export { SEMUA } from "./tampilan.js";
import { SEMUA } from "./tampilan.js";

/** Fills in what the state leaves open or names wrongly (an old link): first region/indicator, latest year. */
export function rapikan(rows: SeriTitik[], k: Partial<SeriKeadaan>, bawaan: SeriKeadaan): SeriKeadaan {
  const indikator = rows.some((r) => r.indikator === k.indikator) ? k.indikator! : bawaan.indikator;
  const wilayah = rows.some((r) => r.kode_wilayah === k.wilayah) ? k.wilayah! : bawaan.wilayah;
  const milik = rows.filter((r) => r.indikator === indikator && r.kode_wilayah === wilayah);
  const seriAda = new Set(milik.map((r) => r.seri));
  const sumber = k.sumber && seriAda.size > 1 && seriAda.has(k.sumber) ? k.sumber : SEMUA;
  const tahunAda = [...new Set(milik.filter((r) => sumber === SEMUA || r.seri === sumber).map((r) => r.tahun))].sort();
  const tahun = k.tahun != null && tahunAda.includes(Number(k.tahun)) ? Number(k.tahun) : (tahunAda.at(-1) ?? null);
  return { wilayah, indikator, sumber, tahun };
}

const satuanDari = (r: SeriTitik | undefined) => (r?.satuan ? (r.satuan === "%" ? "%" : ` ${r.satuan}`) : "");
/** A change of a percentage is in percentage points, not percent. */
const satuanSelisih = (r: SeriTitik) => (r.satuan === "%" ? " poin persen" : satuanDari(r));

export function renderSeri(doc: Document, root: HTMLElement, semua: SeriTitik[], k: SeriKeadaan, status: Record<string, StatusRenstra> = {}): void {
  root.replaceChildren();
  const wilayahOpsi = new Map<string, string>();
  for (const r of [...semua].sort((a, b) => (a.tingkat_wilayah === b.tingkat_wilayah ? a.kode_wilayah.localeCompare(b.kode_wilayah) : a.tingkat_wilayah === "provinsi" ? -1 : 1)))
    wilayahOpsi.set(r.kode_wilayah, r.nama_wilayah);
  const indikatorOpsi = new Map<string, string>();
  for (const r of semua) indikatorOpsi.set(r.indikator, r.nama_indikator);
  const milikSemua = semua.filter((r) => r.indikator === k.indikator && r.kode_wilayah === k.wilayah);
  const seriOpsi = [...new Set(milikSemua.map((r) => r.seri))];
  const milik = milikSemua.filter((r) => k.sumber === SEMUA || r.seri === k.sumber).sort((a, b) => a.tahun - b.tahun || a.seri.localeCompare(b.seri));
  const tahunOpsi = [...new Set(milik.map((r) => r.tahun))].sort();
  const namaW = wilayahOpsi.get(k.wilayah) ?? k.wilayah;
  const namaI = indikatorOpsi.get(k.indikator) ?? k.indikator;

  root.appendChild(
    kontrol(
      doc,
      pilihan(doc, "wilayah", "Wilayah", k.wilayah, [...wilayahOpsi]),
      pilihan(doc, "indikator", "Indikator", k.indikator, [...indikatorOpsi]),
      pilihan(doc, "sumber", "Sumber / seri", k.sumber, opsiSumber(seriOpsi)),
      pilihan(doc, "tahun", "Tahun", String(k.tahun ?? ""), tahunOpsi.map((t): [string, string] => [String(t), String(t)])),
    ),
  );
  root.appendChild(el(doc, "h2", null, `${namaI} · ${namaW}`));
  if (!milik.length) {
    root.appendChild(el(doc, "p", { class: "kosong" }, `Gudang data tidak memuat ${namaI} untuk ${namaW}${k.sumber === SEMUA ? "" : ` dari ${k.sumber}`}.`));
    return;
  }

  // The chosen year, per series, with the change from the same series' previous year.
  const fokus = milik.filter((r) => r.tahun === k.tahun);
  const kartu = el(doc, "div", { class: "kartu", "data-bagian": "nilai-tahun" });
  for (const r of fokus) {
    const ubah =
      r.selisih !== null
        ? `Perubahan dari ${r.tahun - 1}: ${Number(r.selisih) > 0 ? "+" : ""}${angka(r.selisih, 2)}${satuanSelisih(r)} (${r.selisih_persen === null ? "–" : `${Number(r.selisih_persen) > 0 ? "+" : ""}${angka(r.selisih_persen, 2)}%`})`
        : r.utama
          ? `Tidak ada perubahan tahunan: seri ini tidak punya angka ${r.tahun - 1}.`
          : "Angka pembanding untuk tahun yang sama (bukan titik garis).";
    kartu.appendChild(
      el(doc, "div", null, el(doc, "div", null, `${r.tahun} · ${r.seri}`), el(doc, "div", { class: "besar" }, `${angka(r.nilai, 2)}${satuanDari(r)}`), el(doc, "div", { class: "catatan" }, ubah), el(doc, "div", { class: "catatan" }, `Sumber: ${r.sumber}`)),
    );
  }
  root.appendChild(kartu);

  // The verdict only from enough comparable points (same definition and source class).
  const { n, seri } = titikSebanding(milikSemua);
  const st = status[`${k.wilayah}|${k.indikator}`];
  const alasan =
    n < MIN_TITIK_STATUS
      ? `Status terhadap target Renstra tidak diberikan: paling banyak ${n} titik sebanding${seri ? ` (${seri})` : ""}; penilaian tren perlu paling sedikit ${MIN_TITIK_STATUS} titik dengan definisi dan kelas sumber yang sama.`
      : st
        ? null
        : `Status terhadap target Renstra tidak diberikan: ${namaW} tidak punya target Renstra untuk indikator ini, atau titik jalur Renstra berasal dari sumber berbeda.`;
  root.appendChild(
    st && !alasan
      ? el(doc, "p", { class: "status", "data-bagian": "status" }, el(doc, "strong", null, `Status Renstra: ${st.teks}. `), st.catatan)
      : el(doc, "p", { class: "status kosong", "data-bagian": "status" }, alasan ?? ""),
  );

  const banding = semua.filter((r) => r.indikator === k.indikator && r.kode_wilayah !== k.wilayah && r.utama && (k.sumber === SEMUA || r.seri === k.sumber));
  const nama = `${k.indikator}-${k.wilayah}`;
  if (tahunOpsi.length > 1) {
    root.appendChild(
      gambar(
        doc,
        seriTren(milik, { tahunFokus: k.tahun, banding }),
        `${namaI} ${namaW} per tahun, per seri`,
        `Sumber: marts.indikator_seri. Satu garis = satu seri (kelas sumber dan definisi sama); tahun tanpa angka dibiarkan putus. Titik berongga: angka lain dari seri yang sama untuk tahun itu. Titik abu-abu: kabupaten/kota lain dan provinsi (${angka(banding.length, 0)} angka).`,
        [...milik, ...banding] as unknown as Record<string, unknown>[],
        `grafik-${nama}`,
      ),
    );
  } else {
    const konteks = semua.filter((r) => r.indikator === k.indikator && r.tahun === k.tahun && (r.kode_wilayah === k.wilayah || r.utama));
    root.appendChild(
      el(doc, "p", { class: "catatan" }, `Hanya ada angka ${k.tahun} untuk ${namaW}: ditampilkan sebagai nilai dengan konteksnya (wilayah lain pada tahun yang sama), bukan sebagai tren.`),
    );
    root.appendChild(
      gambar(doc, seriKonteks(konteks, k.wilayah), `${namaI} ${k.tahun}: ${namaW} dan wilayah lain`, "Sumber: marts.indikator_seri. Biru: wilayah terpilih.", konteks as unknown as Record<string, unknown>[], `konteks-${nama}`),
    );
  }

  const kolom: Kolom<SeriTitik>[] = [
    { judul: "Tahun", isi: (r) => String(r.tahun), nilai: (r) => r.tahun },
    { judul: "Nilai", isi: (r) => angka(r.nilai, 2), nilai: (r) => r.nilai, angka: true },
    { judul: "Satuan", isi: (r) => teks(r.satuan) },
    { judul: "Seri", isi: (r) => r.seri },
    { judul: "Garis", isi: (r) => (r.utama ? "ya" : "") },
    { judul: "Perubahan", isi: (r) => angka(r.selisih, 2), nilai: (r) => r.selisih, angka: true },
    { judul: "Perubahan %", isi: (r) => (r.selisih_persen === null ? "–" : `${angka(r.selisih_persen, 2)}%`), nilai: (r) => r.selisih_persen, angka: true },
    { judul: "Sumber", isi: (r) => r.sumber },
    { judul: "Asal (berkas, baris, kolom)", isi: (r) => teks(r.provenance ?? r.source_file) },
  ];
  root.appendChild(el(doc, "h3", null, "Angka per tahun dan perubahan dari tahun sebelumnya"));
  root.appendChild(tabel(doc, kolom, milik, `${namaI} ${namaW}`, `tabel-${nama}`));

  const sebaya = semua
    .filter((r) => r.indikator === k.indikator && r.tahun === k.tahun)
    .sort((a, b) => (a.tingkat_wilayah === b.tingkat_wilayah ? a.kode_wilayah.localeCompare(b.kode_wilayah) : a.tingkat_wilayah === "provinsi" ? -1 : 1) || a.seri.localeCompare(b.seri));
  root.appendChild(el(doc, "h3", null, `Kabupaten/kota Kalimantan Timur dan provinsi, ${k.tahun}`));
  root.appendChild(
    tabel(
      doc,
      [{ judul: "Wilayah", isi: (r: SeriTitik) => r.nama_wilayah }, ...kolom.filter((c) => c.judul !== "Tahun")],
      sebaya,
      `${namaI} ${k.tahun} menurut wilayah`,
      `banding-${k.indikator}-${k.tahun}`,
    ),
  );
}

export interface SeriKonfig {
  bawaan: SeriKeadaan;
  status: Record<string, StatusRenstra>;
}

/** The indicator notebook as a view (data: { seri: marts.indikator_seri rows }). */
export const TAMPILAN_SERI: Tampilan<SeriKeadaan, SeriKonfig> = {
  masukan: ["wilayah", "indikator", "sumber", "tahun"],
  rapikan(data: DataTampilan, k, konfig, diubah) {
    const rows = data.seri as unknown as SeriTitik[];
    const ganti: Partial<SeriKeadaan> = {
      wilayah: k.wilayah as string | undefined,
      indikator: k.indikator as string | undefined,
      // A new region or indicator starts from all its sources; the year stays when it exists there.
      sumber: diubah === "wilayah" || diubah === "indikator" ? SEMUA : (k.sumber as string | undefined),
      tahun: k.tahun === undefined || k.tahun === null || k.tahun === "" ? undefined : Number(k.tahun),
    };
    return rapikan(rows, ganti, konfig.bawaan);
  },
  render(doc, root, data, k, konfig) {
    renderSeri(doc, root, data.seri as unknown as SeriTitik[], k, konfig.status);
  },
};
