// AddPartitionsToTxn: the producer announces each partition
// before its first transactional write there, so EndTxn knows where to put
// markers. Stale epochs answer INVALID_PRODUCER_EPOCH (PRODUCER_FENCED only
// exists from v2 on). As KafkaApis.handleAddPartitionsToTxnRequest: WRITE on
// the transactional id (`requires`), then WRITE on each topic and the
// partition's existence, before the coordinator is asked; a topic the caller
// may not write is TOPIC_AUTHORIZATION_FAILED, and then nothing is added:
// the request's other partitions answer OPERATION_NOT_ATTEMPTED.
import { ErrorCode } from "../protocol/errors";
import { refusedTogether } from "../transactions/coordinator";
import { partitionExists, refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler, RequestContext } from "./handler";
import { addPartitionsToTxn as schema } from "../protocol/schemas/add-partitions-to-txn";
import { onTransactionalId, Operation, topicAllowed } from "./authorization";

type AddPartitionsBody = {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: number[] }[];
};

function refusal(ctx: RequestContext, topic: string, partition: number): number | undefined {
  if (!topicAllowed(ctx, Operation.WRITE, topic)) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  return partitionExists(ctx, topic, partition) ? undefined : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
}

export const addPartitionsToTxn: Handler = {
  schema,
  requires: (body: AddPartitionsBody) => [onTransactionalId(Operation.WRITE, body.transactionalId)],
  handle(ctx, body: AddPartitionsBody) {
    const partitions = body.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
    const refusedHere = refusedTogether(partitions.map((tp) => refusal(ctx, tp.topic, tp.partition)));
    const notCoordinator = refusedHere ? undefined : refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction");
    if (notCoordinator) return notCoordinator;
    const codes = refusedHere ?? ctx.coordination.txns.addPartitions(body.transactionalId, BigInt(body.producerId), body.producerEpoch, partitions);
    let i = 0;
    return {
      throttleTimeMs: 0,
      results: body.topics.map((t) => ({
        name: t.name,
        results: t.partitions.map((partitionIndex) => ({ partitionIndex, errorCode: codes[i++] })),
      })),
    };
  },
};
