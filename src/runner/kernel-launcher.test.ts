// The launcher that starts tslab (./kernel-launcher.ts): it reads no socket
// before every port is bound, and a port taken by someone else makes it exit
// with BIND_FAILED_EXIT, after which the runner starts the kernel again on
// new ports. (Stock tslab would answer on shell and stay half-alive.)
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { Kernel } from "./kernel";
import { BIND_FAILED_EXIT, kernelArgv } from "./kernel-argv";
import { freePorts } from "./ports";
import { Trail } from "./trail";
import { encodeMessage, newMessage } from "./wire";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-launcher-"));
const squatters: net.Server[] = [];
afterAll(() => {
  for (const s of squatters) s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Free ports, with the heartbeat port then taken by a plain TCP server. */
async function portsWithHeartbeatTaken() {
  const ports = await freePorts();
  const squatter = net.createServer();
  await new Promise<void>((resolve) => squatter.listen(ports.hb_port, "127.0.0.1", resolve));
  squatters.push(squatter);
  return ports;
}

describe("the tslab kernel launcher", () => {
  it("exits with BIND_FAILED_EXIT when a port is taken, having answered nothing on the ports it did bind", async () => {
    const ports = await portsWithHeartbeatTaken();
    const key = "secret";
    const file = path.join(tmp, "connection.json");
    fs.writeFileSync(file, JSON.stringify({ ...ports, ip: "127.0.0.1", transport: "tcp", signature_scheme: "hmac-sha256", key }));
    const shell = new zmq.Dealer({ linger: 0 });
    shell.connect(`tcp://127.0.0.1:${ports.shell_port}`);
    let replies = 0;
    void (async () => {
      for await (const _ of shell) replies++;
    })().catch(() => undefined);
    // Queued in ZeroMQ until the kernel binds its shell port: it arrives the moment it does.
    await shell.send(encodeMessage(key, newMessage("test", "kernel_info_request", {})));
    const argv = kernelArgv().map((a) => a.replace("{connection_file}", file));
    const child = spawn(argv[0], argv.slice(1), { cwd: __dirname, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    shell.close();
    expect(code).toBe(BIND_FAILED_EXIT);
    expect(stderr).toContain(`cannot bind tcp://127.0.0.1:${ports.hb_port}`);
    expect(replies).toBe(0);
  }, 120_000);

  it("is started again on new ports by the runner when a port was taken before it could bind", async () => {
    let calls = 0;
    const trail = new Trail("launcher-retry", false);
    const kernel = await Kernel.start({ cwd: __dirname, trail, ports: () => (++calls === 1 ? portsWithHeartbeatTaken() : freePorts()) });
    try {
      expect(calls).toBe(2);
      const outcome = await kernel.execute("console.log('bound at last')", 60_000);
      expect(outcome.exec?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "bound at last\n" }]);
      expect(fs.readFileSync(trail.save(), "utf8")).toMatch(/exited \(exit code 3\)[\s\S]*a port was taken before the kernel could bind it; starting again \(attempt 2\)/);
    } finally {
      await kernel.shutdown();
    }
  }, 180_000);
});
