// Whole frames: request and response headers around a schema-described body.
// Request header v1 = api key, version, correlation id, nullable client id;
// v2 (flexible requests) adds a tagged-field section. Response header v0 =
// correlation id; v1 (flexible responses) adds tagged fields — except that
// ApiVersions always answers with v0 so any client can read it.
import { decodeStruct, encodeStruct, planFor, readTaggedFields } from "./codec";
import { ProtocolError, type RequestHeader } from "./errors";
import { Reader, Writer } from "./primitives";
import { inRange, parseRange, type ApiSchema } from "./schema";
import { schemas } from "./schemas";

const byKey = new Map<number, ApiSchema>(schemas.map((s) => [s.apiKey, s]));

/** Kafka's API keys by name, for the APIs described in ./schemas. */
export const ApiKey = Object.fromEntries(schemas.map((s) => [s.name, s.apiKey])) as Record<
  | "DescribeAcls" | "CreateAcls" | "DeleteAcls" | "DescribeCluster"
  | "Produce" | "Fetch" | "ListOffsets" | "Metadata" | "OffsetCommit" | "OffsetFetch" | "FindCoordinator"
  | "JoinGroup" | "Heartbeat" | "LeaveGroup" | "SyncGroup" | "DescribeGroups" | "ListGroups"
  | "SaslHandshake" | "ApiVersions" | "CreateTopics" | "DeleteTopics" | "InitProducerId"
  | "AddPartitionsToTxn" | "AddOffsetsToTxn" | "EndTxn" | "TxnOffsetCommit" | "DescribeConfigs"
  | "CreatePartitions" | "DeleteGroups" | "DeleteRecords" | "AlterConfigs" | "IncrementalAlterConfigs"
  | "ElectLeaders" | "AlterPartitionReassignments" | "ListPartitionReassignments" | "OffsetDelete"
  | "DescribeProducers" | "DescribeTransactions" | "ListTransactions"
  | "SaslAuthenticate",
  number
>;

/** What ApiVersions advertises: every API and the version range we encode and serve. */
export const SUPPORTED_VERSIONS: readonly { apiKey: number; minVersion: number; maxVersion: number }[] = schemas
  .map((s) => {
    const r = parseRange(s.versions);
    return { apiKey: s.apiKey, minVersion: r.min, maxVersion: r.max };
  })
  .sort((a, b) => a.apiKey - b.apiKey);

/** The API's name ("Produce") or "api key N". */
export function apiName(apiKey: number): string {
  return byKey.get(apiKey)?.name ?? `api key ${apiKey}`;
}

function isFlexible(schema: ApiSchema, version: number): boolean {
  return inRange(version, schema.flexible);
}

/** Whether a response to this request carries response header v1 (tagged fields). */
function responseHeaderIsFlexible(schema: ApiSchema, version: number): boolean {
  return schema.apiKey !== 18 && isFlexible(schema, version);
}

/**
 * Decodes one request frame (without its 4-byte size prefix). Throws
 * ProtocolError: "malformed" for bytes that do not parse, "unknown-api" and
 * "unsupported-version" with the readable header attached.
 */
export function decodeRequest(frame: Buffer): { header: RequestHeader; body: Record<string, unknown> } {
  const r = new Reader(frame);
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.string(false);
  const header: RequestHeader = { apiKey, apiVersion, correlationId, clientId };
  const schema = byKey.get(apiKey);
  if (!schema) throw new ProtocolError("unknown-api", `unknown API key ${apiKey}`, header);
  if (!inRange(apiVersion, schema.versions)) {
    throw new ProtocolError("unsupported-version", `${schema.name} v${apiVersion} is not supported (we serve ${schema.versions})`, header);
  }
  const flexible = isFlexible(schema, apiVersion);
  if (flexible) readTaggedFields(r, undefined, {});
  const body = decodeStruct(r, planFor(schema.request, apiVersion, flexible));
  return { header, body };
}

/** Encodes a response frame, including its 4-byte size prefix. */
export function encodeResponse(header: RequestHeader, body: object): Buffer {
  const schema = byKey.get(header.apiKey);
  if (!schema) throw new Error(`no schema for API key ${header.apiKey}`);
  const flexible = isFlexible(schema, header.apiVersion);
  const w = new Writer(256);
  w.int32(0); // size, filled in by finishFrame
  w.int32(header.correlationId);
  if (responseHeaderIsFlexible(schema, header.apiVersion)) w.uvarint(0);
  encodeStruct(w, planFor(schema.response, header.apiVersion, flexible), body as Record<string, unknown>);
  return w.finishFrame();
}

/** Encodes a request frame, including its 4-byte size prefix (tests, fuzzing, internal clients). */
export function encodeRequest(header: RequestHeader, body: object): Buffer {
  const schema = byKey.get(header.apiKey);
  if (!schema) throw new Error(`no schema for API key ${header.apiKey}`);
  const flexible = isFlexible(schema, header.apiVersion);
  const w = new Writer(256);
  w.int32(0);
  w.int16(header.apiKey);
  w.int16(header.apiVersion);
  w.int32(header.correlationId);
  w.string(header.clientId, false); // the client id stays a classic string even in header v2
  if (flexible) w.uvarint(0);
  encodeStruct(w, planFor(schema.request, header.apiVersion, flexible), body as Record<string, unknown>);
  return w.finishFrame();
}

/** Decodes a response frame (without its size prefix) to a request of `apiKey` at `apiVersion`. */
export function decodeResponse(apiKey: number, apiVersion: number, frame: Buffer): { correlationId: number; body: Record<string, unknown> } {
  const schema = byKey.get(apiKey);
  if (!schema) throw new ProtocolError("unknown-api", `unknown API key ${apiKey}`);
  const r = new Reader(frame);
  const correlationId = r.int32();
  const flexible = isFlexible(schema, apiVersion);
  if (responseHeaderIsFlexible(schema, apiVersion)) readTaggedFields(r, undefined, {});
  const body = decodeStruct(r, planFor(schema.response, apiVersion, flexible));
  return { correlationId, body };
}
