// The one contract every API's handler follows. A handler names the schema
// of its API (key, name and the versions it serves come from there and
// nowhere else) and turns a decoded request into a response body. The
// response that fails a whole request (fault injection, a handler that
// threw) is derived from the schema (../protocol/error-response.ts), so a
// new API is a schema, a handler and one line in ./registry.ts.
import type { Access, Requirement } from "../acls/access";
import type { Coordination } from "../coordinators";
import type { Defects } from "../defects";
import type { RequestHeader } from "../protocol";
import type { ApiSchema } from "../protocol/schema";
import type { ClusterState } from "../state/cluster-state";

/** What a handler gets for one request. */
export type RequestContext = {
  /** The broker that received the request. */
  nodeId: number;
  header: RequestHeader;
  state: ClusterState;
  coordination: Coordination;
  /** "/127.0.0.1", as Kafka reports client hosts. */
  clientHost: string;
  maxMessageBytes: number;
  /** The deliberate defects of a mutation test (../defects.ts); empty otherwise. */
  defects: Defects;
  /** Who sent the request and what the ACLs let them do (../acls/access.ts). */
  access: Access;
};

/**
 * What a handler returns to have the connection closed instead of answered:
 * Kafka's answer to a failed Produce with acks=0, whose client expects no
 * response and learns of the failure only by the closed connection (it then
 * refreshes its metadata).
 */
export const CLOSE_CONNECTION = Symbol("close the connection");

export type Handler = {
  schema: ApiSchema;
  /** The response body, undefined when none is sent (Produce with acks=0), or CLOSE_CONNECTION. */
  handle(ctx: RequestContext, body: any): unknown | Promise<unknown>;
  /**
   * What the caller must be allowed before anything else happens, when the
   * whole request depends on a resource (a group, the cluster), checked in
   * order; the first denial is the schema's error answer with that resource
   * type's authorization error (./authorization.ts).
   */
  requires?(body: any): readonly Requirement[];
  /** True when the client expects no response at all (Produce with acks=0), even to a failure. */
  silent?(body: any): boolean;
};
