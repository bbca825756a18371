// The checks every partition-level request makes before touching a log.
import { ErrorCode } from "../protocol";
import type { Partition } from "../state/cluster-state";
import { topicAllowed } from "./authorization";
import type { RequestContext } from "./handler";

/**
 * The partition when the caller may do `operation` on its topic (Produce
 * WRITE, Fetch READ, ListOffsets DESCRIBE, DeleteRecords DELETE) and this
 * broker leads it, else the error Kafka gives: TOPIC_AUTHORIZATION_FAILED
 * (checked first, so a topic one may not see stays secret),
 * UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE (no live replica) or
 * NOT_LEADER_OR_FOLLOWER (the client's metadata is stale: it refreshes and retries).
 */
export function leaderPartition(ctx: RequestContext, topic: string, index: number, operation: number): Partition | number {
  if (!topicAllowed(ctx, operation, topic)) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  const p = ctx.state.topics.get(topic)?.partitions[index];
  if (!p) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  if (p.leader < 0) return ErrorCode.LEADER_NOT_AVAILABLE;
  if (p.leader !== ctx.nodeId) return ErrorCode.NOT_LEADER_OR_FOLLOWER;
  return p;
}

/** A client that knows a leader epoch must be talking about the current one (KIP-320). */
export function leaderEpochError(p: Partition, currentLeaderEpoch: number): number {
  if (currentLeaderEpoch < 0 || currentLeaderEpoch === p.leaderEpoch) return ErrorCode.NONE;
  return currentLeaderEpoch < p.leaderEpoch ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH;
}
