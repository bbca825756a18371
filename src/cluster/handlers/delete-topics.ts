// DeleteTopics (20): removes topics, their logs and their committed offsets
// in every group (as Kafka's group coordinator does when partitions go).
import { type DeleteTopicsRequest, type DeleteTopicsResponse } from "../protocol";
import { topicOutcome } from "../state/topic-errors";
import type { Handler } from "./handler";
import { deleteTopics as schema } from "../protocol/schemas/delete-topics";

export const deleteTopics: Handler = {
  schema,
  handle(ctx, body: DeleteTopicsRequest): DeleteTopicsResponse {
    const responses = body.topicNames.map((name) => ({
      name,
      errorCode: topicOutcome(() => {
        ctx.state.deleteTopic(name);
        ctx.coordination.offsets.deleteTopic(name);
      }).errorCode,
    }));
    return { throttleTimeMs: 0, responses };
  },
};
