// The course claims its partitioners place records as librdkafka does. Here
// real librdkafka (kcat) produces to the embedded cluster with each
// partitioner and the stored partitions are compared with ours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { kcat } from "../cluster/test-support/external";
import { consistentPartitioner } from "./kafkajs-partitioners";
import { partitionFor } from "./partitioners";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 1 });
});
afterAll(async () => cluster?.stop());

const PARTITIONS = 5;
const KEYS = ["user1", "user2", "user123", "user999", "Walmart", "Best Buy", "café", "ключ", "order-42"];

/** Produces "key:value" lines (a line without ':' has a null key) and returns value → partition as stored. */
async function produceWith(partitioner: string, lines: string[]): Promise<Map<string, number>> {
  const topic = `kcat-${partitioner}`;
  cluster.state.createTopic(topic, cluster.state.planTopic(topic, PARTITIONS, 1));
  await kcat(["-P", "-b", cluster.bootstrap, "-t", topic, "-K", ":", "-X", `topic.partitioner=${partitioner}`], lines.join("\n") + "\n");
  const placed = new Map<string, number>();
  for (let p = 0; p < PARTITIONS; p++) for (const r of cluster.records(topic, p)) placed.set(r.value!.toString(), p);
  return placed;
}

const keyed = KEYS.map((key, i) => `${key}:keyed-${i}`);

describe("the course's partitioners against librdkafka", () => {
  it("'consistent' (CRC32): keyed records as partitionFor, null and empty keys on partition 0", async () => {
    const placed = await produceWith("consistent", [...keyed, "null-1", "null-2", "null-3", ":empty-1", ":empty-2"]);
    KEYS.forEach((key, i) => expect(placed.get(`keyed-${i}`), key).toBe(partitionFor(key, PARTITIONS, "consistent")));
    for (const v of ["null-1", "null-2", "null-3", "empty-1", "empty-2"]) expect(placed.get(v), v).toBe(0);
    const ours = consistentPartitioner();
    const meta = Array.from({ length: PARTITIONS }, (_, i) => ({ partitionErrorCode: 0, partitionId: i, leader: 1, replicas: [1], isr: [1] }));
    for (const key of [null, ""]) expect(ours({ topic: "t", partitionMetadata: meta, message: { key, value: "v" } })).toBe(0);
  });

  it("'murmur2_random' puts keyed records where Java and kafkajs do", async () => {
    const placed = await produceWith("murmur2_random", keyed);
    KEYS.forEach((key, i) => expect(placed.get(`keyed-${i}`), key).toBe(partitionFor(key, PARTITIONS, "murmur2")));
  });

  it("'consistent_random' (librdkafka's default) hashes keyed records with CRC32 too", async () => {
    const placed = await produceWith("consistent_random", keyed);
    KEYS.forEach((key, i) => expect(placed.get(`keyed-${i}`), key).toBe(partitionFor(key, PARTITIONS, "consistent")));
  });
});
