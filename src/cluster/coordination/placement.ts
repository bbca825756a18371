// Which broker coordinates a group id or transactional id.

/** Java's String.hashCode, as Kafka uses it to place a group on a __consumer_offsets partition. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The index among `count` live brokers (sorted by id) of the coordinator of
 * `key`. Kafka: Utils.abs(key.hashCode) % partitions of the internal topic,
 * then that partition's leader; here the live brokers stand in for those partitions.
 */
export function coordinatorIndex(key: string, count: number): number {
  return (javaStringHash(key) & 0x7fffffff) % count;
}
