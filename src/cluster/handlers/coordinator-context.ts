import type { Coordination } from "../groups/coordination";
import { Err } from "../groups/error-codes";

/**
 * What the coordinator APIs (groups, offsets, transactions) need from the
 * broker for one request. The registry adapts the broker's own context to it,
 * so these handlers stay pure over the coordination state.
 */
export type CoordinatorRequest = {
  nodeId: number;
  apiVersion: number;
  clientId: string | null;
  /** The client's address as Kafka reports it in DescribeGroups ("/127.0.0.1"). */
  clientHost: string;
  coordination: Coordination;
  brokerAddress(nodeId: number): { host: string; port: number } | undefined;
  partitionExists(topic: string, partition: number): boolean;
};

export type CoordinatorHandler = {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
  handle(ctx: CoordinatorRequest, body: any): unknown | Promise<unknown>;
};

/** NOT_COORDINATOR when this broker is not the one `key` hashes to (the client then asks FindCoordinator again). */
export function coordinatorError(ctx: CoordinatorRequest, key: string): number {
  const owner = ctx.coordination.coordinatorFor(key);
  if (owner === undefined) return Err.COORDINATOR_NOT_AVAILABLE;
  return owner === ctx.nodeId ? Err.NONE : Err.NOT_COORDINATOR;
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
