// InitProducerId. Without a transactional id any broker hands
// out a fresh producer id (idempotent producer); with one, only its
// transaction coordinator answers, fencing any earlier instance. It needs
// WRITE on the transactional id, or without one `idempotentWrite`
// (./authorization.ts), as KafkaApis.handleInitProducerIdRequest checks.
import { refuseUnlessCoordinator } from "./coordinator-checks";
import type { Handler } from "./handler";
import { initProducerId as schema } from "../protocol/schemas/init-producer-id";
import { idempotentWrite, onTransactionalId, Operation } from "./authorization";

export const initProducerId: Handler = {
  schema,
  requires: (body: { transactionalId: string | null }) => (body.transactionalId === null ? [idempotentWrite] : [onTransactionalId(Operation.WRITE, body.transactionalId)]),
  async handle(ctx, body: { transactionalId: string | null; transactionTimeoutMs: number }) {
    const refused = body.transactionalId === null ? undefined : refuseUnlessCoordinator(ctx, schema, body.transactionalId, body, "transaction");
    if (refused) return refused;
    const r = await ctx.coordination.txns.initProducerId(body.transactionalId, body.transactionTimeoutMs);
    return { throttleTimeMs: 0, ...r };
  },
};
