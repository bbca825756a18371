// AlterPartitionReassignments (45), v0: starts, replaces or (null replicas)
// cancels partition reassignments, partition by partition, with the errors of
// Kafka's KRaft controller (ReplicationControlManager.alterPartitionReassignments):
// UNKNOWN_TOPIC_OR_PARTITION, INVALID_REPLICA_ASSIGNMENT (no replicas, an
// unknown broker, a broker twice), NO_REASSIGNMENT_IN_PROGRESS for a cancel
// of nothing. Any broker answers: Kafka's brokers forward it to the controller.
// The rules are in ../state/reassignment.ts.
import { topicOutcome } from "../state/topic-errors";
import type { Handler } from "./handler";
import { alterPartitionReassignments as schema } from "../protocol/schemas/alter-partition-reassignments";
import { onCluster, Operation } from "./authorization";

type Request = { timeoutMs: number; topics: { name: string; partitions: { partitionIndex: number; replicas: number[] | null }[] }[] };
type PartitionResult = { partitionIndex: number; errorCode: number; errorMessage: string | null };
type Response = { throttleTimeMs: number; errorCode: number; errorMessage: string | null; responses: { name: string; partitions: PartitionResult[] }[] };

export const alterPartitionReassignments: Handler = {
  schema,
  // Kafka: ALTER on the cluster.
  requires: () => [onCluster(Operation.ALTER)],
  handle(ctx, body: Request): Response {
    const responses = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        ...topicOutcome(() => ctx.state.alterReassignment(t.name, p.partitionIndex, p.replicas)),
      })),
    }));
    return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, responses };
  },
};
