/**
 * The page views the client drives, by widget name (notebooks/client/main.ts). Only view modules are
 * imported here: they need neither Node nor jsdom, so the browser bundle stays small.
 */
import { TAMPILAN_ANGGARAN } from "./anggaran-view.js";
import { TAMPILAN_HI } from "./hubungan-industrial-view.js";
import { TAMPILAN_PASAR } from "./pasar-view.js";
import { TAMPILAN_PENCAKER } from "./pencari-kerja-view.js";
import { TAMPILAN_RINGKASAN } from "./ringkasan-view.js";
import { TAMPILAN_TREN } from "./tren-view.js";

export const HALAMAN_TAMPILAN = {
  anggaran: TAMPILAN_ANGGARAN,
  hi: TAMPILAN_HI,
  pasar: TAMPILAN_PASAR,
  pencaker: TAMPILAN_PENCAKER,
  ringkasan: TAMPILAN_RINGKASAN,
  tren: TAMPILAN_TREN,
};
