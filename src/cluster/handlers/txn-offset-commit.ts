// TxnOffsetCommit, versions 0-2, sent to the GROUP coordinator: offsets that
// become committed only if the producer's transaction commits. A producer
// whose epoch was bumped (fenced) is refused, as Kafka's transactional write
// to __consumer_offsets would be.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type TxnOffsetCommitBody = {
  transactionalId: string;
  groupId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch?: number; committedMetadata: string | null }[] }[];
};

export const txnOffsetCommit: CoordinatorHandler = {
  apiKey: 28,
  name: "TxnOffsetCommit",
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, body: TxnOffsetCommitBody) {
    const producerId = BigInt(body.producerId);
    let errorCode = coordinatorError(ctx, body.groupId);
    const txn = ctx.coordination.txns.describe(body.transactionalId);
    if (errorCode === Err.NONE && (!txn || txn.producerId !== producerId)) errorCode = Err.INVALID_PRODUCER_ID_MAPPING;
    else if (errorCode === Err.NONE && txn && txn.producerEpoch !== body.producerEpoch) errorCode = Err.INVALID_PRODUCER_EPOCH;
    const now = Date.now();
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        errorCode: errorCode === Err.NONE && !ctx.partitionExists(t.name, p.partitionIndex) ? Err.UNKNOWN_TOPIC_OR_PARTITION : errorCode,
      })),
    }));
    if (errorCode === Err.NONE) {
      const entries = body.topics.flatMap((t) =>
        t.partitions
          .filter((p) => ctx.partitionExists(t.name, p.partitionIndex))
          .map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: BigInt(p.committedOffset), leaderEpoch: p.committedLeaderEpoch ?? -1, metadata: p.committedMetadata, commitTimestamp: now })),
      );
      if (entries.length > 0) ctx.coordination.offsets.addPending(body.groupId, producerId, entries);
    }
    return { throttleTimeMs: 0, topics };
  },
};
