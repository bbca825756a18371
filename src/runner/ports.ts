// Five free loopback ports for a kernel's connection file. As in Jupyter,
// the ports are found here and bound later by the kernel, so another process
// can take one in between; the launcher then exits with BIND_FAILED_EXIT and
// the runner starts the kernel again on new ports. Within this process no
// port is handed out twice in a row (the OS may offer a just-closed port again).
import * as net from "node:net";
import type { Ports } from "./kernel-channels";

const RECENT = 200;
const recent: number[] = [];

function onePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Distinct free ports for shell, iopub, stdin, control and heartbeat. */
export async function freePorts(): Promise<Ports> {
  const found: number[] = [];
  for (let tries = 0; found.length < 5; tries++) {
    if (tries > 100) throw new Error("could not find five free loopback ports for the kernel");
    const port = await onePort();
    if (found.includes(port) || recent.includes(port)) continue;
    found.push(port);
    recent.push(port);
    if (recent.length > RECENT) recent.shift();
  }
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = found;
  return { shell_port, iopub_port, stdin_port, control_port, hb_port };
}
