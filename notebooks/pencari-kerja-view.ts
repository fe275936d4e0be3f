/**
 * Pencari kerja (AK-I) as a view: for a chosen region, year and sex, the stock and flows by
 * education, placement rates, and the competing definitions of the placement IKU (Tabel 3.16).
 */
import { asalSel } from "./charts/common.js";
import {
  arusPencaker,
  definisiIku,
  JENIS_DEFINISI,
  JENIS_KELAMIN,
  TAHAP_ARUS,
  tingkatPenempatan,
  type ArusRow,
  type DefinisiRow,
  type PenempatanRow,
} from "./charts/pencaker.js";
import { angka, jumlah, nilai, persen, rasio, teks } from "./angka.js";
import { bagian, belumTersedia, gambar, paragraf, sumber, tabel } from "./dom.js";
import { kontrol, namaWilayah, opsiTahun, opsiWilayah, pilihan, salahSatu, SEMUA, tahunDari, urutWilayah, type Baris as Row, type Tampilan, type Wilayah } from "./tampilan.js";

export type PencakerKeadaan = { wilayah: string; tahun: number | null; jk: string };
export interface PencakerKonfig extends Wilayah {
  utama: string | null;
}

export const TAMPILAN_PENCAKER: Tampilan<PencakerKeadaan, PencakerKonfig> = {
  masukan: ["wilayah", "tahun", "jk"],
  rapikan(data, k, konfig) {
    const ada = urutWilayah((data.arus ?? []).map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, ada, ada.includes(konfig.utama ?? "") ? konfig.utama! : (ada[0] ?? ""));
    const tahunAda = tahunDari((data.arus ?? []).filter((r) => r.kode_wilayah === wilayah));
    const tahun = salahSatu(Number(k.tahun), tahunAda, tahunAda.at(-1) ?? 0) || null;
    return { wilayah, tahun, jk: salahSatu(k.jk, [SEMUA, "L", "W"], SEMUA) };
  },
  render(doc, root, data, k, konfig) {
    root.replaceChildren();
    const milik = (data.arus ?? []).filter((r) => r.kode_wilayah === k.wilayah);
    const tahun = k.tahun ?? Number.NaN;
    const arus = milik.filter((r) => Number(r.tahun) === tahun && (k.jk === SEMUA || r.jenis_kelamin === k.jk));
    root.appendChild(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", k.wilayah, opsiWilayah(konfig, urutWilayah((data.arus ?? []).map((r) => r.kode_wilayah)))),
        pilihan(doc, "tahun", "Tahun", k.tahun, opsiTahun(tahunDari(milik))),
        pilihan(doc, "jk", "Jenis kelamin", k.jk, [[SEMUA, "Laki-laki dan perempuan"], ["L", JENIS_KELAMIN.L ?? "L"], ["W", JENIS_KELAMIN.W ?? "W"]]),
      ),
    );
    if (!arus.length) {
      root.appendChild(belumTersedia(doc, `rekap AK-I ${namaWilayah(konfig, k.wilayah)} ${k.tahun ?? ""}`));
      return;
    }
    const pendidikan = [...new Map(arus.map((r) => [String(r.pendidikan), Number(r.urutan_pendidikan)])).entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([p]) => p);
    const files = arus.map((r) => r.source_file);

    // Stock and flows.
    const ukuran: [string, string][] = [
      ["sisa_lalu", TAHAP_ARUS[0]],
      ["terdaftar", TAHAP_ARUS[1]],
      ["penempatan", TAHAP_ARUS[2]],
      ["penghapusan", TAHAP_ARUS[3]],
      ["sisa_akhir", TAHAP_ARUS[4]],
    ];
    const arusRows: ArusRow[] = arus.flatMap((r) =>
      ukuran
        .filter(([k]) => nilai(r[k]) !== null)
        .map(([k, tahap]) => ({ pendidikan: String(r.pendidikan), tahap, jenis_kelamin: JENIS_KELAMIN[String(r.jenis_kelamin)] ?? String(r.jenis_kelamin), jumlah: nilai(r[k])!, asal: asalSel(r.source_file, r.source_row, k) })),
    );
    const total = (k: string) => angka(jumlah(arus.map((r) => r[k])), 0);
    root.appendChild(
      bagian(
        doc,
        "Stok dan arus pencari kerja",
        paragraf(
          doc,
          `Sisa tahun lalu ${total("sisa_lalu")} + terdaftar ${total("terdaftar")} − ditempatkan ${total("penempatan")} − dihapus ${total("penghapusan")} = sisa akhir ${total("sisa_akhir_dihitung")} `,
          `(tercetak: ${total("sisa_akhir")}).`,
        ),
        gambar(doc, arusPencaker(arusRows, pendidikan), `Arus pencari kerja ${tahun} menurut pendidikan dan jenis kelamin`, `${sumber(["marts.ak1_arus_pencaker"], files)}.`),
        tabel(
          doc,
          [
            { judul: "Pendidikan", isi: (r: Row) => teks(r.pendidikan) },
            { judul: "JK", isi: (r: Row) => JENIS_KELAMIN[String(r.jenis_kelamin)] ?? teks(r.jenis_kelamin) },
            { judul: "Sisa tahun lalu", isi: (r: Row) => angka(r.sisa_lalu, 0), angka: true },
            { judul: "Terdaftar", isi: (r: Row) => angka(r.terdaftar, 0), angka: true },
            { judul: "Ditempatkan", isi: (r: Row) => angka(r.penempatan, 0), angka: true },
            { judul: "Dihapus", isi: (r: Row) => angka(r.penghapusan, 0), angka: true },
            { judul: "Sisa akhir (tercetak)", isi: (r: Row) => angka(r.sisa_akhir, 0), angka: true },
            { judul: "Sisa akhir (dihitung)", isi: (r: Row) => angka(r.sisa_akhir_dihitung, 0), angka: true },
            { judul: "Baris sumber", isi: (r: Row) => `${teks(r.source_file)}:${teks(r.source_row)}` },
          ],
          arus,
          "Identitas stok-arus per baris AK-I",
        ),
      ),
    );

    // Placement rates by education (ditempatkan / terdaftar, the warehouse's main definition).
    const tingkat: PenempatanRow[] = [];
    const tabelTingkat: Row[] = [];
    for (const p of pendidikan) {
      const per = arus.filter((r) => r.pendidikan === p);
      const kelompok: [string, Row[]][] = [
        ["Laki-laki", per.filter((r) => r.jenis_kelamin === "L")],
        ["Perempuan", per.filter((r) => r.jenis_kelamin === "W")],
        ["Semua", per],
      ];
      for (const [k, rs] of kelompok) {
        const ditempatkan = jumlah(rs.map((r) => r.penempatan));
        const terdaftar = jumlah(rs.map((r) => r.terdaftar));
        const r = rasio(ditempatkan, terdaftar);
        tabelTingkat.push({ pendidikan: p, kelompok: k, ditempatkan, terdaftar, rasio: r });
        // A rate sums rows: its cells are those rows' penempatan and terdaftar.
        const asal = `${[...new Set(rs.map((x) => asalSel(x.source_file, null)))].join(", ")} baris ${rs.map((x) => x.source_row).join(", ")} kolom penempatan / terdaftar`;
        if (r !== null) tingkat.push({ pendidikan: p, kelompok: k, persen: Number(r), label: persen(r), asal });
      }
    }
    const rataRata = rasio(jumlah(arus.map((r) => r.penempatan)), jumlah(arus.map((r) => r.terdaftar)));
    root.appendChild(
      bagian(
        doc,
        "Tingkat penempatan menurut pendidikan",
        paragraf(doc, `Ditempatkan dibagi terdaftar tahun ${tahun}. Garis putus-putus: semua pendidikan (${persen(rataRata)}). Pendidikan tanpa pendaftar tidak punya titik.`),
        gambar(
          doc,
          tingkatPenempatan(tingkat, pendidikan, rataRata === null ? undefined : Number(rataRata)),
          `Tingkat penempatan pencari kerja ${tahun} menurut pendidikan`,
          `${sumber(["marts.ak1_arus_pencaker"], files)}.`,
        ),
        tabel(
          doc,
          [
            { judul: "Pendidikan", isi: (r: Row) => teks(r.pendidikan) },
            { judul: "Kelompok", isi: (r: Row) => teks(r.kelompok) },
            { judul: "Ditempatkan", isi: (r: Row) => angka(r.ditempatkan, 0), angka: true },
            { judul: "Terdaftar", isi: (r: Row) => angka(r.terdaftar, 0), angka: true },
            { judul: "Tingkat", isi: (r: Row) => persen(r.rasio), angka: true },
          ],
          tabelTingkat,
        ),
      ),
    );

    // Competing definitions of the placement IKU (Tabel 3.16).
    const definisi = (data.definisi ?? []).filter((r) => r.kode_wilayah === k.wilayah && Number(r.tahun) === tahun);
    const terbit = (data.terbit ?? []).filter((r) => r.kode_wilayah === k.wilayah && Number(r.tahun) === tahun);
    const defRows: DefinisiRow[] = definisi
      .filter((r) => nilai(r.hasil) !== null)
      .map((r) => ({
        label: String(r.definisi_label ?? r.definisi),
        persen: nilai(r.hasil)!,
        jenis: r.definisi_utama ? JENIS_DEFINISI[0]! : JENIS_DEFINISI[1]!,
        teks: persen(r.hasil),
        asal: `marts.tabel_3_16: ${teks(r.pembilang)} / ${teks(r.penyebut)}`,
      }));
    for (const t of terbit) {
      if (nilai(t.nilai_terbit) !== null) defRows.push({ label: "Angka terbit LKjIP (Tabel 3.16)", persen: nilai(t.nilai_terbit)!, jenis: JENIS_DEFINISI[2]!, teks: teks(t.nilai_terbit_teks), asal: asalSel(t.source_file, t.source_row, "hasil") });
    }
    const sec = bagian(doc, "Definisi IKU penempatan yang bersaing (Tabel 3.16)");
    if (!definisi.length) sec.appendChild(belumTersedia(doc, "definisi IKU (marts.tabel_3_16)"));
    else {
      sec.appendChild(paragraf(doc, `Indikator: ${teks(definisi[0]!.indikator)}. Formulasi manual IKU: ${teks(definisi[0]!.formulasi)}.`));
      if (defRows.length)
        sec.appendChild(
          gambar(
            doc,
            definisiIku(defRows),
            `Persentase pencari kerja ditempatkan ${tahun} menurut definisi`,
            `${sumber(["marts.tabel_3_16", "marts.published_vs_recomputed"], terbit.map((t) => t.source_file))}. Definisi yang inputnya tidak ada di sumber tidak digambar (lihat tabel).`,
          ),
        );
      sec.appendChild(
        tabel(
          doc,
          [
            { judul: "Definisi", isi: (r: Row) => teks(r.definisi_label) },
            { judul: "Utama", isi: (r: Row) => (r.definisi_utama ? "ya" : "") },
            { judul: "Perhitungan", isi: (r: Row) => teks(r.angka_perhitungan) },
            { judul: "Hasil", isi: (r: Row) => persen(r.hasil), angka: true },
            { judul: "Input hilang / keterangan", isi: (r: Row) => teks(r.input_hilang ?? r.keterangan) },
          ],
          definisi,
        ),
      );
    }
    root.appendChild(sec);
  },
};
