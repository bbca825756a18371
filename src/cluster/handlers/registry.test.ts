// One handler per schema, versions written once: ApiVersions advertises
// exactly the schemas' ranges, every API has a handler, and every API's
// error response (derived from its schema) encodes at every served version.
import { describe, expect, it } from "vitest";
import { createCluster } from "../core";
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from "../protocol";
import { errorResponse } from "../protocol/error-response";
import { inRange, parseRange } from "../protocol/schema";
import { schemas } from "../protocol/schemas";
import { handlers } from "./registry";

const servedVersions = (versions: string) => {
  const { min, max } = parseRange(versions);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
};

describe("the handler registry", () => {
  it("has exactly one handler per schema, each with that schema", () => {
    expect([...handlers.keys()].sort((a, b) => a - b)).toEqual(schemas.map((s) => s.apiKey).sort((a, b) => a - b));
    for (const schema of schemas) expect(handlers.get(schema.apiKey)!.schema).toBe(schema);
  });

  it("advertises in ApiVersions exactly the versions the schemas and handlers serve", async () => {
    const cluster = await createCluster({ brokers: 1 });
    try {
      const [b] = cluster.brokers;
      const client = cluster.connect(b.host, b.port);
      const frame = new Promise<Buffer>((resolve) => client.onData((chunk) => resolve(Buffer.from(chunk))));
      client.write(encodeRequest({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: "t" }, { clientSoftwareName: "t", clientSoftwareVersion: "1" }));
      const { body } = decodeResponse(18, 3, (await frame).subarray(4)) as unknown as { body: { apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[] } };
      const served = [...handlers.values()].map(({ schema }) => ({ apiKey: schema.apiKey, minVersion: parseRange(schema.versions).min, maxVersion: parseRange(schema.versions).max }));
      expect([...body.apiKeys].sort((x, y) => x.apiKey - y.apiKey)).toEqual(served.sort((x, y) => x.apiKey - y.apiKey));
    } finally {
      await cluster.stop();
    }
  });

  it("derives an encodable error response for every API at every served version", () => {
    for (const { schema } of handlers.values()) {
      for (const version of servedVersions(schema.versions)) {
        const header = { apiKey: schema.apiKey, apiVersion: version, correlationId: 7, clientId: "t" };
        const { body } = decodeRequest(encodeRequest(header, {}).subarray(4));
        const response = errorResponse(schema, version, body, 15);
        const decoded = decodeResponse(schema.apiKey, version, encodeResponse(header, response).subarray(4)).body;
        const topLevel = schema.response.find((f) => f.name === "ErrorCode");
        if (topLevel && inRange(version, topLevel.versions)) expect(decoded.errorCode, `${schema.name} v${version}`).toBe(15);
      }
    }
  });

  it("answers each partition of a failed request with the error, as the request listed them", () => {
    const produce = handlers.get(0)!.schema;
    const request = { acks: -1, topicData: [{ name: "a", partitionData: [{ index: 2, records: null }, { index: 0, records: null }] }] };
    expect(errorResponse(produce, 7, request, 6)).toEqual({ responses: [{ name: "a", partitionResponses: [{ index: 2, errorCode: 6 }, { index: 0, errorCode: 6 }] }] });
    const offsetFetch = handlers.get(9)!.schema;
    const decoded = decodeResponse(9, 5, encodeResponse({ apiKey: 9, apiVersion: 5, correlationId: 1, clientId: null },
      errorResponse(offsetFetch, 5, { groupId: "g", topics: [{ name: "t", partitionIndexes: [4] }] }, 16)).subarray(4)).body;
    expect(decoded).toEqual({ throttleTimeMs: 0, errorCode: 16, topics: [{ name: "t", partitions: [{ partitionIndex: 4, committedOffset: -1n, committedLeaderEpoch: -1, metadata: null, errorCode: 16 }] }] });
  });
});
