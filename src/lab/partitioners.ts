// How a keyed record picks its partition, as the clients the course uses do
// it. Browser-safe (no Buffer, no Node APIs): the site's partition calculator
// bundles this same file.
//
// - Java's and kafkajs's default: toPositive(murmur2(utf8(key))) % n, with
//   murmur2 seeded 0x9747b28c and toPositive = x & 0x7fffffff.
// - librdkafka's 'consistent' (what confluent-kafka gets with
//   'partitioner': 'consistent'): CRC32(key) % n. Its default,
//   'consistent_random', is the same for keyed records.
import { murmur2 as murmur2OfChars } from "murmurhash-js";

export type PartitionerName = "murmur2" | "consistent";

const utf8 = new TextEncoder();

export function keyBytes(key: string | Uint8Array): Uint8Array {
  return typeof key === "string" ? utf8.encode(key) : key;
}

/**
 * Java's `Utils.murmur2` (a signed 32-bit result). murmurhash-js reads char
 * codes as bytes, so hand it the UTF-8 bytes as a latin1 string: one char per
 * byte. (Feeding it the key itself is only right for ASCII keys.)
 */
export function murmur2(bytes: Uint8Array): number {
  let chars = "";
  for (let i = 0; i < bytes.length; i++) chars += String.fromCharCode(bytes[i]);
  return murmur2OfChars(chars, 0x9747b28c) | 0;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-32 (zlib/IEEE), unsigned — librdkafka's 'consistent' hash. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (c >>> 8) ^ CRC_TABLE[(c ^ bytes[i]) & 0xff];
  return (c ^ -1) >>> 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs, which fails for -2^31). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition of a keyed record among `numPartitions`. */
export function partitionFor(key: string | Uint8Array, numPartitions: number, algorithm: PartitionerName = "murmur2"): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) throw new RangeError(`numPartitions must be a whole number ≥ 1 (got ${numPartitions})`);
  const bytes = keyBytes(key);
  return algorithm === "murmur2" ? toPositive(murmur2(bytes)) % numPartitions : crc32(bytes) % numPartitions;
}
