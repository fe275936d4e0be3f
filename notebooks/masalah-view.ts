/**
 * The reconciliation worklist: masalah in the reconciliation step's rank (recon.masalah), filters for
 * severity, status, table and source family, a page of rows at a time (the list can be long), each
 * row expanding to what to do, what it breaks (recon.akibat) and the cells in conflict (recon.sel).
 * Rendered at build time and in the browser; it never counts or ranks anything itself.
 */
import { angka, teks } from "./angka.js";
import { LABEL_KEPARAHAN } from "./charts/common.js";
import { el, tabel, unduhan } from "./dom.js";

export interface MasalahBaris {
  peringkat: number;
  masalah_id: string;
  keparahan: string;
  keparahan_label: string | null;
  status: string;
  lingkup: string | null;
  sebab_label: string | null;
  judul: string | null;
  tindakan: string | null;
  alasan_peringkat: string | null;
  /** The masalah's findings' tables in the document's terms ("LKjIP 2024, Tabel 3.2"), "; "-joined. */
  tabel: string;
  /** First folder of its cells' files (bps, ak1, hi, budget, plans, lkjip), ", "-joined. */
  keluarga_sumber: string;
  kode_wilayah: string | null;
  tahun: number | null;
  resolusi_alasan: string | null;
  /** JSON list of the published cells that state or inherit it (recon.akibat). */
  akibat: string;
  /** JSON list of {peran, nilai, teks, source_file, source_sheet, source_row, source_column, rujukan} (recon.sel). */
  sel: string;
}

export interface MasalahKeadaan {
  keparahan: string;
  status: string;
  tabel: string;
  keluarga: string;
  cari: string;
  /** How many rows are listed (grows by PER_HALAMAN). */
  n: number;
}

export const PER_HALAMAN = 25;
/** Between a masalah's tables: a document reference itself holds commas ("LKjIP 2024, Tabel 3.2"). */
export const TABEL_PISAH = "; ";
export const SEMUA = "semua";

export function saring(rows: MasalahBaris[], k: MasalahKeadaan): MasalahBaris[] {
  const q = k.cari.trim().toLowerCase();
  return rows
    .filter(
      (r) =>
        (k.keparahan === SEMUA || r.keparahan === k.keparahan) &&
        (k.status === SEMUA || r.status === k.status) &&
        (k.tabel === SEMUA || r.tabel.split(TABEL_PISAH).includes(k.tabel)) &&
        (k.keluarga === SEMUA || r.keluarga_sumber.split(", ").includes(k.keluarga)) &&
        (!q || `${r.masalah_id} ${r.judul ?? ""} ${r.tindakan ?? ""} ${r.sebab_label ?? ""} ${r.tabel}`.toLowerCase().includes(q)),
    )
    .sort((a, b) => a.peringkat - b.peringkat);
}

