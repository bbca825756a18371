// What IncrementalAlterConfigs and AlterConfigs share: each resource (a
// topic, a broker, or "" for the cluster-wide broker default) is checked
// and, unless validateOnly, changed and persisted on its own; a resource
// named twice is refused both times, as Kafka's ConfigAdminManager does.
// Needs ALTER_CONFIGS on the topic, or on the cluster for a broker.
import type { ChangeResult } from "../configs/changes";
import type { ConfigMap } from "../configs/store";
import { ErrorCode, type AlterConfigsRequest, type AlterConfigsResponse } from "../protocol";
import { BROKER_RESOURCE, TOPIC_RESOURCE } from "./describe-configs";
import { configAccessError, Operation } from "./authorization";
import type { RequestContext } from "./handler";

type Resource = AlterConfigsRequest["resources"][number];
/** The resource's dynamic configs after the request's changes, or the error. */
export type Change = (current: ConfigMap, configs: Resource["configs"], isTopic: boolean) => ChangeResult;

/** Whose broker configs a name means: null for the cluster default, this broker's id, or the refusal. */
function brokerOf(ctx: RequestContext, name: string): number | null | ChangeResult {
  if (name === "") return null;
  if (!/^-?\d+$/.test(name)) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Node id must be an integer, but it is: ${name}` };
  if (Number(name) !== ctx.nodeId) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unexpected broker id, expected ${ctx.nodeId}, but received ${name}` };
  return ctx.nodeId;
}

function alterOne(ctx: RequestContext, r: Resource, validateOnly: boolean, change: Change): { errorCode: number; errorMessage: string | null } {
  const done = (result: ChangeResult, apply: (configs: ConfigMap) => void) => {
    if (!("configs" in result)) return result;
    if (!validateOnly) apply(result.configs);
    return { errorCode: ErrorCode.NONE, errorMessage: null };
  };
  const denied = configAccessError(ctx, Operation.ALTER_CONFIGS, r.resourceType, r.resourceName);
  if (denied !== undefined) return { errorCode: denied, errorMessage: null };
  if (r.resourceType === TOPIC_RESOURCE) {
    const topic = ctx.state.topics.get(r.resourceName);
    if (!topic) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${r.resourceName}' does not exist` };
    return done(change(topic.configs, r.configs, true), (configs) => ctx.state.setTopicConfigs(topic.name, configs));
  }
  if (r.resourceType === BROKER_RESOURCE) {
    const nodeId = brokerOf(ctx, r.resourceName);
    if (nodeId !== null && typeof nodeId !== "number") return nodeId as { errorCode: number; errorMessage: string };
    return done(change(ctx.state.configs.dynamicConfigs(nodeId), r.configs, false), (configs) => {
      ctx.state.configs.setDynamicConfigs(nodeId, configs);
      ctx.state.save();
    });
  }
  return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown resource type ${r.resourceType}` };
}

/** The response to an AlterConfigs or IncrementalAlterConfigs request. */
export function alterResources(ctx: RequestContext, body: AlterConfigsRequest, change: Change): AlterConfigsResponse {
  const key = (r: Resource) => `${r.resourceType}:${r.resourceName}`;
  const keys = body.resources.map(key);
  const responses = body.resources.map((r) => {
    const outcome = keys.indexOf(key(r)) !== keys.lastIndexOf(key(r))
      ? { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: "Each resource must appear at most once." }
      : alterOne(ctx, r, body.validateOnly, change);
    return { ...outcome, resourceType: r.resourceType, resourceName: r.resourceName };
  });
  return { throttleTimeMs: 0, responses };
}
