// AddPartitionsToTxn, versions 0-1: the producer announces each partition
// before its first transactional write there, so EndTxn knows where to put
// markers. Stale epochs answer INVALID_PRODUCER_EPOCH (PRODUCER_FENCED only
// exists from v2 on).
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type AddPartitionsBody = {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: number[] }[];
};

export const addPartitionsToTxn: CoordinatorHandler = {
  apiKey: 24,
  name: "AddPartitionsToTxn",
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, body: AddPartitionsBody) {
    const partitions = body.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
    const notHere = coordinatorError(ctx, body.transactionalId);
    const codes = notHere !== Err.NONE
      ? partitions.map(() => notHere)
      : ctx.coordination.txns.addPartitions(body.transactionalId, BigInt(body.producerId), body.producerEpoch, partitions);
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
