// DeleteTopics (20), v0-3: removes topics and their logs.
import { ErrorCode, type DeleteTopicsRequest, type DeleteTopicsResponse } from "../protocol";
import { TopicError } from "../state/cluster-state";
import type { Handler } from "./context";

export const deleteTopics: Handler = {
  apiKey: 20,
  name: "DeleteTopics",
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, body: DeleteTopicsRequest): DeleteTopicsResponse {
    const responses = body.topicNames.map((name) => {
      try {
        ctx.state.deleteTopic(name);
        return { name, errorCode: ErrorCode.NONE };
      } catch (err) {
        if (!(err instanceof TopicError)) throw err;
        return { name, errorCode: err.errorCode };
      }
    });
    return { throttleTimeMs: 0, responses };
  },
  errorResponse: (body: DeleteTopicsRequest, errorCode): DeleteTopicsResponse => ({
    throttleTimeMs: 0,
    responses: body.topicNames.map((name) => ({ name, errorCode })),
  }),
};
