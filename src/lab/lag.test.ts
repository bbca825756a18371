import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { uniqueTopic } from "./checks";
import { drainedAt, groupLag, lagRows, peakLag, type LagSample } from "./lag";
import { Kafka, logLevel, type Admin } from "kafkajs";

describe("lag rows", () => {
  it("subtract the committed offset from the end, counting from the first offset when nothing is committed", () => {
    expect(lagRows([{ partition: 1, low: 0, high: 10 }, { partition: 0, low: 4, high: 9 }], [{ partition: 1, offset: 7 }, { partition: 0, offset: -1 }])).toEqual([
      { partition: 0, end: 9, committed: null, lag: 5 },
      { partition: 1, end: 10, committed: 7, lag: 3 },
    ]);
  });
});

describe("lag over time", () => {
  const s = (seconds: number, partition: number, lag: number): LagSample => ({ seconds, partition, lag, end: 0, committed: null });
  const samples = [s(0, 0, 0), s(0, 1, 5), s(1, 0, 2), s(1, 1, 9), s(2, 0, 0), s(2, 1, 4), s(3, 0, 0), s(3, 1, 0)];

  it("peaks per partition", () => {
    expect([...peakLag(samples)]).toEqual([[0, 2], [1, 9]]);
  });

  it("drain time: the sample after the last one with lag", () => {
    expect([...drainedAt(samples)]).toEqual([[0, 2], [1, 3]]);
    expect(drainedAt([s(0, 0, 0)]).get(0)).toBe(0);
    expect(drainedAt([s(0, 0, 3)]).get(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("groupLag against a cluster", () => {
  let cluster: Cluster;
  let admin: Admin;
  beforeAll(async () => {
    cluster = await startCluster({ brokers: 1 });
    admin = new Kafka({ brokers: cluster.bootstrap.split(","), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await cluster?.stop();
  });

  it("reads end and committed offsets from the brokers", async () => {
    const topic = uniqueTopic("lag");
    const groupId = uniqueTopic("g");
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = new Kafka({ brokers: cluster.bootstrap.split(","), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [0, 0, 0, 1].map((partition) => ({ partition, value: "x" })) });
    await producer.disconnect();
    expect(await groupLag(admin, topic, groupId)).toEqual([
      { partition: 0, end: 3, committed: null, lag: 3 },
      { partition: 1, end: 1, committed: null, lag: 1 },
    ]);
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: "2" }] });
    expect((await groupLag(admin, topic, groupId))[0]).toEqual({ partition: 0, end: 3, committed: 2, lag: 1 });
  });
});
