/**
 * Pasar kerja as a view: TPT or TKK of a chosen region over the years against the province, the
 * change from the previous year within one kind of source, and every region with a figure in a chosen
 * year. Several sources for the same year stay apart (symbol by kind of source); none is averaged away.
 * TKK is computed only from a bekerja / angkatan kerja pair one source states for one period.
 */
import { angka, nilai, persen, rasio, teks } from "./angka.js";
import { bandingWilayah, JENIS_SUMBER, seriWilayah, type BandingRow, type PasarRow } from "./charts/pasar.js";
import { bagian, belumTersedia, el, gambar, paragraf, sumber, tabel, tautanLuar } from "./dom.js";
import { kontrol, namaWilayah, opsiTahun, opsiWilayah, pilihan, salahSatu, SEMUA, tahunDari, urutWilayah, type Baris, type DataTampilan, type Tampilan, type Wilayah } from "./tampilan.js";

export type PasarKeadaan = { wilayah: string; indikator: string; sumber: string; tahun: number | null };
export interface PasarKonfig extends Wilayah {
  /** The report's region, the default focus. */
  utama: string | null;
}

const INDIKATOR: Record<string, { nama: string; label: string }> = {
  tpt: { nama: "TPT", label: "TPT (%)" },
  tkk: { nama: "TKK", label: "TKK (%)" },
};

/** One indicator's figures: TPT as stated, TKK as bekerja / angkatan kerja × 100 of one statement. */
export function angkaPasar(data: DataTampilan, indikator: string): Baris[] {
  if (indikator === "tkk") return (data.tkk ?? []).map((r) => ({ ...r, nilai: rasio(r.bekerja, r.angkatan_kerja) })).filter((r) => r.nilai !== null);
  return (data.tpt ?? []).filter((r) => nilai(r.nilai) !== null);
}

/** The year most regions have a figure for (latest on a tie). */
function tahunTerbanyak(rows: Baris[]): number | null {
  const per = new Map<number, Set<unknown>>();
  for (const r of rows) per.set(Number(r.tahun), (per.get(Number(r.tahun)) ?? new Set()).add(r.kode_wilayah));
  return [...per.entries()].sort((a, b) => b[1].size - a[1].size || b[0] - a[0])[0]?.[0] ?? null;
}

function keterangan(w: Wilayah, r: Baris, label: string): string {
  return [
    `${namaWilayah(w, r.kode_wilayah)} ${r.tahun}: ${label} ${persen(r.nilai)}`,
    `Sumber: ${teks(r.sumber)}${r.periode ? ` (${teks(r.periode)})` : ""}`,
    `Asal: ${teks(r.source_file)}${r.source_row ? ` baris ${teks(r.source_row)}` : ""}`,
    r.url_sumber ? teks(r.url_sumber) : null,
  ]
    .filter(Boolean)
    .join("\n");
}

const tanda = (v: unknown) => (v !== null && v !== undefined && Number(v) > 0 ? "+" : "");

