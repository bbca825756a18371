// OffsetCommit. v0 commits outside any generation (a "simple"
// commit); v1 adds generation, member id and a per-partition timestamp; v2-4
// a retention time (ignored: offsets do not expire here); v6 the leader
// epoch; v7 the group instance id. Needs READ on the group (`requires`) and
// on each topic (TOPIC_AUTHORIZATION_FAILED per partition).
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck, metadataTooLarge, partitionExists } from "./coordinator-checks";
import type { Handler } from "./handler";
import { offsetCommit as schema } from "../protocol/schemas/offset-commit";
import { groupRead, Operation, topicAllowed } from "./authorization";

type OffsetCommitBody = {
  groupId: string;
  generationId?: number;
  memberId?: string;
  topics: {
    name: string;
    partitions: { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch?: number; commitTimestamp?: bigint; committedMetadata: string | null }[];
  }[];
};

export const offsetCommit: Handler = {
  schema,
  requires: groupRead,
  handle(ctx, body: OffsetCommitBody) {
    const generationId = ctx.header.apiVersion === 0 ? -1 : body.generationId ?? -1;
    const memberId = ctx.header.apiVersion === 0 ? "" : body.memberId ?? "";
    let groupError = coordinatorCheck(ctx, body.groupId);
    if (groupError === ErrorCode.NONE) groupError = ctx.coordination.groups.checkCommit(body.groupId, generationId, memberId);
    const now = Date.now();
    const accepted: Parameters<typeof ctx.coordination.offsets.commit>[1] = [];
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        let errorCode = topicAllowed(ctx, Operation.READ, t.name) ? groupError : ErrorCode.TOPIC_AUTHORIZATION_FAILED;
        if (errorCode === ErrorCode.NONE && !partitionExists(ctx, t.name, p.partitionIndex)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        else if (errorCode === ErrorCode.NONE && metadataTooLarge(p.committedMetadata)) errorCode = ErrorCode.OFFSET_METADATA_TOO_LARGE;
        if (errorCode === ErrorCode.NONE) {
          accepted.push({
            topic: t.name,
            partition: p.partitionIndex,
            offset: BigInt(p.committedOffset),
            leaderEpoch: p.committedLeaderEpoch ?? -1,
            metadata: p.committedMetadata,
            commitTimestamp: p.commitTimestamp !== undefined && p.commitTimestamp >= 0n ? Number(p.commitTimestamp) : now,
          });
        }
        return { partitionIndex: p.partitionIndex, errorCode };
      }),
    }));
    if (accepted.length > 0 && !ctx.defects.has("commit-not-kept")) ctx.coordination.offsets.commit(body.groupId, accepted);
    return { throttleTimeMs: 0, topics };
  },
};
