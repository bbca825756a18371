// DescribeConfigs (32): the topic (resource type 2) and broker (4)
// settings clients and admin tools ask about, with Kafka's default values.
// Every value is a default here (config source 5 = DEFAULT_CONFIG), except
// the broker settings the cluster was started with (4 = STATIC_BROKER_CONFIG).
import { ErrorCode, type DescribeConfigsRequest, type DescribeConfigsResponse } from "../protocol";
import type { Handler, RequestContext } from "./handler";
import { describeConfigs as schema } from "../protocol/schemas/describe-configs";

const TOPIC = 2;
const BROKER = 4;
const DEFAULT_CONFIG = 5;
const STATIC_BROKER_CONFIG = 4;

type Result = DescribeConfigsResponse["results"][number];

function topicConfigs(ctx: RequestContext): [string, string, number][] {
  return [
    ["cleanup.policy", "delete", DEFAULT_CONFIG],
    ["compression.type", "producer", DEFAULT_CONFIG],
    ["max.message.bytes", String(ctx.maxMessageBytes), DEFAULT_CONFIG],
    ["message.timestamp.type", "CreateTime", DEFAULT_CONFIG],
    ["min.insync.replicas", "1", DEFAULT_CONFIG],
    ["retention.bytes", "-1", DEFAULT_CONFIG],
    ["retention.ms", "604800000", DEFAULT_CONFIG],
    ["segment.bytes", "1073741824", DEFAULT_CONFIG],
    ["unclean.leader.election.enable", "false", DEFAULT_CONFIG],
  ];
}

function brokerConfigs(ctx: RequestContext): [string, string, number][] {
  const s = ctx.state.settings;
  return [
    ["auto.create.topics.enable", String(s.autoCreateTopics), STATIC_BROKER_CONFIG],
    ["broker.id", String(ctx.nodeId), STATIC_BROKER_CONFIG],
    ["default.replication.factor", String(s.defaultReplicationFactor), STATIC_BROKER_CONFIG],
    ["log.retention.hours", "168", DEFAULT_CONFIG],
    ["message.max.bytes", String(ctx.maxMessageBytes), DEFAULT_CONFIG],
    ["num.partitions", String(s.numPartitions), STATIC_BROKER_CONFIG],
    ["offsets.topic.replication.factor", "1", DEFAULT_CONFIG],
    ["transaction.state.log.replication.factor", "1", DEFAULT_CONFIG],
  ];
}

function describeResource(ctx: RequestContext, version: number, r: DescribeConfigsRequest["resources"][number], includeSynonyms: boolean): Result {
  const base = { resourceType: r.resourceType, resourceName: r.resourceName };
  let entries: [string, string, number][];
  if (r.resourceType === TOPIC) {
    if (!ctx.state.topics.has(r.resourceName)) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${r.resourceName}' does not exist`, configs: [] };
    entries = topicConfigs(ctx);
  } else if (r.resourceType === BROKER) {
    if (r.resourceName !== "" && r.resourceName !== String(ctx.nodeId)) {
      return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `this is broker ${ctx.nodeId}; ask broker ${r.resourceName} for its configs`, configs: [] };
    }
    entries = brokerConfigs(ctx);
  } else {
    return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `resource type ${r.resourceType} is not supported (2 = topic, 4 = broker)`, configs: [] };
  }
  const wanted = r.configurationKeys;
  const configs = entries
    .filter(([name]) => wanted === null || wanted.includes(name))
    .map(([name, value, source]) => ({
      name,
      value,
      readOnly: r.resourceType === BROKER,
      isDefault: source === DEFAULT_CONFIG,
      configSource: source,
      isSensitive: false,
      synonyms: includeSynonyms && version >= 1 ? [{ name, value, source }] : [],
    }));
  return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs };
}

export const describeConfigs: Handler = {
  schema,
  handle(ctx, body: DescribeConfigsRequest): DescribeConfigsResponse {
    return { throttleTimeMs: 0, results: body.resources.map((r) => describeResource(ctx, ctx.header.apiVersion, r, body.includeSynonyms)) };
  },
};
