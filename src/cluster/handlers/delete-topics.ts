// DeleteTopics (20), v0-3: removes topics and their logs.
import { type DeleteTopicsRequest, type DeleteTopicsResponse } from "../protocol";
import { topicOutcome } from "../state/cluster-state";
import type { Handler } from "./context";

export const deleteTopics: Handler = {
  apiKey: 20,
  name: "DeleteTopics",
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, body: DeleteTopicsRequest): DeleteTopicsResponse {
    const responses = body.topicNames.map((name) => ({ name, errorCode: topicOutcome(() => ctx.state.deleteTopic(name)).errorCode }));
    return { throttleTimeMs: 0, responses };
  },
  errorResponse: (body: DeleteTopicsRequest, errorCode): DeleteTopicsResponse => ({
    throttleTimeMs: 0,
    responses: body.topicNames.map((name) => ({ name, errorCode })),
  }),
};
