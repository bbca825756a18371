// What every broker-core handler gets for one request.
import type { Coordination } from "../groups/coordination";
import type { RequestHeader } from "../protocol";
import type { ClusterState } from "../state/cluster-state";

export type BrokerContext = {
  /** The broker that received the request. */
  nodeId: number;
  header: RequestHeader;
  state: ClusterState;
  coordination: Coordination;
  /** "/127.0.0.1", as Kafka reports client hosts. */
  clientHost: string;
  maxMessageBytes: number;
};

/**
 * A handler answers one API. `handle` returns the response body, or
 * undefined when no response is sent (Produce with acks=0). `errorResponse`
 * builds the answer that fails the whole request with one error code — used
 * by fault injection and when a handler throws.
 */
export type Handler = {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
  handle(ctx: BrokerContext, body: any): unknown | Promise<unknown>;
  errorResponse?(body: any, errorCode: number): unknown;
  /** True when the client expects no response at all (Produce with acks=0). */
  silent?(body: any): boolean;
};
