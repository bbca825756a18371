// Retention as Kafka applies it: every log.retention.check.interval.ms the
// broker deletes whole segments — older than retention.ms (by their largest
// record timestamp) or beyond retention.bytes — and the log start offset
// moves to the first offset left; ListOffsets earliest follows it and a fetch
// below it gets OFFSET_OUT_OF_RANGE. DeleteRecords moves the log start on
// request. The clock is a ManualClock: the test moves time, it never sleeps.
import { ConfigResourceTypes, type Admin, type Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { ManualClock } from "../coordination/clock";
import { client } from "../test-support/kafka";
import { rawRequest } from "../test-support/raw-request";

const clock = new ManualClock(Date.now());
let cluster: Cluster;
let admin: Admin;
let producer: Producer;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 1, clock, configs: { "log.retention.check.interval.ms": "1000" } });
  const kafka = client(cluster.bootstrap);
  admin = kafka.admin();
  producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
});
afterAll(async () => {
  await Promise.all([admin?.disconnect(), producer?.disconnect()]);
  await cluster?.stop();
});

const partition = (topic: string) => cluster.topics().find((t) => t.name === topic)!.partitions[0];
const stored = (topic: string) => cluster.records(topic, 0).map((r) => r.value!.toString());
const setConfig = (topic: string, name: string, value: string) =>
  admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name, value }] }] });

/** One record per send, so with a 100-byte segment.bytes each lands in its own segment. */
async function produce(topic: string, values: string[], timestamp: number): Promise<void> {
  for (const value of values) await producer.send({ topic, acks: -1, messages: [{ value, timestamp: String(timestamp) }] });
}

const fetchAt = async (topic: string, fetchOffset: bigint) => {
  const body = { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, topics: [{ topic, partitions: [{ partition: 0, fetchOffset, partitionMaxBytes: 1 << 20 }] }], forgottenTopicsData: [] };
  return (await rawRequest(cluster, 1, 1, 11, body)).responses[0].partitions[0];
};

describe("retention", () => {
  it("deletes segments older than retention.ms and moves the log start", async () => {
    await admin.createTopics({ topics: [{ topic: "by-time", configEntries: [{ name: "segment.bytes", value: "100" }] }] });
    await produce("by-time", ["old-0", "old-1", "old-2"], clock.now() - 120_000);
    await produce("by-time", ["new-3", "new-4"], clock.now());
    clock.advance(1000);
    expect(stored("by-time")).toHaveLength(5); // the default retention (7 days) keeps everything
    await setConfig("by-time", "retention.ms", "60000");
    clock.advance(1000);
    expect(partition("by-time").logStartOffset).toBe(3n);
    expect(stored("by-time")).toEqual(["new-3", "new-4"]);
    expect((await admin.fetchTopicOffsets("by-time"))[0]).toMatchObject({ low: "3", high: "5" });
    expect(await fetchAt("by-time", 1n)).toMatchObject({ errorCode: 1, logStartOffset: 3n });
    expect((await fetchAt("by-time", 3n)).errorCode).toBe(0);

    clock.advance(120_000); // now every segment is too old: the log empties, its end stays where it was
    expect(partition("by-time")).toMatchObject({ logStartOffset: 5n, highWatermark: 5n });
    await produce("by-time", ["after"], clock.now());
    expect(cluster.records("by-time", 0).map((r) => r.offset)).toEqual([5n]);
  });

  it("deletes the oldest segments beyond retention.bytes", async () => {
    await admin.createTopics({ topics: [{ topic: "by-size", configEntries: [{ name: "segment.bytes", value: "100" }] }] });
    await produce("by-size", ["a", "b", "c", "d", "e"], clock.now());
    const segmentSize = cluster.topics().find((t) => t.name === "by-size")!.partitions[0].size / 5;
    await setConfig("by-size", "retention.bytes", String(2 * segmentSize));
    clock.advance(1000);
    expect(stored("by-size")).toEqual(["d", "e"]);
    expect(partition("by-size").logStartOffset).toBe(3n);
  });

  it("keeps everything on a compacted topic (cleanup.policy without delete)", async () => {
    await admin.createTopics({ topics: [{ topic: "compacted", configEntries: [{ name: "segment.bytes", value: "100" }, { name: "cleanup.policy", value: "compact" }, { name: "retention.ms", value: "1000" }] }] });
    await produce("compacted", ["k"], clock.now() - 120_000);
    clock.advance(1000);
    expect(stored("compacted")).toEqual(["k"]);
    const answer = await rawRequest(cluster, 1, 21, 1, { topics: [{ name: "compacted", partitions: [{ partitionIndex: 0, offset: 1n }] }], timeoutMs: 1000 });
    expect(answer.topics[0].partitions[0].errorCode).toBe(44); // POLICY_VIOLATION, as Kafka refuses DeleteRecords there
  });
});

describe("DeleteRecords", () => {
  it("moves the log start forward on request (kafkajs deleteTopicRecords), never back, never past the high watermark", async () => {
    await admin.createTopics({ topics: [{ topic: "trimmed" }] });
    await produce("trimmed", ["0", "1", "2", "3", "4", "5"], clock.now());
    await admin.fetchTopicMetadata({ topics: ["trimmed"] }); // kafkajs's deleteTopicRecords finds leaders only in metadata it already has
    await admin.deleteTopicRecords({ topic: "trimmed", partitions: [{ partition: 0, offset: "4" }] });
    expect(partition("trimmed").logStartOffset).toBe(4n);
    expect((await admin.fetchTopicOffsets("trimmed"))[0]).toMatchObject({ low: "4", high: "6" });
    expect((await fetchAt("trimmed", 3n)).errorCode).toBe(1);

    const request = (offset: bigint, version = 2) => rawRequest(cluster, 1, 21, version, { topics: [{ name: "trimmed", partitions: [{ partitionIndex: 0, offset }] }], timeoutMs: 1000 });
    expect((await request(2n)).topics[0].partitions[0]).toEqual({ partitionIndex: 0, lowWatermark: 4n, errorCode: 0 });
    expect((await request(7n, 0)).topics[0].partitions[0]).toMatchObject({ lowWatermark: -1n, errorCode: 1 });
    expect((await request(-1n)).topics[0].partitions[0]).toEqual({ partitionIndex: 0, lowWatermark: 6n, errorCode: 0 });
    const missing = await rawRequest(cluster, 1, 21, 1, { topics: [{ name: "trimmed", partitions: [{ partitionIndex: 9, offset: 0n }] }], timeoutMs: 1000 });
    expect(missing.topics[0].partitions[0].errorCode).toBe(3);
  });
});
