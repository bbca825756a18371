// CreatePartitions (37): grows a topic. Existing partitions keep their
// records and offsets; only keys produced from now on may map to a different
// partition (hash(key) % new count) — the lesson the course draws from it.
// Needs ALTER on the topic.
import { moveKeyedRecords } from "../defects";
import { type CreatePartitionsRequest, type CreatePartitionsResponse } from "../protocol";
import { ErrorCode } from "../protocol/errors";
import { TopicError, topicOutcome } from "../state/topic-errors";
import { Operation, topicAllowed } from "./authorization";
import type { Handler } from "./handler";
import { createPartitions as schema } from "../protocol/schemas/create-partitions";

export const createPartitions: Handler = {
  schema,
  handle(ctx, body: CreatePartitionsRequest): CreatePartitionsResponse {
    const results = body.topics.map((t) => ({
      name: t.name,
      ...topicOutcome(() => {
        if (!topicAllowed(ctx, Operation.ALTER, t.name)) throw new TopicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, "The topic authorization is failed.");
        const replicas = ctx.state.planPartitions(t.name, t.count, t.assignments);
        if (body.validateOnly) return;
        ctx.state.addPartitions(t.name, replicas);
        if (ctx.defects.has("create-partitions-moves-records")) moveKeyedRecords(ctx.state.topics.get(t.name)!.partitions);
      }),
    }));
    return { throttleTimeMs: 0, results };
  },
};
