// OffsetCommit, versions 0-7. v0 commits outside any generation (a "simple"
// commit); v1 adds generation, member id and a per-partition timestamp; v2-4
// a retention time (ignored: offsets do not expire here); v6 the leader
// epoch; v7 the group instance id.
import { Err } from "../groups/error-codes";
import { coordinatorError, type CoordinatorHandler } from "./coordinator-context";

/** Kafka's offset.metadata.max.bytes. */
const MAX_METADATA_BYTES = 4096;

type OffsetCommitBody = {
  groupId: string;
  generationId?: number;
  /** The same field under its Kafka 3.6+ spec name. */
  generationIdOrMemberEpoch?: number;
  memberId?: string;
  topics: {
    name: string;
    partitions: { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch?: number; commitTimestamp?: bigint; committedMetadata: string | null }[];
  }[];
};

export const offsetCommit: CoordinatorHandler = {
  apiKey: 8,
  name: "OffsetCommit",
  minVersion: 0,
  maxVersion: 7,
  handle(ctx, body: OffsetCommitBody) {
    const generationId = ctx.apiVersion === 0 ? -1 : body.generationIdOrMemberEpoch ?? body.generationId ?? -1;
    const memberId = ctx.apiVersion === 0 ? "" : body.memberId ?? "";
    let groupError = coordinatorError(ctx, body.groupId);
    if (groupError === Err.NONE) groupError = ctx.coordination.groups.checkCommit(body.groupId, generationId, memberId);
    const now = Date.now();
    const accepted: Parameters<typeof ctx.coordination.offsets.commit>[1] = [];
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        let errorCode = groupError;
        if (errorCode === Err.NONE && !ctx.partitionExists(t.name, p.partitionIndex)) errorCode = Err.UNKNOWN_TOPIC_OR_PARTITION;
        else if (errorCode === Err.NONE && Buffer.byteLength(p.committedMetadata ?? "") > MAX_METADATA_BYTES) errorCode = Err.OFFSET_METADATA_TOO_LARGE;
        if (errorCode === Err.NONE) {
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
    if (accepted.length > 0) ctx.coordination.offsets.commit(body.groupId, accepted);
    return { throttleTimeMs: 0, topics };
  },
};
