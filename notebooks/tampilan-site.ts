/** Build-time helpers for views: the region names a view needs, from the site's region master. */
import type { Row, SiteInfo } from "./site.js";
import type { Wilayah } from "./tampilan.js";

/** Names of every region in `rows` (the views cannot query marts.wilayah in the browser). */
export function namaKonfig(rows: Row[], site: SiteInfo): Wilayah {
  const nama: Record<string, string> = {};
  for (const r of rows) if (typeof r.kode_wilayah === "string") nama[r.kode_wilayah] = site.namaWilayah(r.kode_wilayah);
  if (site.wilayahUtama) nama[site.wilayahUtama] = site.namaWilayah(site.wilayahUtama);
  return { nama };
}
