// The SASL gate of one connection, on a listener that requires SASL: what
// Kafka's SaslServerAuthenticator does before a connection may send anything
// else. Pure connection state; the connection loop (./connection.ts) feeds
// it whole frames until it reports the connection authenticated.
//
//   1. optionally one ApiVersions (served as usual: "pass");
//   2. SaslHandshake: the mechanism, or UNSUPPORTED_SASL_MECHANISM with the
//      enabled list, then the connection closes;
//   3. the mechanism's tokens: in SaslAuthenticate requests after handshake
//      v1, as bare size-prefixed frames after v0 (kafka-python 2.0 uses v0).
//      Refused credentials get SASL_AUTHENTICATION_FAILED with Kafka's
//      message (v0: no answer), then the connection closes.
// Any other request before the handshake closes the connection without an
// answer; after it, Kafka answers it with ILLEGAL_SASL_STATE, then closes.
import { ApiKey, apiName, decodeRequest, encodeResponse, ErrorCode, type RequestHeader } from "../protocol";
import { errorResponse } from "../protocol/error-response";
import { schemas } from "../protocol/schemas";
import { SaslFailure, startExchange, type SaslExchange, type SaslMechanism, type SaslUsers } from "../sasl";

/** Kafka's sasl.server.max.receive.size: the largest frame accepted before authentication. */
export const SASL_MAX_RECEIVE_BYTES = 524288;

export type GateOutcome =
  /** Serve the frame as any request (ApiVersions before the handshake). */
  | { kind: "pass" }
  /** Write `frame`; then close the connection when `close` says why. */
  | { kind: "reply"; frame: Buffer; close?: string }
  | { kind: "close"; reason: string };

type State = "versions-or-handshake" | "handshake" | "authenticate" | "done";

export class SaslGate {
  private state: State = "versions-or-handshake";
  private exchange: SaslExchange | undefined;
  /** SaslHandshake v0: tokens travel without Kafka request headers. */
  private bare = false;
  /** The authenticated user, once there is one. */
  user: string | undefined;

  constructor(private readonly users: SaslUsers) {}

  get authenticated(): boolean {
    return this.state === "done";
  }

  /** Handles one frame (without its size prefix) of a connection that is not authenticated yet. */
  async receive(frame: Buffer): Promise<GateOutcome> {
    if (this.state === "authenticate") return this.bare ? this.bareToken(frame) : this.authenticate(frame);
    // Judged by the key alone, before the body is parsed, as Kafka does.
    const apiKey = frame.length >= 2 ? frame.readInt16BE(0) : -1;
    if (apiKey === ApiKey.ApiVersions && this.state === "versions-or-handshake") {
      // Once one ApiVersions was understood, the next request must be the handshake;
      // one the loop answers with UNSUPPORTED_VERSION may be retried.
      if (parses(frame)) this.state = "handshake";
      return { kind: "pass" };
    }
    if (apiKey !== ApiKey.SaslHandshake) return { kind: "close", reason: `${apiName(apiKey)} before SASL authentication (only ApiVersions and SaslHandshake may come first)` };
    const request = parses(frame);
    if (!request) return { kind: "close", reason: "a SaslHandshake that cannot be read" };
    return this.handshake(request.header, String(request.body.mechanism));
  }

  private handshake(header: RequestHeader, mechanism: string): GateOutcome {
    const mechanisms = [...this.users.mechanisms];
    if (!mechanisms.includes(mechanism as SaslMechanism)) {
      return reply(header, { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms }, `unsupported SASL mechanism ${JSON.stringify(mechanism)} (enabled: ${mechanisms.join(", ")})`);
    }
    this.exchange = startExchange(mechanism as SaslMechanism, this.users);
    this.bare = header.apiVersion === 0;
    this.state = "authenticate";
    return reply(header, { errorCode: ErrorCode.NONE, mechanisms });
  }

  private async authenticate(frame: Buffer): Promise<GateOutcome> {
    const request = parses(frame);
    if (!request) return { kind: "close", reason: "a request that cannot be read during SASL authentication" };
    const { header, body } = request;
    if (header.apiKey !== ApiKey.SaslAuthenticate) {
      const schema = schemas.find((s) => s.apiKey === header.apiKey)!;
      return reply(header, errorResponse(schema, header.apiVersion, body, ErrorCode.ILLEGAL_SASL_STATE), `${schema.name} during SASL authentication`);
    }
    const exchange = this.exchange!;
    try {
      const step = await exchange.evaluate(body.authBytes as Uint8Array);
      this.complete(step.user);
      return reply(header, { errorCode: ErrorCode.NONE, errorMessage: null, authBytes: step.challenge, sessionLifetimeMs: 0n });
    } catch (err) {
      if (!(err instanceof SaslFailure)) throw err;
      const response = { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: err.message, authBytes: Buffer.alloc(0) };
      return reply(header, response, `SASL ${exchange.mechanism} authentication failed: ${err.message}`);
    }
  }

  private async bareToken(frame: Buffer): Promise<GateOutcome> {
    const exchange = this.exchange!;
    try {
      const step = await exchange.evaluate(frame);
      this.complete(step.user);
      const out = Buffer.alloc(4 + step.challenge.length);
      out.writeInt32BE(step.challenge.length, 0);
      out.set(step.challenge, 4);
      return { kind: "reply", frame: out };
    } catch (err) {
      if (!(err instanceof SaslFailure)) throw err;
      // Without request headers there is no error response to send (Kafka closes silently too).
      return { kind: "close", reason: `SASL ${exchange.mechanism} authentication failed: ${err.message}` };
    }
  }

  private complete(user: string | undefined): void {
    if (user === undefined) return;
    this.user = user;
    this.state = "done";
  }
}

function parses(frame: Buffer): ReturnType<typeof decodeRequest> | undefined {
  try {
    return decodeRequest(frame);
  } catch {
    return undefined;
  }
}

function reply(header: RequestHeader, body: object, close?: string): GateOutcome {
  return { kind: "reply", frame: encodeResponse(header, body), close };
}
