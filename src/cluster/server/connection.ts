// One client connection: the only code that knows about framing. It cuts the
// byte stream into size-prefixed requests, dispatches each to its handler,
// and writes the responses strictly in request order (Kafka's guarantee per
// connection) even when a handler waits, as a long-polling Fetch does.
// Nothing a client sends may crash the broker: a frame that cannot be
// understood closes this connection only. On a listener with SASL, frames
// go through the connection's SASL gate (./authentication.ts), one at a
// time, until it reports the client authenticated.
import { authorizationError, connectionAccess, meets, type Access } from "../acls/access";
import type { FaultInjector } from "../faults/injector";
import type { ProduceJournal } from "../faults/produce-journal";
import type { Coordination } from "../coordinators";
import type { Defects } from "../defects";
import { apiVersionsBody } from "../handlers/api-versions";
import { CLOSE_CONNECTION, type Handler, type RequestContext } from "../handlers/handler";
import { handlers } from "../handlers/registry";
import { errorResponse } from "../protocol/error-response";
import { ApiKey, apiName, decodeRequest, encodeResponse, ErrorCode, ProtocolError, type RequestHeader } from "../protocol";
import type { SaslUsers } from "../sasl";
import type { ClusterState } from "../state/cluster-state";
import { SASL_MAX_RECEIVE_BYTES, SaslGate } from "./authentication";
import type { Transport } from "./transport";

export type BrokerDeps = {
  nodeId: number;
  state: ClusterState;
  coordination: Coordination;
  faults: FaultInjector;
  /** Where Produce batches and their answers are recorded for teaching (optional). */
  journal?: ProduceJournal;
  maxRequestBytes: number;
  maxMessageBytes: number;
  /** The deliberate defects of a mutation test (../defects.ts); empty otherwise. */
  defects: Defects;
  /** SASL users when clients must authenticate (a SASL_PLAINTEXT or SASL_SSL listener). */
  sasl?: SaslUsers;
  /** Where the broker reports dropped connections and handler failures. */
  log: (line: string) => void;
};

type Slot = { done: boolean; frame: Buffer | null; closeAfter?: string };

/** Above this many unanswered requests the socket stops reading until the backlog drains. */
const MAX_IN_FLIGHT = 100;

/** "/127.0.0.1" from "127.0.0.1:50412": the client host as Kafka reports it (the address without its port). */
export function clientHostOf(remoteAddress: string): string {
  const colon = remoteAddress.lastIndexOf(":");
  return `/${colon > 0 ? remoteAddress.slice(0, colon) : remoteAddress}`;
}

