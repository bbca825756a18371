// The capstone's scenario against the embedded cluster: the reference design
// passes, and changing one choice makes the requirement it protects fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type FaultControl } from "../../cluster";
import { connect } from "../connect";
import type { Lab } from "../lab";
import { runOrderPipeline, type PipelineDesign } from "./pipeline";
import { failedRequirements } from "./report";

const reference: PipelineDesign = { name: "reference", partitions: 6, key: (e) => e.customerId, producer: { idempotent: true }, acks: -1, beforeGrowing: "drain-first" };
let cluster: Cluster;
let lab: Lab;
let faults: FaultControl | undefined;

beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
  const saved = { brokers: process.env.KAFKA_BROKERS, control: process.env.PARTITION_LAB_CONTROL };
  process.env.KAFKA_BROKERS = cluster.bootstrap;
  process.env.PARTITION_LAB_CONTROL = cluster.controlUrl;
  try {
    lab = await connect({ quiet: true });
    faults = await lab.faultsUnlessRealKafka();
  } finally {
    for (const [name, value] of [["KAFKA_BROKERS", saved.brokers], ["PARTITION_LAB_CONTROL", saved.control]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});
afterAll(async () => {
  await lab?.close();
  await cluster?.stop();
});

describe("the order pipeline", () => {
  it("passes the reference design through faults, an outage, growth and a rebalance", async () => {
    const run = await runOrderPipeline(lab, reference, { faults });
    expect(run.grade.verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(run.faultsFired).toBe(true);
    expect([run.startPartitions, run.endPartitions]).toEqual([6, 12]);
    expect(run.consumersJoined.sort()).toEqual(["consumer-1", "consumer-2", "consumer-3"]);
    expect(run.marks.map((m) => m.event)).toContain("backlog drained");
  }, 60_000);

  it.each([
    ["the order id as key", 1, { key: (e) => e.orderId }],
    ["growing with a backlog", 1, { beforeGrowing: "grow-now" }],
    ["a producer that is not idempotent", 4, { producer: { idempotent: false } }],
    ["acks 0", 3, { producer: {}, acks: 0 }],
    ["3 partitions", 5, { partitions: 3 }],
  ] as [string, number, Partial<PipelineDesign>][])("rejects %s by requirement %i", async (name, requirement, change) => {
    const run = await runOrderPipeline(lab, { ...reference, ...change, name }, { faults });
    expect(failedRequirements(run.grade)).toContain(requirement);
  }, 60_000);

  it("without keys, kafkajs stores a retried record on another partition and loses a later one (reported as acknowledged)", async () => {
    const run = await runOrderPipeline(lab, { ...reference, name: "keyless", key: () => null }, { faults });
    const copies = run.stored.filter((s) => run.stored.filter((o) => o.event.eventId === s.event.eventId).length > 1);
    expect(copies).toHaveLength(2);
    expect(copies[0].partition).not.toBe(copies[1].partition);
    const storedIds = new Set(run.stored.map((s) => s.event.eventId));
    const lost = run.acknowledged.filter((a) => !storedIds.has(a.eventId));
    expect(lost).toHaveLength(1);
    const holder = run.stored.find((s) => s.partition === lost[0].partition && s.offset === lost[0].offset);
    expect(holder?.event.eventId).toBe(copies[0].event.eventId);
  }, 60_000);

  it("reports a design the cluster refuses in the grade instead of throwing", async () => {
    const run = await runOrderPipeline(lab, { ...reference, name: "no partitions", partitions: 0 }, { faults });
    expect(run.grade.passed).toBe(false);
    expect(run.grade.verdicts[2].detail).toMatch(/the topic could not be created/);
  }, 60_000);
});
