// kafkajs 2.2 against the embedded cluster: the core must-shows.
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { murmur2Partition } from "../test-support/java-murmur2";
import { consumeN, topicsWithProducer } from "../test-support/kafka";

let cluster: Cluster;
let kafka: Kafka;

beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
  kafka = new Kafka({ clientId: "e2e", brokers: cluster.bootstrap.split(","), logLevel: logLevel.NOTHING });
});
afterAll(async () => cluster?.stop());

describe("kafkajs against the embedded cluster", () => {
  it("puts each key on the partition Java's murmur2 picks and reads every partition back in order", async () => {
    const { admin, producer } = await topicsWithProducer(kafka, [{ topic: "keys", numPartitions: 6 }], { createPartitioner: Partitioners.DefaultPartitioner });
    const keys = Array.from({ length: 40 }, (_, i) => `user${i % 10}`);
    const messages = keys.map((key, i) => ({ key, value: `message${i}` }));
    const sent = await producer.send({ topic: "keys", acks: -1, messages });
    expect(sent.every((r) => r.errorCode === 0)).toBe(true);

    for (const [i, key] of keys.entries()) {
      const stored = cluster.records("keys", murmur2Partition(key, 6)).find((r) => r.value?.toString() === `message${i}`);
      expect(stored, `${key} should be on partition ${murmur2Partition(key, 6)}`).toBeDefined();
    }
    const seen = await consumeN(kafka, "keys", keys.length);
    for (let p = 0; p < 6; p++) {
      const offsets = seen.filter((m) => m.partition === p).map((m) => Number(m.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    for (let k = 0; k < 10; k++) {
      const values = seen.filter((m) => m.key === `user${k}`).map((m) => Number(m.value.slice(7)));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    await producer.disconnect();
    await admin.disconnect();
  });

  it("answers ListOffsets earliest, latest and by timestamp", async () => {
    const { admin, producer } = await topicsWithProducer(kafka, [{ topic: "offsets", numPartitions: 2 }]);
    const t0 = Date.now();
    await producer.send({ topic: "offsets", messages: [0, 1, 2].map((i) => ({ partition: 1, value: `v${i}`, timestamp: String(t0 + i * 1000) })) });
    const offsets = await admin.fetchTopicOffsets("offsets");
    expect(offsets.find((o) => o.partition === 1)).toMatchObject({ low: "0", high: "3" });
    expect(offsets.find((o) => o.partition === 0)).toMatchObject({ low: "0", high: "0" });
    const byTime = await admin.fetchTopicOffsetsByTimestamp("offsets", t0 + 1500);
    expect(byTime.find((o) => o.partition === 1)?.offset).toBe("2");
    await producer.disconnect();
    await admin.disconnect();
  });

  it("grows a topic from 6 to 8 partitions without moving any existing record", async () => {
    const { admin, producer } = await topicsWithProducer(kafka, [{ topic: "grow", numPartitions: 6 }]);
    const keys = Array.from({ length: 30 }, (_, i) => `order-${i}`);
    await producer.send({ topic: "grow", messages: keys.map((key) => ({ key, value: "before" })) });
    const before = Array.from({ length: 6 }, (_, p) => cluster.records("grow", p).map((r) => `${r.offset}:${r.key}`));

    await admin.createPartitions({ topicPartitions: [{ topic: "grow", count: 8 }] });
    const meta = await admin.fetchTopicMetadata({ topics: ["grow"] });
    expect(meta.topics[0].partitions).toHaveLength(8);
    for (let p = 0; p < 6; p++) expect(cluster.records("grow", p).map((r) => `${r.offset}:${r.key}`)).toEqual(before[p]);

    // New records of a key follow murmur2 over the new count: some keys move.
    await producer.disconnect();
    const fresh = kafka.producer();
    await fresh.connect();
    await fresh.send({ topic: "grow", messages: keys.map((key) => ({ key, value: "after" })) });
    const moved = keys.filter((k) => murmur2Partition(k, 6) !== murmur2Partition(k, 8));
    expect(moved.length).toBeGreaterThan(0);
    for (const key of moved) {
      expect(cluster.records("grow", murmur2Partition(key, 8)).some((r) => r.key?.toString() === key && r.value?.toString() === "after")).toBe(true);
    }
    await expect(admin.createPartitions({ topicPartitions: [{ topic: "grow", count: 4 }] })).rejects.toThrow(/INVALID_PARTITIONS|partitions/i);
    await fresh.disconnect();
    await admin.disconnect();
  });

  it("refuses bad topic requests with Kafka's errors", async () => {
    const admin = kafka.admin();
    await admin.connect();
    const failure = (topic: string, replicationFactor?: number) =>
      admin.createTopics({ topics: [{ topic, replicationFactor }] }).then(
        () => "created",
        (err) => err.errors?.[0]?.type ?? err.type ?? String(err),
      );
    expect(await failure("bad name!")).toBe("INVALID_TOPIC_EXCEPTION");
    await admin.createTopics({ topics: [{ topic: "twice" }] });
    expect(await admin.createTopics({ topics: [{ topic: "twice" }] })).toBe(false); // kafkajs: false = already existed
    expect(await failure("too-replicated", 5)).toBe("INVALID_REPLICATION_FACTOR");
    await admin.deleteTopics({ topics: ["twice"] });
    expect(await admin.listTopics()).not.toContain("twice");
    await admin.disconnect();
  });

  it("sends requests for a partition to its leader and answers others NOT_LEADER_OR_FOLLOWER", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "leaders", numPartitions: 3, replicationFactor: 3 }] });
    const leaders = cluster.topics().find((t) => t.name === "leaders")!.partitions.map((p) => p.leader);
    expect(new Set(leaders).size).toBe(3); // spread over the brokers
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "leaders", messages: [{ partition: 0, value: "a" }] });
    await cluster.moveLeader("leaders", 0, leaders[1]);
    await producer.send({ topic: "leaders", messages: [{ partition: 0, value: "b" }] }); // retried after NOT_LEADER_OR_FOLLOWER
    expect(cluster.records("leaders", 0).map((r) => r.value?.toString())).toEqual(["a", "b"]);
    await producer.disconnect();
    await admin.disconnect();
  });
});
