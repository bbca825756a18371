// EndTxn, versions 0-1: commit or abort. The answer comes once every
// partition holds its marker and the group offsets are settled.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const endTxn: CoordinatorHandler = {
  apiKey: 26,
  name: "EndTxn",
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; committed: boolean }) {
    const notHere = coordinatorError(ctx, body.transactionalId);
    const errorCode = notHere !== Err.NONE
      ? notHere
      : await ctx.coordination.txns.endTxn(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.committed);
    return { throttleTimeMs: 0, errorCode };
  },
};
