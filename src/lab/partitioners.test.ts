import * as zlib from "node:zlib";
import { Partitioners } from "kafkajs";
import { describe, expect, it } from "vitest";
import { javaMurmur2 } from "../cluster/test-support/java-murmur2";
import { consistentPartitioner, murmur2Partitioner } from "./kafkajs-partitioners";
import { crc32, keyBytes, murmur2, partitionFor } from "./partitioners";

const meta = (n: number) => Array.from({ length: n }, (_, i) => ({ partitionErrorCode: 0, partitionId: i, leader: 1, replicas: [1], isr: [1] }));

describe("partitioners", () => {
  // Vectors from Kafka's UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java)
  // and kafkajs's own murmur2 test data (src/producer/partitioners/default/).
  it("match Java's murmur2 vectors and kafkajs's", () => {
    const java: [string, number][] = [
      ["21", -973932308], ["foobar", -790332482], ["a-little-bit-long-string", -985981536],
      ["a-little-bit-longer-string", -1486304829], ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971], ["abc", 479470107],
    ];
    for (const [k, h] of java) expect(murmur2(keyBytes(k))).toBe(h);
    const kafkajs: [string, number][] = [["0", 971027396], ["1", -1993445489], ["128", -326012175], ["100:48069", 1009543857]];
    for (const [k, h] of kafkajs) expect(murmur2(keyBytes(k))).toBe(h);
  });

  it("hash the UTF-8 bytes of non-ASCII keys, as Java does", () => {
    for (const key of ["ключ", "über", "キー", "😀 emoji", "café-42"]) {
      expect(murmur2(keyBytes(key))).toBe(javaMurmur2(Buffer.from(key, "utf8")));
      expect(crc32(keyBytes(key))).toBe(zlib.crc32(Buffer.from(key, "utf8")));
    }
  });

  it("give the partitions the course states for its keys", () => {
    const m3 = (k: string) => partitionFor(k, 3, "murmur2");
    const c3 = (k: string) => partitionFor(k, 3, "consistent");
    expect(["user1", "user2", "user123", "user456", "user789", "user999"].map(m3)).toEqual([0, 2, 0, 2, 2, 0]);
    expect(["user1", "user2", "user123", "user456", "user789"].map(c3)).toEqual([1, 2, 1, 0, 0]);
    expect(["Walmart", "Costco", "Target", "Best Buy"].map((k) => partitionFor(k, 2))).toEqual([0, 1, 1, 1]);
    expect(["Walmart", "Costco", "Target", "Best Buy"].map((k) => partitionFor(k, 2, "consistent"))).toEqual([0, 0, 0, 0]);
    expect(["user-1", "user-2", "user-3", "order-42"].map((k) => partitionFor(k, 4))).toEqual([0, 0, 3, 0]);
    expect(["user-1", "user-2", "user-3", "order-42"].map((k) => partitionFor(k, 4, "consistent"))).toEqual([0, 2, 0, 2]);
    expect(() => partitionFor("k", 0)).toThrow(RangeError);
  });

  it("agree with kafkajs's DefaultPartitioner and work as kafkajs partitioners", () => {
    const kafkajsDefault = Partitioners.DefaultPartitioner();
    const ours = murmur2Partitioner();
    const crc = consistentPartitioner();
    for (let i = 0; i < 500; i++) {
      const key = `key-${i}-ü`;
      const args = { topic: "t", partitionMetadata: meta(7), message: { key, value: "v" } };
      expect(ours(args)).toBe(kafkajsDefault(args));
      expect(crc(args)).toBe(zlib.crc32(key) % 7);
    }
    // Records without a key fall back to kafkajs's round-robin: from a random start, each next record takes the next partition.
    const nullKeys = Array.from({ length: 6 }, () => ours({ topic: "t", partitionMetadata: meta(3), message: { key: null, value: "v" } }));
    expect(nullKeys.slice(1)).toEqual(nullKeys.slice(0, -1).map((p) => (p + 1) % 3));
    // librdkafka's 'consistent' sends null and empty keys to partition 0 (CRC32 of no bytes).
    for (const key of [null, undefined, "", Buffer.alloc(0)]) expect(crc({ topic: "t", partitionMetadata: meta(5), message: { key, value: "v" } })).toBe(0);
  });
});
