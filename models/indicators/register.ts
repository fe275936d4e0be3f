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
  registerTextFunction(con, "kelas_publikasi", VARCHAR, 3, (published, desimal, exact) =>
    exact === null || desimal === null ? null : kelasPublikasi(dec(published!), Number(desimal), dec(exact)),
  );
}
