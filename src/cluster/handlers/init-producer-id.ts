// InitProducerId, versions 0-1. Without a transactional id any broker hands
// out a fresh producer id (idempotent producer); with one, only its
// transaction coordinator answers, fencing any earlier instance.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

export const initProducerId: CoordinatorHandler = {
  apiKey: 22,
  name: "InitProducerId",
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, body: { transactionalId: string | null; transactionTimeoutMs: number }) {
    if (body.transactionalId !== null) {
      const notHere = coordinatorError(ctx, body.transactionalId);
      if (notHere !== Err.NONE) return { throttleTimeMs: 0, errorCode: notHere, producerId: -1n, producerEpoch: -1 };
    }
    const r = await ctx.coordination.txns.initProducerId(body.transactionalId, body.transactionTimeoutMs);
    return { throttleTimeMs: 0, ...r };
  },
};
