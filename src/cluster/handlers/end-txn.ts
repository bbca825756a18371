// EndTxn, versions 0-1: commit or abort. The answer comes once every
// partition holds its marker and the group offsets are settled.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { endTxn as schema } from "../protocol/schemas/end-txn";

export const endTxn: Handler = {
  schema,
  async handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; committed: boolean }) {
    const notHere = coordinatorCheck(ctx, body.transactionalId);
    const errorCode = notHere !== ErrorCode.NONE
      ? notHere
      : await ctx.coordination.txns.endTxn(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.committed);
    return { throttleTimeMs: 0, errorCode };
  },
};
