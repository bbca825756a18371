// kafkajs against the cluster core over in-memory pipes: no sockets, no
// listeners — the path a browser takes. Produce, a consumer group, and a
// broker stop that moves leaders, all through `createCluster`.
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster, type ClusterCore } from "..";
import { memorySocketFactory } from "../test-support/memory-socket";
import { readAll } from "../test-support/kafka";

let cluster: ClusterCore;
let kafka: Kafka;
beforeAll(async () => {
  cluster = await createCluster({ brokers: 3 });
  kafka = new Kafka({ clientId: "memory", brokers: cluster.bootstrap.split(","), socketFactory: memorySocketFactory(cluster), logLevel: logLevel.NOTHING, retry: { initialRetryTime: 100, retries: 8 } });
});
afterAll(async () => cluster?.stop());

describe("kafkajs over in-memory pipes", () => {
  it("finds every broker from Metadata, produces keyed records and reads them back in a group", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "mem", numPartitions: 3, replicationFactor: 3 }] });
    const { brokers } = await admin.describeCluster();
    expect(brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual(cluster.bootstrap.split(",").sort());
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "mem", messages: ["user1", "user2", "user1"].map((key, i) => ({ key, value: `m${i}` })) });
    const byPartition = await readAll(kafka, "mem", 3);
    // murmur2 with 3 partitions: user1 → 0, user2 → 2 (Kafka's DefaultPartitioner, computed in lab/partitioners.test.ts).
    expect(Object.fromEntries(byPartition)).toEqual({ 0: ["m0", "m2"], 2: ["m1"] });
    await cluster.stopBroker(1);
    await producer.send({ topic: "mem", messages: [{ key: "user1", value: "after-stop" }] });
    expect(cluster.records("mem", 0).map((r) => r.value!.toString())).toEqual(["m0", "m2", "after-stop"]);
    await producer.disconnect();
    await cluster.startBroker(1);
  });
});
