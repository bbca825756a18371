// DescribeProducers (61), v0 (KIP-664): the producers a partition holds
// state for — id, epoch, last sequence and timestamp, the coordinator epoch
// of its last transaction marker, where its open transaction starts — read
// from the partition's producer state (../producers/partition-state.ts).
// As in Kafka (ReplicaManager.activeProducerState) any broker holding a
// replica answers from its copy of the log (the admin client asks the
// leader); one without a replica says NOT_LEADER_OR_FOLLOWER. A topic the
// caller may not READ is TOPIC_AUTHORIZATION_FAILED on each of its partitions,
// asked before the topic's existence (KafkaApis.handleDescribeProducersRequest).
import { ErrorCode } from "../protocol/errors";
import { Operation, topicAllowed } from "./authorization";
import type { Handler, RequestContext } from "./handler";
import { describeProducers as schema } from "../protocol/schemas/describe-producers";

type Request = { topics: { name: string; partitionIndexes: number[] }[] };

function partitionState(ctx: RequestContext, topic: string, partitionIndex: number) {
  const failed = (errorCode: number) => ({ partitionIndex, errorCode, errorMessage: null, activeProducers: [] });
  if (!topicAllowed(ctx, Operation.READ, topic)) return failed(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  const p = ctx.state.partition(topic, partitionIndex);
  if (!p) return failed(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (!p.replicas.includes(ctx.nodeId)) return failed(ErrorCode.NOT_LEADER_OR_FOLLOWER);
  return { partitionIndex, errorCode: ErrorCode.NONE, errorMessage: null, activeProducers: p.log.producers.activeProducers() };
}

export const describeProducers: Handler = {
  schema,
  handle(ctx, body: Request) {
    const topics = body.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((i) => partitionState(ctx, t.name, i)) }));
    return { throttleTimeMs: 0, topics };
  },
};
