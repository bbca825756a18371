// EndTxn: commit or abort. The answer comes once every
// partition holds its marker and the group offsets are settled.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { endTxn as schema } from "../protocol/schemas/end-txn";
import { onTransactionalId, Operation } from "./authorization";

export const endTxn: Handler = {
  schema,
  requires: (body: { transactionalId: string }) => [onTransactionalId(Operation.WRITE, body.transactionalId)],
  async handle(ctx, body: { transactionalId: string; producerId: bigint; producerEpoch: number; committed: boolean }) {
    return refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction")
      ?? { throttleTimeMs: 0, errorCode: await ctx.coordination.txns.endTxn(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.committed) };
  },
};
