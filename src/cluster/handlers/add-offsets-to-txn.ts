// AddOffsetsToTxn, versions 0-1: the group whose offsets the transaction
// will commit (sendOffsets), so EndTxn commits or drops them with it.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { addOffsetsToTxn as schema } from "../protocol/schemas/add-offsets-to-txn";

export const addOffsetsToTxn: Handler = {
  schema,
  handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; groupId: string }) {
    const notHere = coordinatorCheck(ctx, body.transactionalId);
    const errorCode = notHere !== ErrorCode.NONE
      ? notHere
      : ctx.coordination.txns.addOffsets(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.groupId);
    return { throttleTimeMs: 0, errorCode };
  },
};
