// TxnOffsetCommit, sent to the GROUP coordinator: offsets that
// become committed only if the producer's transaction commits. A producer
// whose epoch was bumped (fenced) is refused, as Kafka's transactional write
// to __consumer_offsets would be.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck, partitionExists } from "./coordinator-checks";
import type { Handler } from "./handler";
import { txnOffsetCommit as schema } from "../protocol/schemas/txn-offset-commit";
import { onGroup, onTransactionalId, Operation } from "./authorization";

type TxnOffsetCommitBody = {
  transactionalId: string;
  groupId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch?: number; committedMetadata: string | null }[] }[];
};

export const txnOffsetCommit: Handler = {
  schema,
  requires: (body: TxnOffsetCommitBody) => [onTransactionalId(Operation.WRITE, body.transactionalId), onGroup(Operation.READ, body.groupId)],
  handle(ctx, body: TxnOffsetCommitBody) {
    const producerId = BigInt(body.producerId);
    let errorCode = coordinatorCheck(ctx, body.groupId);
    const txn = ctx.coordination.txns.describe(body.transactionalId);
    if (errorCode === ErrorCode.NONE && (!txn || txn.producerId !== producerId)) errorCode = ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    else if (errorCode === ErrorCode.NONE && txn && txn.producerEpoch !== body.producerEpoch) errorCode = ErrorCode.INVALID_PRODUCER_EPOCH;
    const now = Date.now();
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        errorCode: errorCode === ErrorCode.NONE && !partitionExists(ctx, t.name, p.partitionIndex) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : errorCode,
      })),
    }));
    if (errorCode === ErrorCode.NONE) {
      const entries = body.topics.flatMap((t) =>
        t.partitions
          .filter((p) => partitionExists(ctx, t.name, p.partitionIndex))
          .map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: BigInt(p.committedOffset), leaderEpoch: p.committedLeaderEpoch ?? -1, metadata: p.committedMetadata, commitTimestamp: now })),
      );
      if (entries.length > 0) ctx.coordination.offsets.addPending(body.groupId, producerId, entries);
    }
    return { throttleTimeMs: 0, topics };
  },
};
