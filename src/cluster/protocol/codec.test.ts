import { describe, expect, it } from "vitest";
import { planFor, type Plan } from "./codec";
import { ErrorCode, errorName, isRetriable, ProtocolError } from "./errors";
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, SUPPORTED_VERSIONS } from "./messages";
import { parseRange, type Primitive } from "./schema";
import { schemas } from "./schemas";

/** A deterministic pseudo-random source, so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function sample(plan: Plan, rand: () => number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const steps = [...plan.steps, ...plan.tagged.values()];
  for (const s of steps) {
    if (s.nullable && rand() < 0.2) {
      obj[s.prop] = null;
      continue;
    }
    switch (s.kind) {
      case "primitive": obj[s.prop] = value(s.primitive, rand); break;
      case "primitive-array": obj[s.prop] = Array.from({ length: Math.floor(rand() * 3) }, () => value(s.primitive, rand)); break;
      case "struct": obj[s.prop] = sample(s.sub!, rand); break;
      case "struct-array": obj[s.prop] = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => sample(s.sub!, rand)); break;
    }
  }
  for (const s of plan.absent) obj[s.prop] = s.defaultValue();
  return obj;
}

function value(t: Primitive, rand: () => number): unknown {
  const n = Math.floor(rand() * 1000);
  switch (t) {
    case "int8": return n % 100;
    case "int16": return n - 500;
    case "uint16": return n;
    case "int32": return n * 1000 - 1;
    case "int64": return BigInt(n) * 10_000_000_000n - 7n;
    case "float64": return n / 8;
    case "bool": return n % 2 === 0;
    case "string": return `s-${n}-é`;
    case "bytes": case "records": return Buffer.from(`b${n}`);
    case "uuid": return Buffer.alloc(16, n % 256);
  }
}

describe("the schema-driven codec", () => {
  it("round-trips every request and response of every advertised version", () => {
    const rand = rng(42);
    let checked = 0;
    for (const schema of schemas) {
      const { min, max } = parseRange(schema.versions);
      for (let v = min; v <= max; v++) {
        const flexible = v >= parseRange(schema.flexible).min && v <= parseRange(schema.flexible).max;
        const header = { apiKey: schema.apiKey, apiVersion: v, correlationId: 7 + v, clientId: "tester" };
        const request = sample(planFor(schema.request, v, flexible), rand);
        const decoded = decodeRequest(encodeRequest(header, request).subarray(4));
        expect(decoded.header).toEqual(header);
        expect(decoded.body, `${schema.name} v${v} request`).toEqual(request);

        const response = sample(planFor(schema.response, v, flexible), rand);
        const back = decodeResponse(schema.apiKey, v, encodeResponse(header, response).subarray(4));
        expect(back.correlationId).toBe(header.correlationId);
        expect(back.body, `${schema.name} v${v} response`).toEqual(response);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it("advertises the versions the README lists (Produce from v3: record batches v2 only, as Kafka 4 after KIP-896)", () => {
    const find = (k: number) => SUPPORTED_VERSIONS.find((v) => v.apiKey === k);
    expect(find(0)).toEqual({ apiKey: 0, minVersion: 3, maxVersion: 8 });
    expect(find(1)).toEqual({ apiKey: 1, minVersion: 4, maxVersion: 11 });
    expect(find(3)).toEqual({ apiKey: 3, minVersion: 0, maxVersion: 9 });
    expect(find(18)).toEqual({ apiKey: 18, minVersion: 0, maxVersion: 3 });
  });

  it("fills fields a version lacks with Kafka's defaults", () => {
    const frame = encodeRequest({ apiKey: 3, apiVersion: 0, correlationId: 1, clientId: null }, { topics: [{ name: "a" }] });
    const { body } = decodeRequest(frame.subarray(4));
    expect(body).toMatchObject({ topics: [{ name: "a" }], allowAutoTopicCreation: true });
  });

  it("always answers ApiVersions with response header v0, even for flexible v3", () => {
    const frame = encodeResponse({ apiKey: 18, apiVersion: 3, correlationId: 9, clientId: null }, { errorCode: 0, apiKeys: [] });
    // size, correlation id, then directly the int16 error code (no tagged-field byte)
    expect(frame.readInt32BE(4)).toBe(9);
    expect(frame.readInt16BE(8)).toBe(0);
    expect(frame[10]).toBe(1); // compact array of zero elements
  });

  it("reports unknown APIs and versions with the header it could read", () => {
    const unknown = Buffer.from([0x03, 0xe7, 0, 0, 0, 0, 0, 5, 0xff, 0xff]);
    expect(() => decodeRequest(unknown)).toThrow(expect.objectContaining({ kind: "unknown-api", header: expect.objectContaining({ correlationId: 5 }) }));
    const tooNew = encodeRequest({ apiKey: 18, apiVersion: 0, correlationId: 6, clientId: "x" }, {}).subarray(4);
    tooNew.writeInt16BE(9, 2);
    expect(() => decodeRequest(tooNew)).toThrow(expect.objectContaining({ kind: "unsupported-version", header: expect.objectContaining({ apiVersion: 9 }) }));
  });

  it("rejects every truncation of a real request with a ProtocolError", () => {
    const frame = encodeRequest(
      { apiKey: 0, apiVersion: 7, correlationId: 1, clientId: "c" },
      { transactionalId: null, acks: -1, timeoutMs: 100, topicData: [{ name: "t", partitionData: [{ index: 0, records: Buffer.alloc(70, 1) }] }] },
    ).subarray(4);
    for (let cut = 0; cut < frame.length; cut++) {
      let thrown: unknown;
      try {
        decodeRequest(frame.subarray(0, cut));
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `cut at ${cut}`).toBeInstanceOf(ProtocolError);
    }
  });

  it("names error codes and tells which ones clients retry", () => {
    expect(errorName(6)).toBe("NOT_LEADER_OR_FOLLOWER");
    expect(errorName(9999)).toBe("UNKNOWN_ERROR_9999");
    expect(isRetriable(ErrorCode.NOT_LEADER_OR_FOLLOWER)).toBe(true);
    expect(isRetriable(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER)).toBe(false);
    expect(isRetriable(ErrorCode.TOPIC_ALREADY_EXISTS)).toBe(false);
  });

  it("refuses absurd lengths before allocating", () => {
    const frame = Buffer.alloc(20);
    frame.writeInt16BE(3, 0); // Metadata
    frame.writeInt16BE(1, 2);
    frame.writeInt32BE(1, 4);
    frame.writeInt16BE(-1, 8); // null client id
    frame.writeInt32BE(0x7fffffff, 10); // 2 billion topics
    expect(() => decodeRequest(frame)).toThrow(ProtocolError);
    frame.writeInt32BE(-5, 10);
    expect(() => decodeRequest(frame)).toThrow(/negative length/);
  });
});