function pilihan(doc: Document, nama: string, label: string, nilai: string, opsi: string[], teksOpsi: (v: string) => string = (v) => v): HTMLElement {
  const sel = el(doc, "select", { name: nama, id: `pilih-${nama}`, "data-input": nama });
  for (const v of [SEMUA, ...opsi]) {
    const o = el(doc, "option", { value: v }, v === SEMUA ? "Semua" : teksOpsi(v));
    if (v === nilai) o.setAttribute("selected", "");
    sel.appendChild(o);
  }
  return el(doc, "label", { for: `pilih-${nama}` }, el(doc, "span", null, label), sel);
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

export function renderMasalah(doc: Document, root: HTMLElement, rows: MasalahBaris[], k: MasalahKeadaan): void {
  root.replaceChildren();
  const label = (t: string) => LABEL_KEPARAHAN[t] ?? t;
  root.appendChild(
    el(
      doc,
      "form",
      { class: "kontrol", "aria-label": "Saring daftar kerja" },
      pilihan(doc, "keparahan", "Keparahan", k.keparahan, ["error", "warning", "rounding"].filter((t) => rows.some((r) => r.keparahan === t)), label),
      pilihan(doc, "status", "Status", k.status, uniq(rows.map((r) => r.status))),
      pilihan(doc, "tabel", "Tabel", k.tabel, uniq(rows.flatMap((r) => r.tabel.split(TABEL_PISAH)))),
      pilihan(doc, "keluarga", "Keluarga sumber", k.keluarga, uniq(rows.flatMap((r) => r.keluarga_sumber.split(", ")))),
      el(doc, "label", { for: "pilih-cari" }, el(doc, "span", null, "Cari"), el(doc, "input", { type: "search", id: "pilih-cari", name: "cari", "data-input": "cari", value: k.cari })),
    ),
  );
  const cocok = saring(rows, k);
  const tampil = cocok.slice(0, k.n);
  root.appendChild(
    el(doc, "p", { class: "jumlah", "aria-live": "polite", "data-bagian": "jumlah" }, `Menampilkan ${angka(tampil.length, 0)} dari ${angka(cocok.length, 0)} masalah yang cocok (semua: ${angka(rows.length, 0)}).`, " ", unduhan(doc, "daftar-kerja")),
  );
  const daftar = el(doc, "ul", { class: "daftar-kerja", "data-daftar": "" });
  const json = (t: string): Record<string, unknown>[] => {
    try {
      return JSON.parse(t) as Record<string, unknown>[];
    } catch {
      return [];
    }
  };
  for (const r of tampil) {
    const d = el(doc, "details", { "data-id": r.masalah_id });
    d.appendChild(
      el(
        doc,
        "summary",
        null,
        el(doc, "span", { class: `keparahan-${r.keparahan}` }, `${r.peringkat}. [${r.keparahan_label ?? label(r.keparahan)}]`),
        ` ${r.status === "diselesaikan" ? "(diselesaikan) " : ""}${r.lingkup === "konteks" ? "(konteks) " : ""}${teks(r.judul)}`,
      ),
    );
    d.appendChild(el(doc, "p", null, el(doc, "strong", null, "Yang harus dilakukan: "), teks(r.tindakan)));
    d.appendChild(
      el(doc, "p", { class: "catatan" }, `Sebab: ${teks(r.sebab_label)}. Tabel: ${r.tabel}. Wilayah ${teks(r.kode_wilayah)}, tahun ${teks(r.tahun)}. Peringkat: ${teks(r.alasan_peringkat)}. ID ${r.masalah_id}.`, r.resolusi_alasan ? ` Penyelesaian: ${r.resolusi_alasan}` : ""),
    );
    const akibat = json(r.akibat);
    if (akibat.length)
      d.appendChild(
        tabel(
          doc,
          [
            { judul: "Rujukan LKjIP", isi: (x: Record<string, unknown>) => teks(x.rujukan) },
            { judul: "Baris", isi: (x) => teks(x.label_baris) },
            { judul: "Kolom", isi: (x) => teks(x.source_column) },
            { judul: "Tercetak", isi: (x) => teks(x.teks_tercetak) },
            { judul: "Seharusnya", isi: (x) => angka(x.nilai_seharusnya, 6), nilai: (x) => (x.nilai_seharusnya as string) ?? null, angka: true },
            { judul: "Berkas", isi: (x) => `${teks(x.source_file)} baris ${teks(x.source_row)}` },
          ],
          akibat,
          "Akibat: angka terbit yang menyatakan atau mewarisi masalah ini",
          `akibat-${r.masalah_id}`,
        ),
      );
    const sel = json(r.sel);
    if (sel.length)
      d.appendChild(
        tabel(
          doc,
          [
            { judul: "Peran", isi: (x: Record<string, unknown>) => teks(x.peran) },
            { judul: "Nilai", isi: (x) => angka(x.nilai, 6), nilai: (x) => (x.nilai as string) ?? null, angka: true },
            { judul: "Teks tercetak", isi: (x) => teks(x.teks) },
            { judul: "Berkas", isi: (x) => teks(x.source_file) },
            { judul: "Sheet", isi: (x) => teks(x.source_sheet) },
            { judul: "Baris", isi: (x) => teks(x.source_row) },
            { judul: "Kolom", isi: (x) => teks(x.source_column) },
            { judul: "Rujukan LKjIP", isi: (x) => teks(x.rujukan) },
          ],
          sel,
          "Sel yang bertentangan",
          `sel-${r.masalah_id}`,
        ),
      );
    daftar.appendChild(el(doc, "li", { class: `keparahan-baris-${r.keparahan}` }, d));
  }
  root.appendChild(daftar);
  // The rows listed, for the download links above (exactly what is shown).
  const data = el(doc, "script", { type: "application/json", "data-grafik": "" });
  data.textContent = JSON.stringify(tampil.map(({ sel: _s, akibat: _a, ...r }) => r)).replace(/</g, "\\u003c");
  root.querySelector("p.jumlah")!.appendChild(data);
  if (tampil.length < cocok.length) root.appendChild(el(doc, "button", { type: "button", "data-lagi": "", class: "lagi" }, `Tampilkan ${Math.min(PER_HALAMAN, cocok.length - tampil.length)} lagi`));
}
