/** Pages read only the published layers: marts.* and recon.* (the reconciliation step's tables). */
import { describe, expect, it } from "vitest";
import { referencedRelations } from "../../pipelines/models/discover.js";
import { HALAMAN } from "../../notebooks/registry.js";

describe("notebook page registry", () => {
  it("lists the seven pages once each", () => {
    expect(HALAMAN.map((m) => m.menu)).toEqual(["Ringkasan", "Tren IKU", "Pencari kerja", "Hubungan industrial", "Anggaran", "Pasar kerja (BPS)", "Rekonsiliasi"]);
  });

  it("has every page query read marts or recon only", () => {
    for (const m of HALAMAN) {
      for (const [name, q] of Object.entries(m.queries)) {
        const rels = [...referencedRelations(q.sql), ...[...q.sql.matchAll(/\brecon\.([a-z_]+)/g)].map((x) => `recon.${x[1]}`)];
        expect(rels.length, `${m.menu}.${name}`).toBeGreaterThan(0);
        for (const r of rels) expect(r, `${m.menu}.${name}`).toMatch(/^(marts|recon)\./);
      }
    }
  });
});
