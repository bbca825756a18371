// ListTransactions (66), v0-1 (KIP-664; v1 adds the duration filter of
// KIP-994): the transactional ids this broker coordinates — a client asks
// every broker and merges, as Kafka's admin client does — filtered by state,
// producer id and how long they have been running
// (TransactionStateManager.listTransactionStates). Ids the caller may not
// DESCRIBE are left out without a word (KafkaApis.handleListTransactionsRequest).
import { ErrorCode } from "../protocol/errors";
import { listed, TRANSACTION_STATES } from "../transactions/views";
import { allowed, onTransactionalId, Operation } from "./authorization";
import type { Handler } from "./handler";
import { listTransactions as schema } from "../protocol/schemas/list-transactions";

type Request = { stateFilters: string[]; producerIdFilters: bigint[]; durationFilter: bigint };

export const listTransactions: Handler = {
  schema,
  handle(ctx, body: Request) {
    const here = ctx.coordination.txns.list().filter((m) => ctx.coordination.coordinatorFor(m.transactionalId, "transaction") === ctx.nodeId
      && allowed(ctx, onTransactionalId(Operation.DESCRIBE, m.transactionalId)));
    const filters = { states: body.stateFilters, producerIds: body.producerIdFilters.map(BigInt), durationMs: BigInt(body.durationFilter) };
    const { unknownStateFilters, matching } = listed(here, filters, ctx.coordination.clock.now(), TRANSACTION_STATES);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      unknownStateFilters,
      transactionStates: matching.map((m) => ({ transactionalId: m.transactionalId, producerId: m.producerId, transactionState: m.state })),
    };
  },
};
