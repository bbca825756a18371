// TxnOffsetCommit (28), v0-2, sent to the GROUP coordinator: offsets that
// become committed only if the producer's transaction commits. The checks
// run in Kafka's order (KafkaApis.handleTxnOffsetCommitRequest, then the
// group coordinator: GroupCoordinator.handleTxnCommitOffsets in 3.9,
// GroupCoordinatorService.commitTransactionalOffsets in 4.x):
//   1. WRITE on the transactional id, READ on the group (`requires`);
//   2. per topic READ (TOPIC_AUTHORIZATION_FAILED), then the partition's
//      existence (UNKNOWN_TOPIC_OR_PARTITION); partitions refused here skip the rest;
//   3. the group id ("" is INVALID_GROUP_ID) and its coordinator;
//   4. KIP-890's verification with the transaction coordinator: the producer's
//      id and epoch, and AddOffsetsToTxn for the group in the open transaction
//      (TransactionCoordinator.verifyOffsets);
//   5. the group (../groups/commit-rules.ts): v0-2 carry no member or
//      generation, so every group but a Dead one takes them, whatever its
//      state, and a group that does not exist is created, Empty;
//   6. per partition, metadata over offset.metadata.max.bytes (OFFSET_METADATA_TOO_LARGE).
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck, metadataTooLarge, partitionExists } from "./coordinator-checks";
import type { Handler, RequestContext } from "./handler";
import { txnOffsetCommit as schema } from "../protocol/schemas/txn-offset-commit";
import { onGroup, onTransactionalId, Operation, topicAllowed } from "./authorization";

type TxnOffsetCommitBody = {
  transactionalId: string;
  groupId: string;
  producerId: bigint;
  producerEpoch: number;
  topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch?: number; committedMetadata: string | null }[] }[];
};

function refusal(ctx: RequestContext, topic: string, partition: number): number | undefined {
  if (!topicAllowed(ctx, Operation.READ, topic)) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  return partitionExists(ctx, topic, partition) ? undefined : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
}

/** Steps 3-5: NONE when the group coordinator takes the offsets. */
function commitError(ctx: RequestContext, body: TxnOffsetCommitBody): number {
  if (body.groupId === "") return ErrorCode.INVALID_GROUP_ID;
  const placement = coordinatorCheck(ctx, body.groupId);
  if (placement !== ErrorCode.NONE) return placement;
  const verified = ctx.coordination.txns.verifyOffsets(body.transactionalId, BigInt(body.producerId), body.producerEpoch, body.groupId);
  if (verified !== ErrorCode.NONE) return verified;
  return ctx.coordination.groups.checkCommit(body.groupId, -1, "", true);
}

export const txnOffsetCommit: Handler = {
  schema,
  requires: (body: TxnOffsetCommitBody) => [onTransactionalId(Operation.WRITE, body.transactionalId), onGroup(Operation.READ, body.groupId)],
  handle(ctx, body: TxnOffsetCommitBody) {
    const refusals = body.topics.map((t) => t.partitions.map((p) => refusal(ctx, t.name, p.partitionIndex)));
    const requestError = refusals.flat().includes(undefined) ? commitError(ctx, body) : ErrorCode.NONE;
    const now = Date.now();
    const entries: Parameters<typeof ctx.coordination.offsets.addPending>[2] = [];
    const topics = body.topics.map((t, ti) => ({
      name: t.name,
      partitions: t.partitions.map((p, pi) => {
        const errorCode = refusals[ti][pi] ?? (requestError !== ErrorCode.NONE ? requestError : metadataTooLarge(p.committedMetadata) ? ErrorCode.OFFSET_METADATA_TOO_LARGE : ErrorCode.NONE);
        if (errorCode === ErrorCode.NONE) {
          entries.push({ topic: t.name, partition: p.partitionIndex, offset: BigInt(p.committedOffset), leaderEpoch: p.committedLeaderEpoch ?? -1, metadata: p.committedMetadata, commitTimestamp: now });
        }
        return { partitionIndex: p.partitionIndex, errorCode };
      }),
    }));
    if (entries.length > 0) ctx.coordination.offsets.addPending(body.groupId, BigInt(body.producerId), entries);
    return { throttleTimeMs: 0, topics };
  },
};
