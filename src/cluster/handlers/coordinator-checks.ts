// What the coordinator APIs (groups, offsets, transactions) check before
// touching the coordination state.
import type { CoordinatorKind } from "../coordination/placement";
import { errorResponse } from "../protocol/error-response";
import { ErrorCode } from "../protocol/errors";
import type { ApiSchema } from "../protocol/schema";
import { groupRead } from "./authorization";
import type { Handler, RequestContext } from "./handler";

/** NONE when this broker coordinates `key`; else NOT_COORDINATOR (the client asks FindCoordinator again) or COORDINATOR_NOT_AVAILABLE. */
export function coordinatorCheck(ctx: RequestContext, key: string, kind: CoordinatorKind = "group"): number {
  const owner = ctx.coordination.coordinatorFor(key, kind);
  if (owner === undefined) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  return owner === ctx.nodeId ? ErrorCode.NONE : ErrorCode.NOT_COORDINATOR;
}

export function partitionExists(ctx: RequestContext, topic: string, partition: number): boolean {
  return ctx.state.partition(topic, partition) !== undefined;
}

/** Kafka's offset.metadata.max.bytes: longer commit metadata is OFFSET_METADATA_TOO_LARGE. */
const MAX_METADATA_BYTES = 4096;

export function metadataTooLarge(metadata: string | null): boolean {
  return Buffer.byteLength(metadata ?? "") > MAX_METADATA_BYTES;
}

/** Where a live broker listens, or undefined when it is stopped or unknown. */
export function liveBrokerAddress(ctx: RequestContext, nodeId: number): { host: string; port: number } | undefined {
  const b = ctx.state.broker(nodeId);
  return b && b.up ? { host: b.host, port: b.port } : undefined;
}

/** Groups `{topic, partition, …}` rows back into the nested topics/partitions shape responses use. */
export function byTopic<T extends { topic: string }>(rows: T[]): { name: string; rows: T[] }[] {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.topic) ?? [];
    list.push(r);
    out.set(r.topic, list);
  }
  return [...out].map(([name, list]) => ({ name, rows: list }));
}

/** The answer that refuses the whole request when this broker does not coordinate `key` (see coordinatorCheck); undefined when it does. */
export function refuseUnlessCoordinator(ctx: RequestContext, schema: ApiSchema, key: string, body: unknown, kind: CoordinatorKind = "group"): object | undefined {
  const errorCode = coordinatorCheck(ctx, key, kind);
  return errorCode === ErrorCode.NONE ? undefined : errorResponse(schema, ctx.header.apiVersion, body, errorCode);
}

/**
 * A handler of the group membership APIs (JoinGroup, SyncGroup, Heartbeat,
 * LeaveGroup): the caller needs READ on the group, and only the group's
 * coordinator answers; `handle` runs once both hold.
 */
export function membershipHandler<B extends { groupId: string }>(schema: ApiSchema, handle: (ctx: RequestContext, body: B) => unknown): Handler {
  return {
    schema,
    requires: groupRead,
    handle: (ctx, body: B) => refuseUnlessCoordinator(ctx, schema, body.groupId, body) ?? handle(ctx, body),
  };
}
