// DeleteRecords (21): moves each partition's log start offset forward to the
// given offset (-1: the high watermark), on its leader, as Kafka's
// Partition.deleteRecordsOnLeader does: never back, OFFSET_OUT_OF_RANGE past
// the high watermark, POLICY_VIOLATION on a topic whose cleanup.policy has no
// "delete". The segments wholly below the new start go at the next retention
// pass; ListOffsets earliest and Fetch follow the new start at once.
import { ErrorCode, type DeleteRecordsRequest, type DeleteRecordsResponse } from "../protocol";
import type { Handler, RequestContext } from "./handler";
import { leaderPartition } from "./partition-access";
import { Operation } from "./authorization";
import { deleteRecords as schema } from "../protocol/schemas/delete-records";

const HIGH_WATERMARK = -1n;

function deleteBefore(ctx: RequestContext, topic: string, index: number, offset: bigint): { lowWatermark: bigint; errorCode: number } {
  const failed = (errorCode: number) => ({ lowWatermark: -1n, errorCode });
  const p = leaderPartition(ctx, topic, index, Operation.DELETE);
  if (typeof p === "number") return failed(p);
  if (!ctx.state.topicSettings(topic, ctx.nodeId).deletes) return failed(ErrorCode.POLICY_VIOLATION);
  const target = offset === HIGH_WATERMARK ? p.log.highWatermark : offset;
  if (target < 0n || target > p.log.highWatermark) return failed(ErrorCode.OFFSET_OUT_OF_RANGE);
  p.log.advanceLogStart(target);
  return { lowWatermark: p.log.logStartOffset, errorCode: ErrorCode.NONE };
}

export const deleteRecords: Handler = {
  schema,
  handle(ctx, body: DeleteRecordsRequest): DeleteRecordsResponse {
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, ...deleteBefore(ctx, t.name, p.partitionIndex, p.offset) })),
    }));
    ctx.state.save();
    return { throttleTimeMs: 0, topics };
  },
};
