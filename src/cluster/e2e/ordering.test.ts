// What breaks per-key order, shown with injected faults — the course's
// central lesson: retries with several requests in flight reorder or
// duplicate records unless the producer is idempotent.
import type { KafkaConfig, ProducerConfig } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { ErrorCode } from "../protocol";
import { client, readAll, waitFor, connectedAdmin } from "../test-support/kafka";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => cluster?.stop());

const stored = (topic: string) => cluster.records(topic, 0).filter((r) => !r.isControl).map((r) => r.value!.toString());

/** A fresh topic and a connected producer for it. */
async function producerFor(name: string, config: ProducerConfig, kafkaConfig: Partial<KafkaConfig> = {}) {
  await topic(name);
  const producer = client(cluster.bootstrap, kafkaConfig).producer(config);
  await producer.connect();
  return producer;
}

async function topic(name: string, partitions = 1) {
  const admin = await connectedAdmin(cluster.bootstrap);
  await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }] });
  await admin.disconnect();
}

describe("ordering under retries", () => {
  it("without idempotence, a retried batch with 5 requests in flight lands after later ones", async () => {
    const producer = await producerFor("reorder", { maxInFlightRequests: 5, idempotent: false });
    await cluster.faults.failNext({ api: "Produce", topic: "reorder", errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER });
    await Promise.all([0, 1, 2, 3, 4].map((i) => producer.send({ topic: "reorder", acks: -1, messages: [{ key: "user1", value: `m${i}` }] })));
    const order = stored("reorder");
    expect([...order].sort()).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(order).not.toEqual(["m0", "m1", "m2", "m3", "m4"]);
    await producer.disconnect();
  });

  it("without idempotence, a lost acknowledgement makes the retry store the batch twice", async () => {
    const producer = await producerFor("duplicate", { idempotent: false }, { requestTimeout: 1000 });
    await cluster.faults.dropNext({ api: "Produce", topic: "duplicate" });
    for (const i of [0, 1, 2]) await producer.send({ topic: "duplicate", acks: -1, messages: [{ key: "user1", value: `m${i}` }] });
    expect(stored("duplicate")).toEqual(["m0", "m0", "m1", "m2"]);
    await producer.disconnect();
  });

  it("with idempotence, the same faults leave every message exactly once and in order", async () => {
    const producer = await producerFor("exactly-once", { idempotent: true }, { requestTimeout: 1000 });
    await cluster.faults.dropNext({ api: "Produce", topic: "exactly-once" });
    await cluster.faults.failNext({ api: "Produce", topic: "exactly-once", errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, skip: 2 });
    for (let i = 0; i < 8; i++) await producer.send({ topic: "exactly-once", acks: -1, messages: [{ key: "user1", value: `m${i}` }, { key: "user1", value: `n${i}` }] });
    expect(stored("exactly-once")).toEqual(Array.from({ length: 8 }, (_, i) => [`m${i}`, `n${i}`]).flat());
    expect(await cluster.faults.rules()).toEqual([]); // both faults really fired
    await producer.disconnect();
  });

  it("a leader move mid-stream loses nothing for the producer and a group consumer", async () => {
    await topic("moving", 3);
    const kafka = client(cluster.bootstrap);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const seen = new Set<string>();
    const consumer = kafka.consumer({ groupId: "moving-group", maxWaitTimeInMs: 100, heartbeatInterval: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic: "moving", fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.value!.toString()) });
    const leaders = () => cluster.topics().find((t) => t.name === "moving")!.partitions.map((p) => p.leader);
    for (let i = 0; i < 60; i++) {
      if (i === 20 || i === 40) {
        const current = leaders();
        for (let p = 0; p < 3; p++) await cluster.moveLeader("moving", p, (current[p] % 3) + 1);
      }
      await producer.send({ topic: "moving", acks: -1, messages: [{ key: `k${i % 6}`, value: `v${i}` }] });
    }
    await waitFor(() => seen.size === 60, "all 60 messages after two leader moves");
    const all = await readAll(kafka, "moving", 60);
    for (const values of all.values()) {
      const byKey = new Map<string, number[]>();
      for (const v of values) {
        const n = Number(v.slice(1));
        byKey.set(`k${n % 6}`, [...(byKey.get(`k${n % 6}`) ?? []), n]);
      }
      for (const ns of byKey.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    expect([...all.values()].flat()).toHaveLength(60);
    await consumer.disconnect();
    await producer.disconnect();
  });
});
