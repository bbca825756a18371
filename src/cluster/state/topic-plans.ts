// Checks a topic creation or growth as Kafka's controller does, and decides
// the replica lists of the new partitions. Pure: the cluster state applies
// the plan.
import { ErrorCode } from "../protocol/errors";
import { TopicError } from "./topic-errors";
import { assignReplicas, invalidTopicName } from "./topic-rules";

/** At most this many partitions per topic here (a guard against a hostile request, not a Kafka limit). */
const MAX_PARTITIONS = 10_000;

export type PlanContext = {
  brokerIds: number[];
  /** num.partitions and default.replication.factor, for -1 in a request. */
  defaults: { numPartitions: number; replicationFactor: number };
  exists(name: string): boolean;
  /** The existing topic whose name collides with `name` on '.' versus '_', if any. */
  collidingWith(name: string): string | undefined;
  /** Where round-robin placement starts for this topic (spreads leaders across topics). */
  placementStart: number;
};

/** The replica lists of a new topic, or a TopicError. -1 partitions or replication factor mean the defaults. */
export function planTopic(ctx: PlanContext, name: string, numPartitions: number, replicationFactor: number, assignments: { partitionIndex: number; brokerIds: number[] }[] = []): number[][] {
  const invalid = invalidTopicName(name);
  if (invalid) throw new TopicError(ErrorCode.INVALID_TOPIC_EXCEPTION, invalid);
  if (ctx.exists(name)) throw new TopicError(ErrorCode.TOPIC_ALREADY_EXISTS, `topic '${name}' already exists`);
  const collision = ctx.collidingWith(name);
  if (collision) throw new TopicError(ErrorCode.INVALID_TOPIC_EXCEPTION, `topic '${name}' collides with existing topic '${collision}' (Kafka treats '.' and '_' alike in metric names)`);
  const brokers = ctx.brokerIds;
  if (assignments.length > 0) {
    if (numPartitions !== -1 || replicationFactor !== -1) {
      throw new TopicError(ErrorCode.INVALID_REQUEST, "give either a replica assignment or partitions and replication factor, not both");
    }
    const sorted = [...assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
    sorted.forEach((a, i) => {
      if (a.partitionIndex !== i) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, "partitions in an assignment must be numbered 0..n-1");
      if (a.brokerIds.length === 0 || a.brokerIds.some((b) => !brokers.includes(b)) || new Set(a.brokerIds).size !== a.brokerIds.length) {
        throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `partition ${i}: replicas must be distinct broker ids among ${brokers.join(", ")}`);
      }
    });
    return sorted.map((a) => a.brokerIds);
  }
  const partitions = numPartitions === -1 ? ctx.defaults.numPartitions : numPartitions;
  const rf = replicationFactor === -1 ? ctx.defaults.replicationFactor : replicationFactor;
  if (partitions <= 0) throw new TopicError(ErrorCode.INVALID_PARTITIONS, `number of partitions must be at least 1 (got ${partitions})`);
  checkPartitionLimit(partitions);
  if (rf <= 0) throw new TopicError(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor must be at least 1 (got ${rf})`);
  if (rf > brokers.length) {
    throw new TopicError(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${rf} is larger than the number of brokers (${brokers.length})`);
  }
  return assignReplicas(brokers, 0, partitions, rf, ctx.placementStart);
}

/** The replica lists of the partitions that grow a topic from `current` to `count` (Kafka never removes partitions). */
export function planPartitions(ctx: PlanContext, name: string, current: number, replicationFactor: number, count: number, assignments: { brokerIds: number[] }[] | null): number[][] {
  if (count <= current) {
    throw new TopicError(ErrorCode.INVALID_PARTITIONS, `topic '${name}' has ${current} partitions; the new count must be larger (Kafka never removes partitions), got ${count}`);
  }
  checkPartitionLimit(count);
  if (assignments) {
    if (assignments.length !== count - current) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `expected ${count - current} assignments, got ${assignments.length}`);
    if (assignments.some((a) => a.brokerIds.length === 0 || a.brokerIds.some((b) => !ctx.brokerIds.includes(b)))) {
      throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `replicas must be broker ids among ${ctx.brokerIds.join(", ")}`);
    }
    return assignments.map((a) => a.brokerIds);
  }
  return assignReplicas(ctx.brokerIds, current, count - current, replicationFactor, ctx.placementStart);
}

function checkPartitionLimit(count: number): void {
  if (count > MAX_PARTITIONS) throw new TopicError(ErrorCode.INVALID_PARTITIONS, `at most ${MAX_PARTITIONS} partitions per topic here (got ${count})`);
}
