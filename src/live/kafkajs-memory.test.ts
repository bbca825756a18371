// kafkajs 2.2.4, unchanged, against the cluster core over in-memory pipes
// through the live pages' socket adapter (no node:events, no TCP): topics,
// keyed produce and a group consumer, an injected error, a connection the
// broker closes and a stopped broker behave as they do over TCP.
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../cluster/protocol/errors";
import { partitionFor } from "../lab/partitioners";
import { createCluster, type ClusterCore } from "../cluster";
import { memorySocketFactory } from "./kafkajs-socket";

let cluster: ClusterCore;
let kafka: Kafka;

beforeEach(async () => {
  cluster = await createCluster({ brokers: 3, host: "in-page-broker" });
  kafka = new Kafka({ clientId: "memory-test", brokers: cluster.bootstrap.split(","), socketFactory: memorySocketFactory((host, port) => cluster.connect(host, port)), logLevel: logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 50 } });
});
afterEach(async () => cluster.stop());

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
    // The broker closes the connection instead of answering: kafkajs reconnects and retries.
    await cluster.faults.closeNext({ api: "Produce", topic: "faulty" });
    await producer.send({ topic: "faulty", messages: [{ value: "after a reconnect" }] });

    const leader = (await admin.fetchTopicMetadata({ topics: ["faulty"] })).topics[0].partitions[0].leader;
    await cluster.faults.stopBroker(leader);
    const stopped = cluster.brokers.find((b) => b.nodeId === leader)!;
    const direct = new Kafka({ clientId: "direct", brokers: [`${stopped.host}:${stopped.port}`], socketFactory: memorySocketFactory((host, port) => cluster.connect(host, port)), logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    await expect(direct.admin().connect()).rejects.toThrow(/Connection error: .*refused|ECONNREFUSED/i);
    await cluster.faults.startBroker(leader);
    await producer.send({ topic: "faulty", messages: [{ value: "back again" }] });
    const offsets = await admin.fetchTopicOffsets("faulty");
    expect(offsets[0].high).toBe("3");
    expect(cluster.records("faulty", 0).map((r) => r.value!.toString())).toEqual(["after a retry", "after a reconnect", "back again"]);
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  });
});
