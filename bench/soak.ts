// `npm run bench -- soak [--seconds=60]`: the soak test for longer, with a report.
import { startCluster } from "partition-lab";
import { runSoak } from "./soak-load";

export async function runBenchmark(flags: string[]): Promise<void> {
  const seconds = Number(flags.find((f) => f.startsWith("--seconds="))?.split("=")[1] ?? 60);
  const cluster = await startCluster({ brokers: 3 });
  try {
    const report = await runSoak({ bootstrap: cluster.bootstrap, durationMs: seconds * 1000, control: cluster.faults, log: (l) => console.log(l) });
    console.log(JSON.stringify(report, null, 2));
    const ok = report.lost === 0 && report.orderViolations === 0 && report.logDuplicates === 0;
    console.log(ok ? "soak: OK (nothing lost, order held, no duplicates)" : "soak: FAILED");
    if (!ok) process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}
