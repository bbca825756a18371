// OffsetFetch, versions 0-5. v2+ may ask for every partition (topics null)
// and carries a top-level error code; v5 adds the leader epoch. A partition
// without a committed offset answers -1, as Kafka does.
import { Err } from "../groups/error-codes";
import { byTopic, coordinatorError, type CoordinatorHandler } from "./coordinator-context";

type OffsetFetchBody = { groupId: string; topics: { name: string; partitionIndexes: number[] }[] | null };

export const offsetFetch: CoordinatorHandler = {
  apiKey: 9,
  name: "OffsetFetch",
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, body: OffsetFetchBody) {
    const groupError = coordinatorError(ctx, body.groupId);
    const { offsets } = ctx.coordination;
    const wanted = body.topics === null
      ? offsets.list(body.groupId).map((e) => ({ topic: e.topic, partition: e.partition }))
      : body.topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition })));
    const rows = wanted.map(({ topic, partition }) => {
      const entry = groupError === Err.NONE ? offsets.fetch(body.groupId, topic, partition) : undefined;
      return {
        topic,
        partitionIndex: partition,
        committedOffset: entry?.offset ?? -1n,
        committedLeaderEpoch: entry?.leaderEpoch ?? -1,
        metadata: entry?.metadata ?? "",
        // v0-1 have no top-level error code: the coordinator error goes on every partition.
        errorCode: ctx.apiVersion < 2 ? groupError : Err.NONE,
      };
    });
    return {
      throttleTimeMs: 0,
      errorCode: groupError,
      topics: byTopic(rows).map(({ name, rows }) => ({ name, partitions: rows.map(({ topic, ...p }) => p) })),
    };
  },
};
