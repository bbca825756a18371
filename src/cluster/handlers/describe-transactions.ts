// DescribeTransactions (65), v0 (KIP-664): a transactional id's state as its
// coordinator holds it, as Kafka's TransactionCoordinator.handleDescribeTransactions
// answers: NOT_COORDINATOR on another broker, TRANSACTIONAL_ID_NOT_FOUND for
// an id it never saw, INVALID_REQUEST for an empty id; state names are
// Kafka's TransactionState names. As KafkaApis.handleDescribeTransactionsRequest:
// an id the caller may not DESCRIBE is TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
// asked first, and the topics of a transaction list only those the caller
// may DESCRIBE.
import { ErrorCode } from "../protocol/errors";
import { transactionStartTimeMs, transactionTopics } from "../transactions/views";
import { coordinatorCheck } from "./coordinator-checks";
import { allowed, onTransactionalId, Operation, topicAllowed } from "./authorization";
import type { Handler, RequestContext } from "./handler";
import { describeTransactions as schema } from "../protocol/schemas/describe-transactions";

function described(ctx: RequestContext, transactionalId: string) {
  const failed = (errorCode: number) => ({ errorCode, transactionalId, transactionState: "", transactionTimeoutMs: 0, transactionStartTimeMs: 0n, producerId: 0n, producerEpoch: 0, topics: [] });
  if (!allowed(ctx, onTransactionalId(Operation.DESCRIBE, transactionalId))) return failed(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  if (transactionalId === "") return failed(ErrorCode.INVALID_REQUEST);
  const placement = coordinatorCheck(ctx, transactionalId, "transaction");
  if (placement !== ErrorCode.NONE) return failed(placement);
  const meta = ctx.coordination.txns.describe(transactionalId);
  if (!meta) return failed(ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  return {
    errorCode: ErrorCode.NONE,
    transactionalId,
    transactionState: meta.state,
    transactionTimeoutMs: meta.timeoutMs,
    transactionStartTimeMs: BigInt(transactionStartTimeMs(meta)),
    producerId: meta.producerId,
    producerEpoch: meta.producerEpoch,
    topics: transactionTopics(meta).filter((t) => topicAllowed(ctx, Operation.DESCRIBE, t.topic)),
  };
}

export const describeTransactions: Handler = {
  schema,
  handle(ctx, body: { transactionalIds: string[] }) {
    return { throttleTimeMs: 0, transactionStates: body.transactionalIds.map((id) => described(ctx, id)) };
  },
};
