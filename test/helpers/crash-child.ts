/**
 * A build in its own process, for the crash test: `node --import tsx crash-child.ts SOURCES OUT [PHASE]`.
 * With PHASE, the build stops there: "kill:<phase>" kills the process with SIGKILL ("publish" = just
 * before the pointer swap, "swapped" = just after it); "wait:<phase>" prints "waiting" and sleeps
 * (the parent then sends a signal; the CLI's signal cleanup is installed).
 */
import { build, installSignalCleanup } from "../../pipelines/build.js";

const [sourcesDir, outDir, stop = ""] = process.argv.slice(2);
const [action, at] = stop.split(":");
installSignalCleanup();
process.stdout.write("start\n");
await build({
  sourcesDir: sourcesDir!,
  outDir: outDir!,
  only: "load",
  log: () => {},
  onPhase: async (phase) => {
    if (phase !== at) return;
    if (action === "kill") process.kill(process.pid, "SIGKILL");
    if (action === "wait") {
      process.stdout.write("waiting\n");
      await new Promise((r) => setTimeout(r, 120_000));
    }
  },
});
process.stdout.write("done\n");
