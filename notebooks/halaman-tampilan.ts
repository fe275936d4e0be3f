/**
 * The page views the client drives, by widget name (notebooks/client/main.ts). Only view modules are
 * imported here: they need neither Node nor jsdom, so the browser bundle stays small.
 */
import type { Keadaan, Tampilan } from "./tampilan.js";

export const HALAMAN_TAMPILAN: Record<string, Tampilan<Keadaan, never>> = {};