export const TAMPILAN_PASAR: Tampilan<PasarKeadaan, PasarKonfig> = {
  masukan: ["wilayah", "indikator", "sumber", "tahun"],
  rapikan(data, k, konfig) {
    const indikator = salahSatu(k.indikator, ["tpt", "tkk"].filter((i) => angkaPasar(data, i).length), "tpt");
    const rows = angkaPasar(data, indikator);
    const wilayahAda = urutWilayah(rows.map((r) => r.kode_wilayah));
    const wilayah = salahSatu(k.wilayah, wilayahAda, wilayahAda.includes(konfig.utama ?? "") ? konfig.utama! : (wilayahAda[0] ?? ""));
    const sumberAda = [...new Set(rows.map((r) => String(r.jenis_sumber)))];
    const sumberK = salahSatu(k.sumber, [SEMUA, ...sumberAda], SEMUA);
    const pilih = rows.filter((r) => sumberK === SEMUA || r.jenis_sumber === sumberK);
    const tahun = salahSatu(Number(k.tahun), tahunDari(pilih), tahunTerbanyak(pilih) ?? 0);
    return { wilayah, indikator, sumber: sumberK, tahun: tahun || null };
  },
  render(doc, root, data, k, konfig) {
    root.replaceChildren();
    const semua = angkaPasar(data, k.indikator);
    const ind = INDIKATOR[k.indikator]!;
    const sumberAda = [...new Set(semua.map((r) => String(r.jenis_sumber)))];
    const rows = semua.filter((r) => k.sumber === SEMUA || r.jenis_sumber === k.sumber);
    const provinsi = urutWilayah(semua.map((r) => r.kode_wilayah)).filter((x) => x.length === 2);
    const nama = namaWilayah(konfig, k.wilayah);
    root.appendChild(
      kontrol(
        doc,
        pilihan(doc, "wilayah", "Wilayah", k.wilayah, opsiWilayah(konfig, urutWilayah(semua.map((r) => r.kode_wilayah)))),
        pilihan(doc, "indikator", "Indikator", k.indikator, ["tpt", "tkk"].filter((i) => angkaPasar(data, i).length).map((i) => [i, INDIKATOR[i]!.nama])),
        pilihan(doc, "sumber", "Jenis sumber", k.sumber, [[SEMUA, "Semua jenis sumber"], ...sumberAda.map((s): [string, string] => [s, JENIS_SUMBER[s] ?? s])]),
        pilihan(doc, "tahun", "Tahun pembanding", k.tahun, opsiTahun(tahunDari(rows))),
      ),
    );
    if (!semua.length) {
      root.appendChild(belumTersedia(doc, ind.nama));
      return;
    }
    if (k.indikator === "tkk")
      root.appendChild(paragraf(doc, "TKK = bekerja / angkatan kerja × 100, dihitung hanya dari pasangan angka yang dinyatakan oleh sumber yang sama untuk periode yang sama."));

    // Over the years: the chosen region and the province.
    const garis = [...new Set([k.wilayah, ...provinsi])];
    const pilih = rows.filter((r) => garis.includes(String(r.kode_wilayah)));
    const data_: PasarRow[] = pilih.map((r) => ({
      tahun: Number(r.tahun),
      nilai: nilai(r.nilai)!,
      wilayah: namaWilayah(konfig, r.kode_wilayah),
      jenis: JENIS_SUMBER[String(r.jenis_sumber)] ?? String(r.jenis_sumber),
      keterangan: keterangan(konfig, r, ind.nama),
    }));
    const s1 = bagian(doc, `${ind.nama} ${nama} dari tahun ke tahun`);
    if (pilih.length) {
      const names = garis.map((x) => namaWilayah(konfig, x)).filter((n) => data_.some((d) => d.wilayah === n));
      s1.appendChild(
        gambar(
          doc,
          seriWilayah(data_, names, { label: ind.label }),
          `${ind.nama} ${nama}${k.wilayah.length === 2 ? "" : " dan provinsi"} per tahun, per sumber`,
          `${sumber(["marts.pasar_kerja"], pilih.flatMap((r) => [r.source_file, r.source_file_bekerja]))}. Setiap titik satu sumber (kotak: tabel BPS, lingkaran: kutipan terbitan); sumber berbeda pada tahun yang sama digeser sedikit ke samping, tidak pernah digabung.`,
          pilih.map((r) => ({ wilayah: namaWilayah(konfig, r.kode_wilayah), tahun: r.tahun, nilai: r.nilai, jenis_sumber: r.jenis_sumber, sumber: r.sumber, periode: r.periode, source_file: r.source_file, source_row: r.source_row ?? null })),
          `grafik-${k.indikator}-${k.wilayah}`,
        ),
      );
    } else s1.appendChild(belumTersedia(doc, `${ind.nama} ${nama}${k.sumber === SEMUA ? "" : ` dari ${JENIS_SUMBER[k.sumber] ?? k.sumber}`}`));

    // Year over year: the series lines of marts.indikator_seri (computed once there, as on the Tren pages).
    const ubah = (data.seri ?? [])
      .filter((r) => r.indikator === k.indikator && r.kode_wilayah === k.wilayah && r.utama && (k.sumber === SEMUA || r.kelas === k.sumber))
      .sort((a, b) => Number(a.tahun) - Number(b.tahun) || String(a.seri).localeCompare(String(b.seri)));
    s1.appendChild(el(doc, "h3", null, `Perubahan dari tahun sebelumnya, ${nama}`));
    s1.appendChild(
      el(doc, "p", { class: "catatan" }, "Per seri (kelas sumber dan definisi sama), dari marts.indikator_seri: perubahan hanya dari tahun sebelumnya yang ada di seri yang sama. ", el(doc, "a", { href: `tren-${k.indikator}.html?wilayah=${encodeURIComponent(k.wilayah)}` }, `Tren ${ind.nama} ${nama}`)),
    );
    s1.appendChild(
      tabel(
        doc,
        [
          { judul: "Tahun", isi: (r) => String(r.tahun), nilai: (r) => Number(r.tahun) },
          { judul: ind.nama, isi: (r) => persen(r.nilai), nilai: (r) => r.nilai as string, angka: true },
          { judul: "Perubahan", isi: (r) => (r.selisih === null ? "–" : `${tanda(r.selisih)}${angka(r.selisih, 2)} poin persen`), nilai: (r) => r.selisih as string | null, angka: true },
          { judul: "Perubahan %", isi: (r) => (r.selisih_persen === null ? "–" : `${tanda(r.selisih_persen)}${angka(r.selisih_persen, 2)}%`), nilai: (r) => r.selisih_persen as string | null, angka: true },
          { judul: "Seri", isi: (r) => teks(r.seri) },
          { judul: "Sumber", isi: (r) => teks(r.sumber) },
          { judul: "Asal (berkas, baris, kolom)", isi: (r) => teks(r.provenance ?? r.source_file) },
        ],
        ubah,
        `${ind.nama} ${nama}: perubahan dari tahun sebelumnya per seri`,
        `perubahan-${k.indikator}-${k.wilayah}`,
      ),
    );
    root.appendChild(s1);

    // Every region with a figure in the chosen year.
    const sebaya = rows.filter((r) => Number(r.tahun) === k.tahun);
    const s2 = bagian(doc, `${ind.nama} ${k.tahun ?? ""}: kabupaten/kota dan provinsi`);
    if (sebaya.length) {
      const banding: BandingRow[] = sebaya.map((r) => ({
        wilayah: namaWilayah(konfig, r.kode_wilayah),
        nilai: nilai(r.nilai)!,
        jenis: JENIS_SUMBER[String(r.jenis_sumber)] ?? String(r.jenis_sumber),
        fokus: r.kode_wilayah === k.wilayah,
        keterangan: keterangan(konfig, r, ind.nama),
      }));
      s2.appendChild(
        gambar(
          doc,
          bandingWilayah(banding, { label: ind.label }),
          `${ind.nama} ${k.tahun}: semua wilayah yang punya angka (${angka(new Set(sebaya.map((r) => r.kode_wilayah)).size, 0)} wilayah)`,
          `${sumber(["marts.pasar_kerja"], sebaya.flatMap((r) => [r.source_file, r.source_file_bekerja]))}. Merah: wilayah terpilih.`,
          sebaya.map((r) => ({ wilayah: namaWilayah(konfig, r.kode_wilayah), tahun: r.tahun, nilai: r.nilai, jenis_sumber: r.jenis_sumber, sumber: r.sumber, periode: r.periode, source_file: r.source_file, source_row: r.source_row ?? null })),
          `banding-${k.indikator}-${k.tahun}`,
        ),
      );
    } else s2.appendChild(belumTersedia(doc, `${ind.nama} ${k.tahun}`));
    s2.appendChild(
      tabel(
        doc,
        [
          { judul: "Wilayah", isi: (r) => namaWilayah(konfig, r.kode_wilayah) },
          { judul: "Tahun", isi: (r) => String(r.tahun), nilai: (r) => Number(r.tahun) },
          { judul: ind.nama, isi: (r) => persen(r.nilai), nilai: (r) => r.nilai as string, angka: true },
          { judul: "Jenis sumber", isi: (r) => JENIS_SUMBER[String(r.jenis_sumber)] ?? teks(r.jenis_sumber) },
          { judul: "Sumber", isi: (r) => (r.url_sumber ? tautanLuar(doc, r.url_sumber, teks(r.sumber)) : teks(r.sumber)) },
          { judul: "Periode", isi: (r) => teks(r.periode) },
          { judul: "Berkas:baris", isi: (r) => `${teks(r.source_file)}${r.source_row ? `:${teks(r.source_row)}` : ""}` },
        ],
        sebaya,
        `Semua angka ${ind.nama} ${k.tahun ?? ""} dan sumbernya`,
        `angka-${k.indikator}-${k.tahun}`,
      ),
    );
    root.appendChild(s2);
  },
};
