// The mutation test's defects (../defects.ts) are real: each scenario runs
// against a healthy cluster and against one with the defect on, through
// kafkajs, and the two answer differently in the way the defect says.
import { Partitioners, type Kafka } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type ClusterDefect } from "..";
import { client, consumeN, waitFor } from "../test-support/kafka";

const started: Cluster[] = [];
afterAll(async () => Promise.all(started.map((c) => c.stop())));

/** The scenario's outcome on a healthy cluster and on one with `defect`. */
async function healthyAndDefective<T>(defect: ClusterDefect, scenario: (kafka: Kafka, cluster: Cluster) => Promise<T>): Promise<{ healthy: T; defective: T }> {
  const run = async (defects: ClusterDefect[]) => {
    const cluster = await startCluster({ brokers: 3, defects });
    started.push(cluster);
    return scenario(client(cluster.bootstrap, { requestTimeout: 1000, retry: { initialRetryTime: 100, retries: 5 } }), cluster);
  };
  const [healthy, defective] = await Promise.all([run([]), run([defect])]);
  return { healthy, defective };
}

async function withTopic(kafka: Kafka, topic: string, partitions: number) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  return admin;
}

const values = (records: { value: string }[]) => records.map((r) => r.value);

describe("the mutation test's cluster defects", () => {
  it("an unknown defect is refused when the cluster starts", async () => {
    await expect(startCluster({ defects: ["no-such-defect" as ClusterDefect] })).rejects.toThrow(/unknown cluster defect "no-such-defect"/);
  });

  it("fetch-out-of-order: a partition's records arrive out of offset order", async () => {
    const { healthy, defective } = await healthyAndDefective("fetch-out-of-order", async (kafka) => {
      const admin = await withTopic(kafka, "t", 1);
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      for (const value of ["a", "b", "c", "d"]) await producer.send({ topic: "t", messages: [{ value }] });
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      return values(await consumeN(kafka, "t", 4));
    });
    expect(healthy).toEqual(["a", "b", "c", "d"]);
    expect(defective).toEqual(["c", "b", "a", "d"]);
  });

  it("duplicates-stored: an idempotent producer's retried batch is stored twice", async () => {
    const { healthy, defective } = await healthyAndDefective("duplicates-stored", async (kafka, cluster) => {
      const admin = await withTopic(kafka, "t", 1);
      const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await cluster.faults.dropNext({ api: "Produce", topic: "t" });
      for (const value of ["m1", "m2"]) await producer.send({ topic: "t", acks: -1, messages: [{ value }] });
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      return cluster.records("t", 0).map((r) => r.value!.toString());
    });
    expect(healthy).toEqual(["m1", "m2"]);
    expect(defective).toEqual(["m1", "m1", "m2"]);
  });

  it("read-committed-ignored: a read_committed consumer gets an aborted transaction's record", async () => {
    const { healthy, defective } = await healthyAndDefective("read-committed-ignored", async (kafka) => {
      const admin = await withTopic(kafka, "t", 1);
      const producer = kafka.producer({ transactionalId: "tx", idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      for (const [value, commit] of [["aborted", false], ["committed", true]] as const) {
        const txn = await producer.transaction();
        await txn.send({ topic: "t", messages: [{ value }] });
        await (commit ? txn.commit() : txn.abort());
      }
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      return values(await consumeN(kafka, "t", 1, { graceMs: 300 }));
    });
    expect(healthy).toEqual(["committed"]);
    expect(defective).toEqual(["aborted", "committed"]);
  });

  it("create-partitions-moves-records: growing a topic moves records written before", async () => {
    const { healthy, defective } = await healthyAndDefective("create-partitions-moves-records", async (kafka, cluster) => {
      const admin = await withTopic(kafka, "t", 3);
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({ topic: "t", messages: Array.from({ length: 12 }, (_, i) => ({ key: `user${i}`, value: `v${i}` })) });
      const where = (partitions: number) => Array.from({ length: partitions }, (_, p) => cluster.records("t", p).map((r) => `${p}@${r.offset}:${r.value}`)).flat().sort();
      const before = where(3);
      await admin.createPartitions({ topicPartitions: [{ topic: "t", count: 4 }] });
      const after = where(4);
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      return { before, after };
    });
    expect(healthy.after).toEqual(healthy.before);
    expect(defective.after).toHaveLength(12);
    expect(defective.after).not.toEqual(defective.before);
  });

  it("commit-not-kept: OffsetCommit succeeds but the group has no committed offset", async () => {
    const { healthy, defective } = await healthyAndDefective("commit-not-kept", async (kafka) => {
      const admin = await withTopic(kafka, "t", 1);
      await admin.setOffsets({ groupId: "g", topic: "t", partitions: [{ partition: 0, offset: "0" }] });
      const [committed] = await admin.fetchOffsets({ groupId: "g", topics: ["t"] });
      await admin.disconnect();
      return committed.partitions[0].offset;
    });
    expect(healthy).toBe("0");
    expect(defective).toBe("-1");
  });

  it("join-never-rebalances: a second member joins without a new generation and gets no partitions", async () => {
    const { healthy, defective } = await healthyAndDefective("join-never-rebalances", async (kafka, cluster) => {
      const admin = await withTopic(kafka, "t", 4);
      // Each member's first assignment, and the generation it came with: kafkajs's leader may crash later
      // in a group real Kafka never forms (a member it did not assign), so nothing after the join is compared.
      const assigned = new Map<string, { partitions: number[]; generation?: number }>();
      const member = async (name: string) => {
        const consumer = kafka.consumer({ groupId: "g", heartbeatInterval: 100, maxWaitTimeInMs: 100 });
        consumer.on(consumer.events.GROUP_JOIN, (e) => {
          if (!assigned.has(name)) assigned.set(name, { partitions: e.payload.memberAssignment.t ?? [], generation: cluster.coordination.groups.snapshot("g")?.generationId });
        });
        await consumer.connect();
        await consumer.subscribe({ topic: "t" });
        await consumer.run({ eachMessage: async () => {} });
        await waitFor(() => assigned.has(name), `${name} to join`);
        return consumer;
      };
      const first = await member("first");
      const second = await member("second");
      await Promise.all([second.disconnect(), first.disconnect(), admin.disconnect()]);
      return { generation: assigned.get("second")!.generation, second: assigned.get("second")!.partitions.length };
    });
    expect(healthy.generation).toBeGreaterThan(1);
    expect(healthy.second).toBeGreaterThan(0);
    expect(defective).toEqual({ generation: 1, second: 0 });
  });
});

