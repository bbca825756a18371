// InitProducerId. Without a transactional id any broker hands
// out a fresh producer id (idempotent producer); with one, only its
// transaction coordinator answers, fencing any earlier instance.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { initProducerId as schema } from "../protocol/schemas/init-producer-id";

export const initProducerId: Handler = {
  schema,
  async handle(ctx, body: { transactionalId: string | null; transactionTimeoutMs: number }) {
    const refused = body.transactionalId === null ? undefined : refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction");
    if (refused) return refused;
    const r = await ctx.coordination.txns.initProducerId(body.transactionalId, body.transactionTimeoutMs);
    return { throttleTimeMs: 0, ...r };
  },
};
