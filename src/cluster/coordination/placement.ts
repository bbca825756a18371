// Which partition of __consumer_offsets (or __transaction_state) holds a
// group id (or transactional id): Kafka's GroupCoordinatorService.partitionFor
// and TransactionStateManager.partitionFor, Utils.abs(id.hashCode) % partitions.

/** Java's String.hashCode, as Kafka uses it to place a group on a __consumer_offsets partition. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's Utils.abs: Math.abs, except that Integer.MIN_VALUE (whose Math.abs is itself) becomes 0. */
function kafkaAbs(n: number): number {
  return n === -(2 ** 31) ? 0 : Math.abs(n);
}

/** The internal topic partition (of `partitions`) that coordinates `key`. */
export function coordinatorPartition(key: string, partitions: number): number {
  return kafkaAbs(javaStringHash(key)) % partitions;
}

/** Groups live on __consumer_offsets, transactional ids on __transaction_state. */
export type CoordinatorKind = "group" | "transaction";
