// OffsetFetch. v2+ may ask for every partition (topics null)
// and carries a top-level error code; v5 adds the leader epoch. A partition
// without a committed offset answers -1, as Kafka does. Needs DESCRIBE on
// the group (`requires`); a named topic the caller may not DESCRIBE is
// TOPIC_AUTHORIZATION_FAILED, and such topics are left out of "every partition".
import { ErrorCode } from "../protocol/errors";
import { byTopic, coordinatorCheck } from "./coordinator-checks";
import type { Handler } from "./handler";
import { offsetFetch as schema } from "../protocol/schemas/offset-fetch";
import { onGroup, Operation, topicAllowed } from "./authorization";

type OffsetFetchBody = { groupId: string; topics: { name: string; partitionIndexes: number[] }[] | null };

export const offsetFetch: Handler = {
  schema,
  requires: (body: OffsetFetchBody) => [onGroup(Operation.DESCRIBE, body.groupId)],
  handle(ctx, body: OffsetFetchBody) {
    const groupError = coordinatorCheck(ctx, body.groupId);
    const { offsets } = ctx.coordination;
    const wanted = body.topics === null
      ? offsets.list(body.groupId).map((e) => ({ topic: e.topic, partition: e.partition })).filter((e) => topicAllowed(ctx, Operation.DESCRIBE, e.topic))
      : body.topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition })));
    const rows = wanted.map(({ topic, partition }) => {
      const denied = !topicAllowed(ctx, Operation.DESCRIBE, topic);
      const entry = groupError === ErrorCode.NONE && !denied ? offsets.fetch(body.groupId, topic, partition) : undefined;
      return {
        topic,
        partitionIndex: partition,
        committedOffset: entry?.offset ?? -1n,
        committedLeaderEpoch: entry?.leaderEpoch ?? -1,
        metadata: entry?.metadata ?? "",
        // v0-1 have no top-level error code: the coordinator error goes on every partition.
        errorCode: denied ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : ctx.header.apiVersion < 2 ? groupError : ErrorCode.NONE,
      };
    });
    return {
      throttleTimeMs: 0,
      errorCode: groupError,
      topics: byTopic(rows).map(({ name, rows }) => ({ name, partitions: rows.map(({ topic, ...p }) => p) })),
    };
  },
};
