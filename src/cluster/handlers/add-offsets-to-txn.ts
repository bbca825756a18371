// AddOffsetsToTxn: the group whose offsets the transaction
// will commit (sendOffsets), so EndTxn commits or drops them with it.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { addOffsetsToTxn as schema } from "../protocol/schemas/add-offsets-to-txn";
import { onGroup, onTransactionalId, Operation } from "./authorization";

export const addOffsetsToTxn: Handler = {
  schema,
  requires: (body: { transactionalId: string; groupId: string }) => [onTransactionalId(Operation.WRITE, body.transactionalId), onGroup(Operation.READ, body.groupId)],
  handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; groupId: string }) {
    return refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction")
      ?? { throttleTimeMs: 0, errorCode: ctx.coordination.txns.addOffsets(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.groupId) };
  },
};
