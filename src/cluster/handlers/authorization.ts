// The permissions Kafka's KafkaApis checks, as data the handlers name: a
// whole request that needs one resource declares it in `requires` (the
// connection answers a denial with the API's error response); a handler
// answering per topic or group asks `allowed` for each. The decision itself
// is the authorizer's (../acls/authorizer.ts), through the connection's
// access (../acls/access.ts).
import { meets, type Requirement } from "../acls/access";
import { authorizedOperations } from "../acls/authorizer";
import { AclOperation, CLUSTER_NAME, ResourceType } from "../acls/model";
import { ErrorCode } from "../protocol/errors";
import type { RequestContext } from "./handler";

export { AclOperation as Operation } from "../acls/model";

export const onCluster = (operation: number): Requirement => ({ operation, resourceType: ResourceType.CLUSTER, resourceName: CLUSTER_NAME });
export const onGroup = (operation: number, groupId: string): Requirement => ({ operation, resourceType: ResourceType.GROUP, resourceName: groupId });
export const onTransactionalId = (operation: number, id: string): Requirement => ({ operation, resourceType: ResourceType.TRANSACTIONAL_ID, resourceName: id });

/** READ on the group: what JoinGroup, SyncGroup, Heartbeat, LeaveGroup and OffsetCommit need. */
export const groupRead = (body: { groupId: string }) => [onGroup(AclOperation.READ, body.groupId)];

/**
 * What an idempotent producer's InitProducerId needs since KIP-679 (Kafka
 * 2.8, KafkaApis.handleInitProducerIdRequest): IDEMPOTENT_WRITE on the
 * cluster, or WRITE on any topic; denied, CLUSTER_AUTHORIZATION_FAILED.
 * Produce itself needs only WRITE on its topics, idempotent or not.
 */
export const idempotentWrite: Requirement = { ...onCluster(AclOperation.IDEMPOTENT_WRITE), otherwise: { operation: AclOperation.WRITE, resourceType: ResourceType.TOPIC, resourceName: null } };

export function allowed(ctx: RequestContext, r: Requirement): boolean {
  return meets(ctx.access, r);
}

export function topicAllowed(ctx: RequestContext, operation: number, topic: string): boolean {
  return ctx.access.allows(operation, ResourceType.TOPIC, topic);
}

/** CREATE on the cluster, or on the topic (KafkaApis: CreateTopics, and Metadata's auto-creation). */
export function mayCreateTopic(ctx: RequestContext, topic: string): boolean {
  return allowed(ctx, onCluster(AclOperation.CREATE)) || topicAllowed(ctx, AclOperation.CREATE, topic);
}

/** The caller's operations on the cluster, as Metadata v8+ and DescribeCluster report them: 0 without DESCRIBE. */
export function clusterOperations(ctx: RequestContext): number {
  return allowed(ctx, onCluster(AclOperation.DESCRIBE)) ? operationsOn(ctx, ResourceType.CLUSTER, CLUSTER_NAME) : 0;
}

/** AuthHelper.authorizedOperations for a topic or the cluster: a bit per operation the caller may do. */
export function operationsOn(ctx: RequestContext, resourceType: number, name: string): number {
  return authorizedOperations(resourceType, (op) => ctx.access.allows(op, resourceType, name));
}

/**
 * Whether the caller may describe (DESCRIBE_CONFIGS) or alter (ALTER_CONFIGS)
 * the configs of a config resource: a topic (2) on the topic, a broker (4)
 * on the cluster; else the error Kafka answers (ConfigHelper, KafkaApis).
 */
export function configAccessError(ctx: RequestContext, operation: number, resourceType: number, name: string): number | undefined {
  if (resourceType === 2) return topicAllowed(ctx, operation, name) ? undefined : ErrorCode.TOPIC_AUTHORIZATION_FAILED;
  if (resourceType === 4) return allowed(ctx, onCluster(operation)) ? undefined : ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
  return undefined;
}
