// What lessons rely on when they reach a cluster: fault control is found (or
// its absence is an error) unless the cluster is not partition-lab's;
// consumeExactly decides "no more" from end offsets; close() cleans up.
import { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { consumeAll, consumeExactly, uniqueTopic } from "./checks";
import { connect, reachable } from "./connect";
import { PARTITION_LAB_CLUSTER_ID, type Lab } from "./lab";

let cluster: Cluster;
const saved = { ...process.env };
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => {
  process.env = saved;
  await cluster?.stop();
});

async function labWith(env: { control?: string }): Promise<Lab> {
  process.env.KAFKA_BROKERS = cluster.bootstrap;
  if (env.control === undefined) delete process.env.PARTITION_LAB_CONTROL;
  else process.env.PARTITION_LAB_CONTROL = env.control;
  return connect({ quiet: true });
}

describe("faultsUnlessRealKafka", () => {
  it("connects to the control endpoint of a partition-lab cluster", async () => {
    const lab = await labWith({ control: cluster.controlUrl });
    expect(await lab.isPartitionLab()).toBe(true);
    const faults = (await lab.faultsUnlessRealKafka())!;
    await faults.dropNext({ api: "Produce", topic: "nowhere" });
    expect(await cluster.faults.rules()).toHaveLength(1);
    await faults.clear();
    await lab.close();
  });

  it("is an error, not a skip, when a partition-lab cluster's control endpoint is missing or dead", async () => {
    const lab = await labWith({});
    await expect(lab.faultsUnlessRealKafka()).rejects.toThrow(/partition-lab's, but its fault control is missing: .*PARTITION_LAB_CONTROL/);
    await lab.close();
    const dead = await labWith({ control: "http://127.0.0.1:9" });
    await expect(dead.faultsUnlessRealKafka()).rejects.toThrow(/cannot reach the cluster's control endpoint/);
    await dead.close();
  });

  it("skips, saying so, only where the cluster says it is not partition-lab's", async () => {
    const admin = Kafka.prototype.admin;
    const spy = vi.spyOn(Kafka.prototype, "admin").mockImplementation(function (this: Kafka, ...args) {
      const real = admin.apply(this, args);
      return { ...real, describeCluster: async () => ({ ...(await real.describeCluster()), clusterId: "MkU3OEVBNTcwNTJENDM2Qk" }) };
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      process.env.KAFKA_BROKERS = cluster.bootstrap;
      const lab = await connect();
      expect(await lab.isPartitionLab()).toBe(false);
      expect(await lab.faultsUnlessRealKafka()).toBeUndefined();
      expect(log.mock.calls.flat().join("\n")).toMatch(/Fault injection skipped: the cluster at .* is not partition-lab's/);
      await lab.close();
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
    expect(PARTITION_LAB_CLUSTER_ID).toBe(cluster.state.clusterId);
  });
});

describe("ownCluster", () => {
  it("starts a cluster for the lab alone, once; stopping its brokers leaves the shared one untouched; close() stops it", async () => {
    const lab = await labWith({ control: cluster.controlUrl });
    const own = await lab.ownCluster();
    try {
      expect(await lab.ownCluster()).toBe(own);
      expect(own.source).toBe("embedded");
      expect(own.bootstrap).not.toBe(cluster.bootstrap);
      const faults = (await own.faultsUnlessRealKafka())!;
      await faults.stopBroker(2);
      expect((await faults.info()).brokers.find((b) => b.nodeId === 2)?.up).toBe(false);
      expect((await cluster.faults.info()).brokers.every((b) => b.up)).toBe(true);
    } finally {
      await lab.close();
    }
    expect(await reachable(own.bootstrap.split(",")[0])).toBe(false);
  });
});

describe("consumeExactly, consumeAll and close", () => {
  it("fails at once when more than n are stored, and reads past transaction markers without waiting", async () => {
    const lab = await labWith({ control: cluster.controlUrl });
    const topic = uniqueTopic("exactly");
    await lab.createTopic(topic, 2);
    const producer = await lab.producer();
    await producer.send({ topic, messages: ["a", "b", "c", "d"].map((value, i) => ({ partition: i % 2, value })) });
    const started = Date.now();
    await expect(consumeExactly(lab.kafka, topic, 3, { timeoutMs: 10_000 })).rejects.toThrow(/expected exactly 3 messages on .*, got 4/);
    expect(Date.now() - started).toBeLessThan(8_000);

    const txnTopic = uniqueTopic("exactly-txn");
    await lab.createTopic(txnTopic, 1);
    const txnProducer = await lab.producer({ transactionalId: uniqueTopic("t"), idempotent: true, maxInFlightRequests: 1 });
    const aborted = await txnProducer.transaction();
    await aborted.send({ topic: txnTopic, messages: [{ value: "gone" }] });
    await aborted.abort();
    const committed = await txnProducer.transaction();
    await committed.send({ topic: txnTopic, messages: [{ value: "kept" }] });
    await committed.commit();
    expect((await consumeExactly(lab.kafka, txnTopic, 1, { timeoutMs: 10_000 })).map((r) => r.value)).toEqual(["kept"]);
    // consumeAll: no count to trust, everything up to the end offsets (read_committed: the committed record only).
    expect((await consumeAll(lab.kafka, topic, { timeoutMs: 10_000 })).map((r) => r.value).sort()).toEqual(["a", "b", "c", "d"]);
    expect((await consumeAll(lab.kafka, txnTopic, { timeoutMs: 10_000 })).map((r) => r.value)).toEqual(["kept"]);
    expect((await consumeAll(lab.kafka, txnTopic, { timeoutMs: 10_000, readUncommitted: true })).map((r) => r.value)).toEqual(["gone", "kept"]);

    await lab.close();
    await lab.close(); // a second close does nothing
    const names = cluster.topics().map((t) => t.name);
    expect(names).not.toContain(topic);
    expect(names).not.toContain(txnTopic);
  });
});
