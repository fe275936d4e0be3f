/** Rekonsiliasi: findings by severity, by table and by check. */
import * as Plot from "@observablehq/plot";
import { LABEL_KEPARAHAN, WARNA_KEPARAHAN, pendek, tickAngka } from "./common.js";

export interface TemuanHitung {
  /** The category on the y axis (severity, table or check). */
  kategori: string;
  keparahan: string;
  status: string;
  n: number;
}

const KEPARAHAN = ["error", "warning", "rounding"];

/** Counts stacked by severity; open findings solid, resolved ones faded. */
export function temuanPer(rows: TemuanHitung[], opts: { label: string }): Plot.PlotOptions {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.kategori, (totals.get(r.kategori) ?? 0) + r.n);
  const kategori = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const keparahan = KEPARAHAN.filter((t) => rows.some((r) => r.keparahan === t)).concat([...new Set(rows.map((r) => r.keparahan))].filter((t) => !KEPARAHAN.includes(t)));
  // Stack in severity order whatever order the rows came in.
  const data = [...rows].sort((a, b) => keparahan.indexOf(a.keparahan) - keparahan.indexOf(b.keparahan) || a.status.localeCompare(b.status));
  return {
    width: 960,
    height: 50 + kategori.length * 26,
    marginLeft: 300,
    marginRight: 40,
    x: { label: "Jumlah temuan", tickFormat: tickAngka, grid: true },
    y: { domain: kategori, label: opts.label, tickFormat: (d: string) => pendek(d, 48) },
    color: { legend: true, domain: keparahan.map((t) => LABEL_KEPARAHAN[t] ?? t), range: keparahan.map((t) => WARNA_KEPARAHAN[t] ?? "#9498a0") },
    marks: [
      Plot.barX(data, {
        y: "kategori",
        x: "n",
        fill: (d: TemuanHitung) => LABEL_KEPARAHAN[d.keparahan] ?? d.keparahan,
        fillOpacity: (d: TemuanHitung) => (d.status === "diselesaikan" ? 0.35 : 1),
        title: (d: TemuanHitung) => `${d.kategori} · ${LABEL_KEPARAHAN[d.keparahan] ?? d.keparahan} · ${d.status}: ${tickAngka(d.n)} temuan\nSumber: recon.temuan (langkah check); sel setiap temuan di daftar kerja`,
      }),
      Plot.ruleX([0]),
    ],
  };
}
