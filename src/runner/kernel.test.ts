// Kernel-level behaviour the fixture notebooks cannot show: the heartbeat.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { Kernel } from "./kernel";

describe("the kernel connection", () => {
  it("answers heartbeats when idle, and takes a frozen kernel for dead", async () => {
    const kernel = await Kernel.start({ cwd: path.join(__dirname, "fixtures") });
    try {
      expect(await kernel.heartbeat(5000)).toBe(true);
      expect((await kernel.execute("console.log(6 * 7)", 10_000)).outputs).toEqual([{ output_type: "stream", name: "stdout", text: "42\n" }]);
      process.kill(kernel.pid!, "SIGSTOP"); // alive, but answers nothing: a wedged kernel
      const result = await kernel.execute("console.log(1)", 10_000);
      expect(result.status).toBe("dead");
      expect(result.error!.message).toMatch(/stopped answering heartbeats/);
    } finally {
      await kernel.shutdown();
    }
  }, 60_000);
});
