/** Which Chromium the browser tests launch: env path first, the npm package when asked or when none is installed. */
import { describe, expect, it } from "vitest";
import { chromiumExecutable } from "./browser.js";

describe("chromiumExecutable", () => {
  it("takes CHROMIUM_PATH when it exists and refuses one that does not", async () => {
    expect((await chromiumExecutable({ CHROMIUM_PATH: process.execPath })).where).toBe("CHROMIUM_PATH");
    await expect(chromiumExecutable({ CHROMIUM_PATH: "/tidak/ada/chromium" })).rejects.toThrow(/CHROMIUM_PATH=\/tidak\/ada\/chromium/);
  });

  it("falls back to the browser inside @sparticuz/chromium, with no --single-process", async () => {
    const exe = await chromiumExecutable({ CHROMIUM_NPM: "1" });
    expect(exe.where).toBe("@sparticuz/chromium");
    expect(exe.args).not.toContain("--single-process");
    expect(exe.args).toContain("--disable-background-networking");
  }, 60_000);
});
