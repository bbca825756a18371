// The watchdog ends a build whose main thread stops running (no timer of its
// own could fire then), saying what was awaited and where the thread is stuck.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const dist = path.resolve(__dirname, "../../dist");

describe("the build's watchdog", () => {
  it("kills a process whose event loop is blocked, with what it awaited and the blocked stack", async () => {
    const script = `
      const { startWatchdog } = require(${JSON.stringify(path.join(dist, "build/watchdog.js"))});
      const { setActivity } = require(${JSON.stringify(path.join(dist, "runner/activity.js"))});
      startWatchdog(1500);
      setActivity("nb", "notebooks/09-test.ipynb, cell 4: waiting for its execute_reply");
      setTimeout(function spinForever() { for (;;) {} }, 200);
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const t0 = Date.now();
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
    expect(signal).toBe("SIGKILL");
    expect((Date.now() - t0) / 1000).toBeLessThan(15);
    expect(stderr).toMatch(/the main thread has not run for \d+ s \(its event loop is blocked, so no deadline can fire\)/);
    expect(stderr).toContain("  - notebooks/09-test.ipynb, cell 4: waiting for its execute_reply");
    expect(stderr).toMatch(/The main thread is stuck here:\n    at spinForever \(/);
  }, 30_000);

  it("leaves a process alone whose event loop keeps running", async () => {
    const script = `
      const { startWatchdog } = require(${JSON.stringify(path.join(dist, "build/watchdog.js"))});
      const dog = startWatchdog(1000);
      setTimeout(async () => { await dog.stop(); console.error("finished"); }, 3000);
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).toBe("finished\n");
  }, 30_000);
});
