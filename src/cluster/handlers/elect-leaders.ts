// ElectLeaders (43), v0-2: preferred (v0 and election type 0) or unclean
// (type 1, KIP-460) leader elections, as Kafka's controller answers them
// (ReplicationControlManager.electLeaders): per partition ELECTION_NOT_NEEDED
// when the preferred replica already leads (or, unclean, when there is a
// leader), PREFERRED_LEADER_NOT_AVAILABLE when it is down or out of the ISR,
// ELIGIBLE_LEADERS_NOT_AVAILABLE when no replica is live; null topic
// partitions mean every partition, leaving out those that need no election.
// Rules in ../state/leader-election.ts; any broker answers (Kafka forwards).
import { ErrorCode } from "../protocol/errors";
import type { ElectionType } from "../state/leader-election";
import type { Handler, RequestContext } from "./handler";
import { electLeaders as schema } from "../protocol/schemas/elect-leaders";
import { onCluster, Operation } from "./authorization";

type Request = { electionType: number; topicPartitions: { topic: string; partitions: number[] }[] | null; timeoutMs: number };
type PartitionResult = { partitionId: number; errorCode: number; errorMessage: string | null };

function elect(ctx: RequestContext, topic: string, partitions: number[], type: ElectionType): PartitionResult[] {
  return partitions.map((partitionId) => ({ partitionId, ...ctx.state.electLeader(topic, partitionId, type) }));
}

export const electLeaders: Handler = {
  schema,
  // Kafka: ALTER on the cluster (KafkaApis.handleElectLeaders).
  requires: () => [onCluster(Operation.ALTER)],
  handle(ctx, body: Request) {
    if (body.electionType !== 0 && body.electionType !== 1) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REQUEST, replicaElectionResults: [] };
    }
    const type = body.electionType;
    const replicaElectionResults = body.topicPartitions === null
      ? [...ctx.state.topics.values()].map((t) => ({
        topic: t.name,
        partitionResult: elect(ctx, t.name, t.partitions.map((p) => p.index), type).filter((r) => r.errorCode !== ErrorCode.ELECTION_NOT_NEEDED),
      }))
      : body.topicPartitions.map((t) => ({ topic: t.topic, partitionResult: elect(ctx, t.topic, t.partitions, type) }));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults };
  },
};
