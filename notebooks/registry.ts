/** The notebook pages in navigation order. Pages import notebooks/site.ts; only this module imports pages. */
import anggaran from "./anggaran.js";
import hubunganIndustrial from "./hubungan-industrial.js";
import pasarKerja from "./pasar-kerja.js";
import pencariKerja from "./pencari-kerja.js";
import rekonsiliasi from "./rekonsiliasi.js";
import ringkasan from "./ringkasan.js";
import type { PageModule } from "./site.js";
import trenIku from "./tren-iku.js";

export const HALAMAN: readonly PageModule[] = [ringkasan, trenIku, pencariKerja, hubunganIndustrial, anggaran, pasarKerja, rekonsiliasi] as unknown as PageModule[];
