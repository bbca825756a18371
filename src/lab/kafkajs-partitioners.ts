// The course's partitioners as kafkajs custom partitioners, so a notebook can
// produce with kafkajs exactly as another client would place records.
import { Partitioners, type ICustomPartitioner } from "kafkajs";
import { partitionFor } from "./partitioners";

type Key = Buffer | string | null | undefined;

const bytesOf = (key: Buffer | string) => (typeof key === "string" ? key : new Uint8Array(key.buffer, key.byteOffset, key.length));

/**
 * Java's and kafkajs's placement of keyed records (murmur2). Records without
 * a key get kafkajs's own default: round-robin over available partitions
 * from a random start. (Java's sticky partitioner, KIP-480/KIP-794, fills a
 * batch per partition instead; that cannot be reproduced request by request.)
 */
export const murmur2Partitioner: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  return (args) => {
    const key = args.message.key as Key;
    if (key === null || key === undefined) return fallback(args);
    return partitionFor(bytesOf(key), args.partitionMetadata.length, "murmur2");
  };
};

/**
 * librdkafka's `consistent` partitioner, as confluent-kafka uses it with
 * `'partitioner': 'consistent'`: CRC32(key) % n. A null or empty key hashes
 * as no bytes (CRC32 = 0), so every such record goes to partition 0 — see
 * `rd_kafka_msg_partitioner_consistent` in librdkafka's src/rdkafka_msg.c.
 * (librdkafka's default, `consistent_random`, differs only there: it spreads
 * null and empty keys at random, sticking to one partition for a while.)
 */
export const consistentPartitioner: ICustomPartitioner = () => (args) => {
  const key = args.message.key as Key;
  return partitionFor(key === null || key === undefined ? "" : bytesOf(key), args.partitionMetadata.length, "consistent");
};
