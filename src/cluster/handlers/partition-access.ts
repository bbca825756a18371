// The checks every partition-level request makes before touching a log.
import { ErrorCode } from "../protocol";
import type { Partition } from "../state/cluster-state";
import type { RequestContext } from "./handler";

/**
 * The partition when this broker leads it, else the error Kafka gives:
 * UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE (no live replica) or
 * NOT_LEADER_OR_FOLLOWER (the client's metadata is stale: it refreshes and retries).
 */
export function leaderPartition(ctx: RequestContext, topic: string, index: number): Partition | number {
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
