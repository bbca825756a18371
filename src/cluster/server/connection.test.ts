// The connection loop at the byte level: framing, response order, and what a
// bad frame does (it closes that connection only). Every case runs twice:
// over TCP (startCluster) and over the in-memory pipe of the cluster core
// (createCluster, no sockets at all).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster, startCluster, type ClusterCore } from "..";
import { builtBatch } from "../log/validate-batch";
import { decodeResponse, encodeRecordBatch, encodeRequest, ErrorCode } from "../protocol";
import { rawClient as rawWireClient, socketWire, type Wire } from "../test-support/raw-wire";

const wires: [string, () => Promise<ClusterCore>, (cluster: ClusterCore) => Wire][] = [
  ["TCP", () => startCluster({ brokers: 1, maxRequestBytes: 1 << 20 }), (cluster) => socketWire(cluster.brokers[0].host, cluster.brokers[0].port)],
  ["an in-memory pipe", () => createCluster({ brokers: 1, maxRequestBytes: 1 << 20 }), (cluster) => {
    const { host, port } = cluster.brokers[0];
    return cluster.connect(host, port);
  }],
];

const header = (apiKey: number, apiVersion: number, correlationId: number) => ({ apiKey, apiVersion, correlationId, clientId: "raw" });
const apiVersionsV2 = (correlationId: number) => encodeRequest(header(18, 2, correlationId), {});

describe.each(wires)("the connection loop over %s", (_name, start, open) => {
  let cluster: ClusterCore;
  beforeAll(async () => {
    cluster = await start();
  });
  afterAll(async () => cluster?.stop());

  /** A raw client: writes frames, collects whole response frames (without size prefixes). */
  function rawClient() {
    const c = rawWireClient(open(cluster));
    /** Proves the connection is still served: a further request on it is answered. */
    const stillServed = async () => {
      const before = c.frames.length;
      c.wire.write(apiVersionsV2(999));
      await c.until(() => c.frames.length === before + 1 || c.isClosed());
      expect(c.isClosed()).toBe(false);
      expect(c.frames[before].readInt32BE(0)).toBe(999);
    };
    return { ...c, stillServed };
  }

  it("answers in request order even when the first request waits (long-poll fetch)", async () => {
    cluster.state.createTopic("order", cluster.state.planTopic("order", 1, 1));
    const c = rawClient();
    c.wire.write(Buffer.concat([
      encodeRequest(header(1, 11, 1), { replicaId: -1, maxWaitMs: 300, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, topics: [{ topic: "order", partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] }),
      encodeRequest(header(3, 1, 2), { topics: [{ name: "order" }] }),
    ]));
    await c.until(() => c.frames.length === 2);
    expect(c.frames.map((f) => f.readInt32BE(0))).toEqual([1, 2]);
    c.wire.close();
  });

  it("wakes a waiting fetch when a record arrives", async () => {
    cluster.state.createTopic("wake", cluster.state.planTopic("wake", 1, 1));
    const c = rawClient();
    const started = Date.now();
    c.wire.write(encodeRequest(header(1, 11, 7), { replicaId: -1, maxWaitMs: 10_000, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, topics: [{ topic: "wake", partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] }));
    await new Promise((r) => setTimeout(r, 100));
    cluster.state.partition("wake", 0)!.log.append(builtBatch(encodeRecordBatch({ records: [{ value: "hello" }] }), "client"));
    await c.until(() => c.frames.length === 1);
    expect(Date.now() - started).toBeLessThan(5000);
    const { body } = decodeResponse(1, 11, c.frames[0]) as any;
    expect(body.responses[0].partitions[0].highWatermark).toBe(1n);
    c.wire.close();
  });

  it("answers an ApiVersions of an unknown version with UNSUPPORTED_VERSION in a v0 body", async () => {
    const c = rawClient();
    const frame = encodeRequest(header(18, 0, 9), {});
    frame.writeInt16BE(99, 6); // api version 99
    c.wire.write(frame);
    await c.until(() => c.frames.length === 1);
    const { correlationId, body } = decodeResponse(18, 0, c.frames[0]) as any;
    expect(correlationId).toBe(9);
    expect(body.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(body.apiKeys.find((k: any) => k.apiKey === 18)).toEqual({ apiKey: 18, minVersion: 0, maxVersion: 3 });
    await c.stillServed();
    c.wire.close();
  });

  it("sends nothing back for acks=0 and still appends", async () => {
    cluster.state.createTopic("fire", cluster.state.planTopic("fire", 1, 1));
    const c = rawClient();
    c.wire.write(Buffer.concat([
      encodeRequest(header(0, 7, 1), { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [{ name: "fire", partitionData: [{ index: 0, records: encodeRecordBatch({ records: [{ value: "x" }] }) }] }] }),
      apiVersionsV2(2),
    ]));
    await c.until(() => c.frames.length === 1);
    expect(c.frames[0].readInt32BE(0)).toBe(2);
    expect(cluster.records("fire", 0).map((r) => r.value!.toString())).toEqual(["x"]);
    c.wire.close();
  });

  it("rejects a corrupt batch with CORRUPT_MESSAGE and keeps the connection", async () => {
    cluster.state.createTopic("crc", cluster.state.planTopic("crc", 1, 1));
    const c = rawClient();
    const batch = encodeRecordBatch({ records: [{ value: "y" }] });
    batch[batch.length - 1] ^= 0xff;
    c.wire.write(encodeRequest(header(0, 7, 3), { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: "crc", partitionData: [{ index: 0, records: batch }] }] }));
    await c.until(() => c.frames.length === 1);
    const { body } = decodeResponse(0, 7, c.frames[0]) as any;
    expect(body.responses[0].partitionResponses[0].errorCode).toBe(ErrorCode.CORRUPT_MESSAGE);
    expect(cluster.records("crc", 0)).toEqual([]);
    await c.stillServed();
    c.wire.close();
  });

  it("closes only the connection that sent an oversized or unknown frame", async () => {
    const bad = rawClient();
    const good = rawClient();
    const huge = Buffer.alloc(4);
    huge.writeInt32BE((1 << 20) + 1);
    bad.wire.write(huge);
    await bad.until(() => bad.isClosed());
    const unknown = rawClient();
    const frame = encodeRequest(header(18, 0, 1), {});
    frame.writeInt16BE(999, 4); // api key 999
    unknown.wire.write(frame);
    await unknown.until(() => unknown.isClosed());
    await good.stillServed();
    good.wire.close();
  });

  it("closes every connection of a stopped broker and refuses new ones until it starts again", async () => {
    const c = rawClient();
    await c.stillServed();
    await cluster.stopBroker(1);
    await c.until(() => c.isClosed());
    const refused = rawClient();
    await refused.until(() => refused.isClosed());
    expect(refused.frames).toEqual([]);
    await cluster.startBroker(1);
    const again = rawClient();
    await again.stillServed();
    again.wire.close();
  });
});
