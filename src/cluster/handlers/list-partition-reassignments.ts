// ListPartitionReassignments (46), v0: the reassignments in progress — the
// merged replica list with the replicas being added and removed — for every
// topic (null topics) or the listed partitions; partitions and topics that
// are not reassigning (or do not exist) are left out, as Kafka's controller
// does (ReplicationControlManager.listPartitionReassignments).
import type { Partition } from "../state/cluster-state";
import { isReassigning } from "../state/reassignment";
import type { Handler } from "./handler";
import { listPartitionReassignments as schema } from "../protocol/schemas/list-partition-reassignments";
import { onCluster, Operation } from "./authorization";

type Request = { timeoutMs: number; topics: { name: string; partitionIndexes: number[] }[] | null };
type Ongoing = { partitionIndex: number; replicas: number[]; addingReplicas: number[]; removingReplicas: number[] };

const ongoing = (p: Partition): Ongoing => ({
  partitionIndex: p.index, replicas: [...p.replicas], addingReplicas: [...(p.addingReplicas ?? [])], removingReplicas: [...(p.removingReplicas ?? [])],
});

export const listPartitionReassignments: Handler = {
  schema,
  // Kafka: DESCRIBE on the cluster.
  requires: () => [onCluster(Operation.DESCRIBE)],
  handle(ctx, body: Request) {
    const asked = body.topics ?? [...ctx.state.topics.values()].map((t) => ({ name: t.name, partitionIndexes: t.partitions.map((p) => p.index) }));
    const topics = asked
      .map((t) => {
        const partitions = ctx.state.topics.get(t.name)?.partitions ?? [];
        const reassigning = t.partitionIndexes.map((i) => partitions[i]).filter((p): p is Partition => p !== undefined && isReassigning(p));
        return { name: t.name, partitions: reassigning.map(ongoing) };
      })
      .filter((t) => t.partitions.length > 0);
    return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, topics };
  },
};
