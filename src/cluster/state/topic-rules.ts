// Kafka's rules for topic names and partition placement, as pure functions.

const LEGAL = /^[a-zA-Z0-9._-]+$/;
/** Kafka's limit: 249 characters, so "<topic>-<partition>" fits a 255-byte file name. */
export const MAX_TOPIC_NAME = 249;

/** Why `name` is not a legal topic name, or undefined when it is. */
export function invalidTopicName(name: string): string | undefined {
  if (name.length === 0) return "topic name is empty";
  if (name === "." || name === "..") return `topic name cannot be "${name}"`;
  if (name.length > MAX_TOPIC_NAME) return `topic name is longer than ${MAX_TOPIC_NAME} characters`;
  if (!LEGAL.test(name)) return `topic name "${name}" is illegal: it may contain only ASCII letters, digits, '.', '_' and '-'`;
  return undefined;
}

/**
 * The name a topic's metrics get: Kafka turns '.' into '_' there, so it
 * refuses a topic whose name differs from an existing one only in those
 * (Topic.hasCollision).
 */
export function collisionKey(name: string): string {
  return name.replace(/\./g, "_");
}

/**
 * Replica lists for new partitions, spread round-robin over the brokers as
 * Kafka's default assignment does: partition p's leader is broker
 * (start + p) mod n, followed by the next `replicationFactor - 1` brokers.
 */
export function assignReplicas(brokerIds: number[], firstPartition: number, count: number, replicationFactor: number, start = 0): number[][] {
  const sorted = [...brokerIds].sort((a, b) => a - b);
  const out: number[][] = [];
  for (let p = firstPartition; p < firstPartition + count; p++) {
    const replicas: number[] = [];
    for (let r = 0; r < replicationFactor; r++) replicas.push(sorted[(start + p + r) % sorted.length]);
    out.push(replicas);
  }
  return out;
}
