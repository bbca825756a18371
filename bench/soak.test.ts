// A bounded soak: 3 idempotent producers and a 3-member group for 20 s with a
// rebalance forced every 3 s. Every message arrives, per-key order holds and
// nothing is stored twice. (`npm run bench -- soak` runs it for longer.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "partition-lab";
import { runSoak } from "./soak-load";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => cluster?.stop());

describe("soak", () => {
  it("loses nothing, keeps per-key order and stores no duplicates through forced rebalances", async () => {
    const report = await runSoak({ bootstrap: cluster.bootstrap, durationMs: 20_000, rebalanceEveryMs: 3_000, control: cluster.faults });
    expect(report.produced).toBeGreaterThan(1000);
    expect(report.rebalances).toBeGreaterThanOrEqual(4);
    expect(report.lost).toBe(0);
    expect(report.orderViolations).toBe(0);
    expect(report.logDuplicates).toBe(0);
  }, 60_000);
});
