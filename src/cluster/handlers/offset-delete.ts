// OffsetDelete (47), v0 (KIP-496): removes a group's committed offsets of
// some partitions, as Kafka answers it (KafkaApis.handleOffsetDeleteRequest,
// GroupCoordinator.handleDeleteOffsets): UNKNOWN_TOPIC_OR_PARTITION for a
// partition that does not exist; a group error alone (no partitions) for an
// empty or unknown group id (INVALID_GROUP_ID, GROUP_ID_NOT_FOUND), on the
// wrong broker (NOT_COORDINATOR) or for a non-consumer group with members
// (NON_EMPTY_GROUP); GROUP_SUBSCRIBED_TO_TOPIC for a topic a member of a
// live consumer group subscribes to. An Empty group left without offsets is
// removed, as Kafka's cleanupGroupMetadata does.
import { ErrorCode } from "../protocol/errors";
import { coordinatorCheck, partitionExists } from "./coordinator-checks";
import type { Handler, RequestContext } from "./handler";
import { offsetDelete as schema } from "../protocol/schemas/offset-delete";
import { onGroup, Operation } from "./authorization";

type Request = { groupId: string; topics: { name: string; partitions: { partitionIndex: number }[] }[] };
type Row = { topic: string; partition: number; errorCode: number };

const groupError = (errorCode: number) => ({ errorCode, throttleTimeMs: 0, topics: [] });

function groupCheck(ctx: RequestContext, groupId: string) {
  if (groupId === "") return { errorCode: ErrorCode.INVALID_GROUP_ID };
  const errorCode = coordinatorCheck(ctx, groupId);
  if (errorCode !== ErrorCode.NONE) return { errorCode };
  const known = ctx.coordination.groups.offsetDeletion(groupId);
  // Offsets without a live group (a group Kafka would have loaded as Empty) may all go.
  if (!known && ctx.coordination.offsets.hasOffsets(groupId)) return { errorCode: ErrorCode.NONE, subscribed: () => false };
  return known ?? { errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
}

export const offsetDelete: Handler = {
  schema,
  // Kafka: DELETE on the group (KafkaApis.handleOffsetDeleteRequest).
  requires: (body: { groupId: string }) => [onGroup(Operation.DELETE, body.groupId)],
  handle(ctx, body: Request) {
    const check = groupCheck(ctx, body.groupId);
    if (check.errorCode !== ErrorCode.NONE || !("subscribed" in check)) return groupError(check.errorCode);
    const rows: Row[] = body.topics.flatMap((t) => t.partitions.map(({ partitionIndex }) => {
      const missing = !partitionExists(ctx, t.name, partitionIndex);
      const errorCode = missing ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : check.subscribed(t.name) ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : ErrorCode.NONE;
      return { topic: t.name, partition: partitionIndex, errorCode };
    }));
    ctx.coordination.offsets.deleteOffsets(body.groupId, rows.filter((r) => r.errorCode === ErrorCode.NONE));
    if (!ctx.coordination.offsets.hasOffsets(body.groupId)) ctx.coordination.groups.removeIfEmpty(body.groupId);
    const topics = body.topics.map((t) => ({
      name: t.name,
      partitions: rows.filter((r) => r.topic === t.name).map((r) => ({ partitionIndex: r.partition, errorCode: r.errorCode })),
    }));
    return { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics };
  },
};
