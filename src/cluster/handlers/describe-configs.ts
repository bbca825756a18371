// DescribeConfigs (32): a topic's (resource type 2) or a broker's (4) real
// configs with their sources and, when asked (v1+), their synonyms, as
// Kafka's ConfigHelper answers (../configs/describe.ts). A broker describes
// itself or, for the empty name, the cluster-wide dynamic defaults.
// Documentation (v3+) is not kept here: it answers null. Needs
// DESCRIBE_CONFIGS on the topic, or on the cluster for a broker.
import { describeBroker, describeTopic, type ConfigEntry } from "../configs/describe";
import { ConfigSource } from "../configs/types";
import { ErrorCode, type DescribeConfigsRequest, type DescribeConfigsResponse } from "../protocol";
import { configAccessError, Operation } from "./authorization";
import type { Handler, RequestContext } from "./handler";
import { describeConfigs as schema } from "../protocol/schemas/describe-configs";

export const TOPIC_RESOURCE = 2;
export const BROKER_RESOURCE = 4;

type Result = DescribeConfigsResponse["results"][number];
type Resource = DescribeConfigsRequest["resources"][number];

/** The entries of one resource, or the error that refuses it. */
function entriesOf(ctx: RequestContext, r: Resource): ConfigEntry[] | { errorCode: number; errorMessage: string } {
  const denied = configAccessError(ctx, Operation.DESCRIBE_CONFIGS, r.resourceType, r.resourceName);
  if (denied === ErrorCode.TOPIC_AUTHORIZATION_FAILED) return { errorCode: denied, errorMessage: "Topic authorization failed." };
  if (denied === ErrorCode.CLUSTER_AUTHORIZATION_FAILED) return { errorCode: denied, errorMessage: "Cluster authorization failed." };
  if (r.resourceType === TOPIC_RESOURCE) {
    const topic = ctx.state.topics.get(r.resourceName);
    if (!topic) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${r.resourceName}' does not exist` };
    return describeTopic(ctx.state.configs, topic.configs, ctx.nodeId);
  }
  if (r.resourceType === BROKER_RESOURCE) {
    if (r.resourceName === "") return describeBroker(ctx.state.configs, null);
    if (r.resourceName !== String(ctx.nodeId)) {
      return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unexpected broker id, expected ${ctx.nodeId} or empty string, but received ${r.resourceName}` };
    }
    return describeBroker(ctx.state.configs, ctx.nodeId);
  }
  return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unsupported resource type: ${r.resourceType} (2 = topic, 4 = broker)` };
}

function describeResource(ctx: RequestContext, r: Resource, includeSynonyms: boolean): Result {
  const base = { resourceType: r.resourceType, resourceName: r.resourceName };
  const entries = entriesOf(ctx, r);
  if (!Array.isArray(entries)) return { ...base, ...entries, configs: [] };
  const wanted = r.configurationKeys;
  const configs = entries
    .filter((e) => wanted === null || wanted.length === 0 || wanted.includes(e.name))
    .map((e) => ({ ...e, isDefault: e.configSource === ConfigSource.DEFAULT_CONFIG, synonyms: includeSynonyms ? e.synonyms : [], documentation: null }));
  return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs };
}

export const describeConfigs: Handler = {
  schema,
  handle(ctx, body: DescribeConfigsRequest): DescribeConfigsResponse {
    return { throttleTimeMs: 0, results: body.resources.map((r) => describeResource(ctx, r, ctx.header.apiVersion >= 1 && body.includeSynonyms)) };
  },
};
