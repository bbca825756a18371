// kafkajs 2.2.4, unchanged, against in-process brokers over memory pipes
// (its `socketFactory` seam): topics, keyed produce and a group consumer,
// injected faults and a stopped broker behave as they do over TCP.
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../cluster/protocol/errors";
import { partitionFor } from "../lab/partitioners";
import { memorySocketFactory } from "./kafkajs-socket";
import { startMemoryCluster, type MemoryCluster } from "./memory-cluster";
import { createMemoryPipe } from "./transport";

let cluster: MemoryCluster;
let kafka: Kafka;

beforeEach(async () => {
  cluster = await startMemoryCluster({ brokers: 3 });
  kafka = new Kafka({ clientId: "memory-test", brokers: cluster.bootstrap.split(","), socketFactory: memorySocketFactory(cluster.dial), logLevel: logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 50 } });
});
afterEach(async () => cluster.stop());

describe("the memory pipe", () => {
  it("delivers bytes in order, holds them while paused, and closes both ends", async () => {
    const { server, client } = createMemoryPipe();
    const got: number[] = [];
    let closed = 0;
    server.onData((c) => got.push(...c));
    server.onClose(() => closed++);
    client.onClose(() => closed++);
    server.pause();
    client.write(new Uint8Array([1, 2]));
    client.write(new Uint8Array([3]));
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([]);
    server.resume();
    expect(got).toEqual([1, 2, 3]);
    client.write(new Uint8Array([4]));
    client.close();
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([1, 2, 3, 4]);
    expect(closed).toBe(2);
  });
});

describe("kafkajs over memory pipes", () => {
  it("creates a topic, produces keyed records where murmur2 says and reads them back in order", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "orders", numPartitions: 3 }], waitForLeaders: true });
    const meta = await admin.fetchTopicMetadata({ topics: ["orders"] });
    expect(new Set(meta.topics[0].partitions.map((p) => p.leader))).toEqual(new Set([1, 2, 3]));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const keys = ["user1", "user2", "user123", "user456", "user789"];
    for (const key of keys) {
      const [r] = await producer.send({ topic: "orders", messages: [{ key, value: `${key}-a` }, { key, value: `${key}-b` }] });
      expect(r.partition).toBe(partitionFor(key, 3));
    }
    const consumer = kafka.consumer({ groupId: "memory-readers", maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: "orders", fromBeginning: true });
    const got: { key: string; value: string; partition: number }[] = [];
    await new Promise<void>((resolve) => {
      consumer.run({ eachMessage: async ({ partition, message }) => {
        got.push({ partition, key: message.key!.toString(), value: message.value!.toString() });
        if (got.length === 10) resolve();
      } });
    });
    for (const key of keys) {
      expect(got.filter((g) => g.key === key).map((g) => g.value)).toEqual([`${key}-a`, `${key}-b`]);
      expect(got.find((g) => g.key === key)!.partition).toBe(partitionFor(key, 3));
    }
    await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
  });

  it("retries through an injected error and a stopped broker", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "faulty", numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const rule = await cluster.faults.failNext({ api: "Produce", topic: "faulty", errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER });
    await producer.send({ topic: "faulty", messages: [{ value: "after a retry" }] });
    expect((await cluster.faults.rules()).find((r) => r.id === rule.id)).toBeUndefined();

    const leader = (await admin.fetchTopicMetadata({ topics: ["faulty"] })).topics[0].partitions[0].leader;
    await cluster.faults.stopBroker(leader);
    await expect(producer.send({ topic: "faulty", messages: [{ value: "while down" }], acks: -1, timeout: 500 })).rejects.toThrow();
    await cluster.faults.startBroker(leader);
    await producer.send({ topic: "faulty", messages: [{ value: "back again" }] });
    const offsets = await admin.fetchTopicOffsets("faulty");
    expect(offsets[0].high).toBe("2");
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  });
});
