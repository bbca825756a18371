// DeleteTopics (20): removes topics, their logs and their committed offsets
// in every group (as Kafka's group coordinator does when partitions go).
// Needs DELETE on each topic (TOPIC_AUTHORIZATION_FAILED, checked before
// whether the topic exists).
import { type DeleteTopicsRequest, type DeleteTopicsResponse } from "../protocol";
import { ErrorCode } from "../protocol/errors";
import { TopicError, topicOutcome } from "../state/topic-errors";
import { Operation, topicAllowed } from "./authorization";
import type { Handler } from "./handler";
import { deleteTopics as schema } from "../protocol/schemas/delete-topics";

export const deleteTopics: Handler = {
  schema,
  handle(ctx, body: DeleteTopicsRequest): DeleteTopicsResponse {
    const responses = body.topicNames.map((name) => ({
      name,
      errorCode: topicOutcome(() => {
        if (!topicAllowed(ctx, Operation.DELETE, name)) throw new TopicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, "Authorization failed.");
        ctx.state.deleteTopic(name);
        ctx.coordination.offsets.deleteTopic(name);
      }).errorCode,
    }));
    return { throttleTimeMs: 0, responses };
  },
};
