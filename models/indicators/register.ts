/**
 * Indicator functions exposed to the SQL models. Exact values travel as VARCHAR and are cast back
 * to DECIMAL in SQL, e.g. CAST(capaian(realisasi::VARCHAR, target::VARCHAR, arah) AS DECIMAL(28,6)).
 */
import { VARCHAR } from "@duckdb/node-api";
import { registerTextFunction, type Db } from "../../pipelines/lib/duckdb.js";
import { capaian, capaianRentang, parseRentang, persen } from "./capaian.js";
import { dec } from "./exact.js";
import { kriteria } from "./kriteria.js";
import { kelasPublikasi, tampilkan, type Kebijakan } from "./pembulatan.js";
import { parseTitik, perubahanPerTahun, regresiLinear } from "./proyeksi.js";
import { formatAngka } from "../../pipelines/lib/format.js";

const out = (v: { toFixed(n?: number): string } | null, places = 10) => (v === null ? null : v.toFixed(places));

export function registerIndicatorFunctions(db: Db): void {
  const con = db.con;
  registerTextFunction(con, "capaian", VARCHAR, 3, (realisasi, target, arah) => {
    if (target === null) return null;
    if (arah === "rentang") return null;
    const c = capaian(dec(realisasi!), dec(target), arah === "negatif" ? "negatif" : "positif");
    return c.ok ? out(c.nilai) : null;
  });
  registerTextFunction(con, "capaian_rentang", VARCHAR, 2, (realisasi, rentang) => {
    const r = rentang === null ? null : parseRentang(rentang);
    if (!r) return null;
    const c = capaianRentang(dec(realisasi!), r.bawah, r.atas);
    return c.ok ? out(c.nilai) : null;
  });
  registerTextFunction(con, "persen", VARCHAR, 2, (pembilang, penyebut) =>
    penyebut === null ? null : out(persen(dec(pembilang!), dec(penyebut))),
  );
  registerTextFunction(con, "kriteria", VARCHAR, 1, (c) => kriteria(dec(c!)).kriteria);
  registerTextFunction(con, "kriteria_warna", VARCHAR, 1, (c) => kriteria(dec(c!)).warna);
  registerTextFunction(con, "tampilkan", VARCHAR, 3, (nilai, kebijakan, batas) =>
    tampilkan(dec(nilai!), (kebijakan ?? "bulat_2") as Kebijakan, batas === "true").toFixed(),
  );
  // Indonesian number text for explanations a person reads ("1.234.567,5"), from exact decimal text.
  registerTextFunction(con, "angka_id", VARCHAR, 1, (v) => formatAngka(dec(v!).toFixed()));
  registerTextFunction(con, "kelas_publikasi", VARCHAR, 3, (published, desimal, exact) =>
    exact === null || desimal === null ? null : kelasPublikasi(dec(published!), Number(desimal), dec(exact)),
  );
  // Renstra trajectories: the points travel as "tahun:nilai;tahun:nilai" (string_agg), the result
  // as exact text; fewer than two distinct years give NULL (no line from one point).
  registerTextFunction(con, "proyeksi_ols", VARCHAR, 2, (titik, x) => {
    const r = x === null ? null : regresiLinear(parseTitik(titik!));
    return r ? out(r.proyeksi(dec(x!))) : null;
  });
  registerTextFunction(con, "kemiringan_ols", VARCHAR, 1, (titik) => {
    const r = regresiLinear(parseTitik(titik!));
    return r ? out(r.kemiringan) : null;
  });
  registerTextFunction(con, "perubahan_per_tahun", VARCHAR, 3, (dari, ke, tahun) =>
    ke === null || tahun === null ? null : out(perubahanPerTahun(dec(dari!), dec(ke), dec(tahun))),
  );
}