/** Serves one client connection until it closes. */
export function serveConnection(transport: Transport, deps: BrokerDeps): void {
  const peer = transport.remoteAddress;
  const clientHost = clientHostOf(peer);
  const queue: Slot[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let closed = false;
  let paused = false;
  const gate = deps.sasl && new SaslGate(deps.sasl);
  // Until the client is authenticated, frames are cut and handled one at a time, as
  // Kafka's authenticator reads them, so each is judged in the state the previous one left.
  let authenticating = false;
  /** Kafka's principal for the connection: the SASL user once authenticated, else ANONYMOUS; ACLs apply on a SASL listener only. */
  const accessNow = (): Access => connectionAccess(
    gate?.user === undefined ? "User:ANONYMOUS" : `User:${gate.user}`, clientHost.slice(1), !!gate, deps.state.acls, deps.state.configs);

  transport.onClose(() => (closed = true));
  transport.onData((bytes) => {
    const chunk = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    pending.push(chunk);
    pendingBytes += chunk.length;
    drain();
  });

  function drain(): void {
    try {
      drainFrames();
    } catch (err) {
      deps.log(`broker ${deps.nodeId}: internal error on ${peer}: ${(err as Error).stack ?? err}`);
      close();
    }
  }

  function close(reason?: string): void {
    if (reason) deps.log(`broker ${deps.nodeId}: closing connection from ${peer}: ${reason}`);
    closed = true;
    transport.close();
  }

  function drainFrames(): void {
    while (!closed && !authenticating && pendingBytes >= 4) {
      if (pending[0].length < 4) pending = [Buffer.concat(pending, pendingBytes)];
      const size = pending[0].readInt32BE(0);
      const limit = gate && !gate.authenticated ? SASL_MAX_RECEIVE_BYTES : deps.maxRequestBytes;
      if (size < 0 || size > limit) {
        return close(`request size ${size} is outside 0..${limit} (${limit === deps.maxRequestBytes ? "socket.request.max.bytes" : "sasl.server.max.receive.size, before authentication"})`);
      }
      // Join the chunks only once the whole frame is here: a big frame arrives in many chunks.
      if (pendingBytes < 4 + size) return;
      const head = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const frame = head.subarray(4, 4 + size);
      const rest = head.subarray(4 + size);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      onFrame(frame);
    }
  }

  function onFrame(frame: Buffer): void {
    if (!gate || gate.authenticated) return serve(frame);
    authenticating = true;
    authenticate(gate, frame)
      .catch((err: unknown) => {
        deps.log(`broker ${deps.nodeId}: SASL authentication of ${peer} failed internally: ${(err as Error)?.stack ?? err}`);
        close();
      })
      .finally(() => {
        authenticating = false;
        drain();
      });
  }

  async function authenticate(gate: SaslGate, frame: Buffer): Promise<void> {
    const outcome = await gate.receive(frame);
    if (outcome.kind === "pass") return serve(frame);
    if (outcome.kind === "close") return close(outcome.reason);
    finish(enqueue(), outcome.frame, outcome.close);
  }

  function serve(frame: Buffer): void {
    let header: RequestHeader;
    let body: Record<string, unknown>;
    try {
      ({ header, body } = decodeRequest(frame));
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      // Kafka answers an ApiVersions it cannot parse with UNSUPPORTED_VERSION in
      // a v0 body, so clients (librdkafka, kafka-python) can fall back.
      if (err.header?.apiKey === 18) {
        const slot = enqueue();
        return finish(slot, encodeResponse({ ...err.header, apiVersion: 0 }, apiVersionsBody(ErrorCode.UNSUPPORTED_VERSION)));
      }
      return close(err.message);
    }
    const slot = enqueue();
    dispatch(header, body).then(
      (response) => finish(slot, response),
      (err: unknown) => {
        deps.log(`broker ${deps.nodeId}: ${apiName(header.apiKey)} v${header.apiVersion} from ${peer} failed: ${(err as Error)?.stack ?? err}`);
        close();
      },
    );
  }

  async function dispatch(header: RequestHeader, body: Record<string, unknown>): Promise<Buffer | null> {
    const handler = handlers.get(header.apiKey)!;
    const decision = deps.faults.decide({ brokerId: deps.nodeId, apiKey: header.apiKey, apiVersion: header.apiVersion, body });
    if (decision?.kind === "close-connection") {
      close();
      return null;
    }
    const response = decision?.kind === "error" ? failure(handler, header, body, decision.errorCode) : await handle(handler, header, body);
    if (header.apiKey === ApiKey.Produce) {
      deps.journal?.observe({ brokerId: deps.nodeId, body: body as never, response: (response === CLOSE_CONNECTION ? undefined : response) as never, decision });
    }
    if (decision?.kind === "delay") await new Promise((r) => setTimeout(r, decision.ms));
    if (response === CLOSE_CONNECTION) {
      close(`${handler.schema.name} failed and its client expects no response`);
      return null;
    }
    if (decision?.kind === "drop-response" || response === undefined) return null;
    return encodeResponse(header, response as object);
  }

  async function handle(handler: Handler, header: RequestHeader, body: Record<string, unknown>): Promise<unknown> {
    const ctx: RequestContext = { nodeId: deps.nodeId, header, state: deps.state, coordination: deps.coordination, clientHost, maxMessageBytes: deps.maxMessageBytes, access: accessNow(), defects: deps.defects };
    const denied = handler.requires?.(body).find((r) => !meets(ctx.access, r));
    if (denied) return failure(handler, header, body, authorizationError(denied.resourceType));
    try {
      return await handler.handle(ctx, body);
    } catch (err) {
      deps.log(`broker ${deps.nodeId}: ${handler.schema.name} handler failed: ${(err as Error)?.stack ?? err}`);
      return failure(handler, header, body, ErrorCode.UNKNOWN_SERVER_ERROR);
    }
  }

  /** A request's failure answer; a client that expects none (acks=0) learns of it by the connection closing, as in Kafka. */
  function failure(handler: Handler, header: RequestHeader, body: Record<string, unknown>, errorCode: number): unknown {
    return handler.silent?.(body) ? CLOSE_CONNECTION : errorResponse(handler.schema, header.apiVersion, body, errorCode);
  }

  function enqueue(): Slot {
    const slot: Slot = { done: false, frame: null };
    queue.push(slot);
    if (queue.length >= MAX_IN_FLIGHT && !paused) {
      paused = true;
      transport.pause();
    }
    return slot;
  }

  function finish(slot: Slot, frame: Buffer | null, closeAfter?: string): void {
    slot.done = true;
    slot.frame = frame;
    slot.closeAfter = closeAfter;
    while (queue.length > 0 && queue[0].done) {
      const next = queue.shift()!;
      if (next.frame && !closed) transport.write(next.frame);
      if (next.closeAfter && !closed) close(next.closeAfter);
    }
    if (queue.length < MAX_IN_FLIGHT / 2 && paused && !closed) {
      paused = false;
      transport.resume();
    }
  }
}
