// Metadata (3): live brokers, the controller and, per topic, each
// partition's leader, leader epoch (v7+), replicas, in-sync replicas and
// offline replicas (those on stopped brokers). A null topic list
// (v1+) — or an empty one in v0 — means every topic. Unknown topics are
// created when auto-creation is on and the request allows it (v4+).
// Authorization as KafkaApis does it: a topic the caller may not DESCRIBE is
// left out of an all-topics answer and is TOPIC_AUTHORIZATION_FAILED when
// named; auto-creation needs CREATE on the cluster or the topic; v8+ reports
// authorized operations when asked.
import { ErrorCode, type MetadataRequest, type MetadataResponse } from "../protocol";
import type { Topic } from "../state/cluster-state";
import { TopicError } from "../state/topic-errors";
import { invalidTopicName } from "../state/topic-rules";
import { ResourceType } from "../acls/model";
import { clusterOperations, mayCreateTopic, Operation, operationsOn, topicAllowed } from "./authorization";
import type { Handler, RequestContext } from "./handler";
import { metadata as schema } from "../protocol/schemas/metadata";

type TopicMetadata = MetadataResponse["topics"][number];

/** The schema's default for authorized operations: not asked. */
const UNSET = -2147483648;

function describe(ctx: RequestContext, topic: Topic, withOperations: boolean): TopicMetadata {
  return {
    topicAuthorizedOperations: withOperations ? operationsOn(ctx, ResourceType.TOPIC, topic.name) : UNSET,
    errorCode: ErrorCode.NONE,
    name: topic.name,
    isInternal: false,
    partitions: topic.partitions.map((p) => ({
      errorCode: p.leader < 0 ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
      partitionIndex: p.index,
      leaderId: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicaNodes: p.replicas,
      isrNodes: p.isr,
      offlineReplicas: p.replicas.filter((r) => !ctx.state.broker(r)?.up),
    })),
  };
}

function missing(name: string, errorCode: number): TopicMetadata {
  return { errorCode, name, isInternal: false, partitions: [] };
}

export const metadata: Handler = {
  schema,
  handle(ctx, body: MetadataRequest): MetadataResponse {
    const { state } = ctx;
    const all = body.topics === null || (ctx.header.apiVersion === 0 && body.topics.length === 0);
    const withOperations = ctx.header.apiVersion >= 8 && body.includeTopicAuthorizedOperations === true;
    const topics = all
      ? [...state.topics.values()].filter((t) => topicAllowed(ctx, Operation.DESCRIBE, t.name)).map((t) => describe(ctx, t, withOperations))
      : body.topics!.map(({ name }) => {
          const n = name ?? "";
          if (!topicAllowed(ctx, Operation.DESCRIBE, n)) return missing(n, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
          const invalid = invalidTopicName(n);
          if (invalid) return missing(n, ErrorCode.INVALID_TOPIC_EXCEPTION);
          const create = body.allowAutoTopicCreation && !state.topics.has(n) && state.configs.brokerFlag("auto.create.topics.enable");
          if (create && !mayCreateTopic(ctx, n)) return missing(n, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
          let topic: Topic | undefined;
          try {
            topic = create ? state.autoCreate(n) : state.topics.get(n);
          } catch (err) {
            // Kafka's controller refuses it; its Metadata keeps answering LEADER_NOT_AVAILABLE until the client gives up.
            if (err instanceof TopicError) return missing(n, err.errorCode);
            throw err;
          }
          return topic ? describe(ctx, topic, withOperations) : missing(n, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        });
    return {
      throttleTimeMs: 0,
      brokers: state.brokers.filter((b) => b.up).map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: null })),
      clusterId: state.clusterId,
      controllerId: state.controllerId,
      topics,
      clusterAuthorizedOperations: ctx.header.apiVersion >= 8 && body.includeClusterAuthorizedOperations === true
        ? clusterOperations(ctx) : UNSET,
    };
  },
};
