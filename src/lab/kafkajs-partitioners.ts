// The two partitioners as kafkajs custom partitioners, so a notebook can
// produce with kafkajs exactly as librdkafka's 'consistent' would place keys.
// Records without a key fall back to kafkajs's own default (round-robin over
// available partitions from a random start).
import { Partitioners, type ICustomPartitioner } from "kafkajs";
import { partitionFor, type PartitionerName } from "./partitioners";

function keyed(algorithm: PartitionerName): ICustomPartitioner {
  return () => {
    const fallback = Partitioners.DefaultPartitioner();
    return (args) => {
      const key = args.message.key;
      if (key === null || key === undefined) return fallback(args);
      const bytes = typeof key === "string" ? key : new Uint8Array(key.buffer, key.byteOffset, key.length);
      return partitionFor(bytes, args.partitionMetadata.length, algorithm);
    };
  };
}

/** Java's and kafkajs's default placement of keyed records. */
export const murmur2Partitioner: ICustomPartitioner = keyed("murmur2");
/** librdkafka's 'consistent' placement (CRC32), as confluent-kafka's seed code asks for. */
export const consistentPartitioner: ICustomPartitioner = keyed("consistent");
