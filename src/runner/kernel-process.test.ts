// Reading a process's state from /proc/PID/stat.
import { describe, expect, it } from "vitest";
import { parseProcStat } from "./kernel-process";

describe("parseProcStat", () => {
  it("finds the state and CPU time after a command name holding spaces and parentheses", () => {
    const stat = "4242 (node (tslab) x) T 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 11 0 100 0 0";
    expect(parseProcStat(stat)).toEqual({ state: "T", cpuSeconds: 3.25 });
  });

  it("reads this process's own stat", async () => {
    const fs = await import("node:fs");
    const own = parseProcStat(fs.readFileSync(`/proc/${process.pid}/stat`, "utf8"));
    expect(own?.state).toBe("R");
    expect(own!.cpuSeconds).toBeGreaterThan(0);
  });
});
