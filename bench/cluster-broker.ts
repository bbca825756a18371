// The broker side of `npm run bench -- cluster`: an embedded cluster in a
// forked process that reports its own CPU time and heap over IPC, so the
// benchmark can compare broker and client costs.
import { startCluster } from "partition-lab";

async function main(): Promise<void> {
  const cluster = await startCluster({ brokers: 3 });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on("message", (msg: { cmd: string }) => {
    if (msg.cmd === "stats") {
      gc?.();
      const cpu = process.cpuUsage();
      process.send!({ cpuMicros: cpu.user + cpu.system, heapUsed: process.memoryUsage().heapUsed, external: process.memoryUsage().external + process.memoryUsage().arrayBuffers });
    } else if (msg.cmd === "stop") {
      void cluster.stop().then(() => process.exit(0));
    }
  });
  process.send!({ bootstrap: cluster.bootstrap });
}

void main();
