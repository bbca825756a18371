// AddPartitionsToTxn: the producer announces each partition
// before its first transactional write there, so EndTxn knows where to put
// markers. Stale epochs answer INVALID_PRODUCER_EPOCH (PRODUCER_FENCED only
// exists from v2 on).
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { addPartitionsToTxn as schema } from "../protocol/schemas/add-partitions-to-txn";
import { onTransactionalId, Operation } from "./authorization";

type AddPartitionsBody = {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: number[] }[];
};

export const addPartitionsToTxn: Handler = {
  schema,
  requires: (body: AddPartitionsBody) => [onTransactionalId(Operation.WRITE, body.transactionalId)],
  handle(ctx, body: AddPartitionsBody) {
    const partitions = body.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
    const refused = refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction");
    if (refused) return refused;
    const codes = ctx.coordination.txns.addPartitions(body.transactionalId, BigInt(body.producerId), body.producerEpoch, partitions);
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
