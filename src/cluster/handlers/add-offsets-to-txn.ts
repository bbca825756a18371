// AddOffsetsToTxn, versions 0-1: the group whose offsets the transaction
// will commit (sendOffsets), so EndTxn commits or drops them with it.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const addOffsetsToTxn: CoordinatorHandler = {
  apiKey: 25,
  name: "AddOffsetsToTxn",
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; groupId: string }) {
    const notHere = coordinatorError(ctx, body.transactionalId);
    const errorCode = notHere !== Err.NONE
      ? notHere
      : ctx.coordination.txns.addOffsets(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.groupId);
    return { throttleTimeMs: 0, errorCode };
  },
};
