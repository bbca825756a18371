// CreateTopics (19). -1 partitions or replication factor take the
// broker defaults (num.partitions, default.replication.factor); explicit
// replica assignments are honoured; the topic's configs are checked and
// stored (../configs/changes.ts); validateOnly (v1+) checks without creating.
// Errors per topic: INVALID_TOPIC_EXCEPTION, TOPIC_ALREADY_EXISTS,
// INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR, INVALID_REPLICA_ASSIGNMENT,
// INVALID_CONFIG; TOPIC_AUTHORIZATION_FAILED ("Authorization failed.") without
// CREATE on the cluster or the topic.
import { checkNewTopicConfigs } from "../configs/changes";
import { ErrorCode, type CreateTopicsRequest, type CreateTopicsResponse } from "../protocol";
import { TopicError, topicOutcome } from "../state/topic-errors";
import { mayCreateTopic } from "./authorization";
import type { Handler } from "./handler";
import { createTopics as schema } from "../protocol/schemas/create-topics";

export const createTopics: Handler = {
  schema,
  handle(ctx, body: CreateTopicsRequest): CreateTopicsResponse {
    const names = body.topics.map((t) => t.name);
    const topics = body.topics.map((t) => ({
      name: t.name,
      ...topicOutcome(() => {
        if (names.indexOf(t.name) !== names.lastIndexOf(t.name)) throw new TopicError(ErrorCode.INVALID_REQUEST, `topic '${t.name}' appears twice in the request`);
        if (!mayCreateTopic(ctx, t.name)) throw new TopicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, "Authorization failed.");
        const replicas = ctx.state.planTopic(t.name, t.numPartitions, t.replicationFactor, t.assignments);
        const configs = checkNewTopicConfigs(t.configs);
        if (!("configs" in configs)) throw new TopicError(configs.errorCode, configs.errorMessage);
        if (!body.validateOnly) ctx.state.createTopic(t.name, replicas, configs.configs);
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
};
