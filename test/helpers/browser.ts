/**
 * Headless Chromium for the browser tests, without root or apt: a path from CHROMIUM_PATH, else
 * Debian's /usr/bin/chromium when installed, else the browser inside the npm package
 * @sparticuz/chromium (unpacked to /tmp on first use). playwright-core drives it; it never downloads
 * a browser.
 */
import { access } from "node:fs/promises";
import { chromium, type Browser } from "playwright-core";

const SYSTEM = "/usr/bin/chromium";
// Without these Chromium phones home at start (refused on this network, and not localhost).
const QUIET = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic", "--disable-gpu", "--no-sandbox"];

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** Which Chromium to launch and with which flags; `where` says where it came from (for messages). */
export async function chromiumExecutable(env = process.env): Promise<{ path: string; args: string[]; where: string }> {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!(await exists(fromEnv))) throw new Error(`CHROMIUM_PATH=${fromEnv} tidak ada`);
    return { path: fromEnv, args: ["--headless", ...QUIET], where: "CHROMIUM_PATH" };
  }
  if (env.CHROMIUM_NPM !== "1" && (await exists(SYSTEM))) return { path: SYSTEM, args: ["--headless", ...QUIET], where: SYSTEM };
  const { default: sparticuz } = await import("@sparticuz/chromium");
  const path = await sparticuz.executablePath();
  // Its own flags minus --single-process (one renderer for every page breaks parallel pages).
  const args = sparticuz.args.filter((a) => a !== "--single-process" && !a.startsWith("--headless"));
  return { path, args: ["--headless", ...args, ...QUIET], where: "@sparticuz/chromium" };
}

/**
 * One headless browser; callers open a context per page so pages run in parallel without sharing
 * storage. close() ends the browser and with it every context.
 */
export async function launchBrowser(): Promise<{ browser: Browser; where: string; close(): Promise<void> }> {
  const exe = await chromiumExecutable();
  const browser = await chromium.launch({ executablePath: exe.path, headless: true, args: exe.args });
  return { browser, where: exe.where, close: () => browser.close() };
}
