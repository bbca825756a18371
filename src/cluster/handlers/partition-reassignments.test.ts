// AlterPartitionReassignments and ListPartitionReassignments over the wire
// (v0, flexible), on a three-broker cluster whose clock the test moves: a
// reassignment is listed while its new replicas catch up, then completes; the
// leader moves when it left the replica set; the log is the same log; the
// errors are Kafka's; a reassignment in progress survives a restart.
import { describe, expect, it } from "vitest";
import { createCluster, type ClusterCore } from "../core";
import { ManualClock } from "../coordination/clock";
import { encodeRecordBatch, ErrorCode } from "../protocol";
import { fileStorage } from "../storage/file-storage";
import { clientOf, produceOne, values } from "../test-support/produce-requests";
import { tempDirs } from "../test-support/temp-dir";

const DELAY = 10_000;
const tempDir = tempDirs("reassign-");

async function started(clock: ManualClock, dataDir?: string): Promise<ClusterCore> {
  return createCluster({ brokers: 3, clock, reassignmentDelayMs: DELAY, storage: dataDir ? fileStorage(dataDir) : undefined });
}

async function alter(cluster: ClusterCore, topic: string, partitionIndex: number, replicas: number[] | null) {
  const client = await clientOf(cluster, 2); // any broker: Kafka's brokers forward to the controller
  const response = await client.request(45, 0, { timeoutMs: 1000, topics: [{ name: topic, partitions: [{ partitionIndex, replicas }] }] });
  client.close();
  return response.responses[0].partitions[0] as { partitionIndex: number; errorCode: number; errorMessage: string | null };
}

async function list(cluster: ClusterCore, topics: { name: string; partitionIndexes: number[] }[] | null = null) {
  const client = await clientOf(cluster);
  const response = await client.request(46, 0, { timeoutMs: 1000, topics });
  client.close();
  expect(response.errorCode).toBe(ErrorCode.NONE);
  return response.topics;
}

const summary = (cluster: ClusterCore, topic: string, index = 0) => {
  const p = cluster.state.partition(topic, index)!;
  return { replicas: p.replicas, isr: p.isr, leader: p.leader, leaderEpoch: p.leaderEpoch };
};

describe("partition reassignments", () => {
  it("lists a reassignment while its new replicas catch up, then moves the leader off the removed replica; the records stay", async () => {
    const clock = new ManualClock();
    const cluster = await started(clock);
    try {
      cluster.state.createTopic("moving", [[1, 2], [2, 3]]);
      const leader = await clientOf(cluster, 1);
      expect((await produceOne(leader, "moving", 0, encodeRecordBatch(values("a", "b")))).errorCode).toBe(ErrorCode.NONE);
      expect(await alter(cluster, "moving", 0, [3, 2])).toEqual({ partitionIndex: 0, errorCode: ErrorCode.NONE, errorMessage: null });
      expect(await list(cluster)).toEqual([{ name: "moving", partitions: [{ partitionIndex: 0, replicas: [3, 2, 1], addingReplicas: [3], removingReplicas: [1] }] }]);
      expect(await list(cluster, [{ name: "moving", partitionIndexes: [1] }, { name: "nope", partitionIndexes: [0] }])).toEqual([]);
      expect(summary(cluster, "moving")).toEqual({ replicas: [3, 2, 1], isr: [1, 2], leader: 1, leaderEpoch: 0 });

      clock.advance(DELAY);
      expect(await list(cluster)).toEqual([]);
      expect(summary(cluster, "moving")).toEqual({ replicas: [3, 2], isr: [3, 2], leader: 3, leaderEpoch: 1 });
      expect((await produceOne(leader, "moving", 0, encodeRecordBatch(values("c")))).errorCode).toBe(ErrorCode.NOT_LEADER_OR_FOLLOWER);
      expect((await produceOne(await clientOf(cluster, 3), "moving", 0, encodeRecordBatch(values("c")))).baseOffset).toBe(2n);
      expect(cluster.records("moving", 0).map((r) => r.value!.toString())).toEqual(["a", "b", "c"]);
    } finally {
      await cluster.stop();
    }
  });

  it("answers Kafka's errors partition by partition and cancels only a reassignment in progress", async () => {
    const cluster = await started(new ManualClock());
    try {
      cluster.state.createTopic("fixed", [[1]]);
      const invalid = ErrorCode.INVALID_REPLICA_ASSIGNMENT;
      expect(await alter(cluster, "absent", 0, [1])).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: "Unable to find a topic named absent." });
      expect(await alter(cluster, "fixed", 4, [1])).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: "Unable to find partition fixed:4." });
      expect(await alter(cluster, "fixed", 0, [1, 9])).toMatchObject({ errorCode: invalid, errorMessage: expect.stringMatching(/broker 9, but no such broker/) });
      expect(await alter(cluster, "fixed", 0, [2, 2])).toMatchObject({ errorCode: invalid, errorMessage: expect.stringMatching(/broker 2 more than once/) });
      expect(await alter(cluster, "fixed", 0, [])).toMatchObject({ errorCode: invalid, errorMessage: expect.stringMatching(/empty replica list/) });
      expect(await alter(cluster, "fixed", 0, null)).toMatchObject({ errorCode: ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, errorMessage: "No partition reassignment is in progress." });
      expect(summary(cluster, "fixed")).toEqual({ replicas: [1], isr: [1], leader: 1, leaderEpoch: 0 });

      expect((await alter(cluster, "fixed", 0, [2])).errorCode).toBe(ErrorCode.NONE);
      expect((await alter(cluster, "fixed", 0, null)).errorCode).toBe(ErrorCode.NONE);
      expect(await list(cluster)).toEqual([]);
      expect(summary(cluster, "fixed")).toEqual({ replicas: [1], isr: [1], leader: 1, leaderEpoch: 0 });
    } finally {
      await cluster.stop();
    }
  });

  it("waits for an added replica that is down, and completes when it returns", async () => {
    const clock = new ManualClock();
    const cluster = await started(clock);
    try {
      cluster.state.createTopic("waiting", [[1]]);
      await cluster.stopBroker(3);
      expect((await alter(cluster, "waiting", 0, [2, 3])).errorCode).toBe(ErrorCode.NONE);
      clock.advance(DELAY);
      expect(await list(cluster)).toEqual([{ name: "waiting", partitions: [{ partitionIndex: 0, replicas: [2, 3, 1], addingReplicas: [2, 3], removingReplicas: [1] }] }]);
      await cluster.startBroker(3);
      expect(await list(cluster)).toEqual([]);
      expect(summary(cluster, "waiting")).toMatchObject({ replicas: [2, 3], isr: [2, 3], leader: 2 });
    } finally {
      await cluster.stop();
    }
  });

  it("keeps a reassignment in progress across a restart with a data directory, and completes it after", async () => {
    const dir = tempDir();
    const first = await started(new ManualClock(), dir);
    first.state.createTopic("kept", [[1]]);
    expect((await alter(first, "kept", 0, [2])).errorCode).toBe(ErrorCode.NONE);
    await first.stop();

    const clock = new ManualClock();
    const second = await started(clock, dir);
    try {
      expect(await list(second)).toEqual([{ name: "kept", partitions: [{ partitionIndex: 0, replicas: [2, 1], addingReplicas: [2], removingReplicas: [1] }] }]);
      expect(summary(second, "kept").isr).toEqual([1]);
      clock.advance(DELAY);
      expect(summary(second, "kept")).toMatchObject({ replicas: [2], isr: [2], leader: 2 });
    } finally {
      await second.stop();
    }
  });
});
