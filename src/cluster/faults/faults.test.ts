import { describe, expect, it } from "vitest";
import { connectFaultControl } from "./client";
import { ClusterActions, localFaultControl } from "./control";
import { FaultInjector, apiKeyOf, partitionsOf } from "./injector";
import { startControlServer } from "./server";

const produce = (topic: string, partition: number, brokerId = 1) => ({
  brokerId, apiKey: 0, apiVersion: 7,
  body: { acks: -1, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index: partition, records: null }] }] },
});
const fetchReq = (topic: string, partition: number) => ({
  brokerId: 1, apiKey: 1, apiVersion: 11, body: { topics: [{ topic, partitions: [{ partition, fetchOffset: 0n }] }] },
});

describe("FaultInjector", () => {
  it("fails exactly the next N matching requests, then lets them through", () => {
    const f = new FaultInjector();
    f.failNext({ api: "Produce", topic: "orders", partition: 1, errorCode: 6, count: 2 });
    expect(f.decide(produce("orders", 0))).toBeUndefined();
    expect(f.decide(produce("other", 1))).toBeUndefined();
    expect(f.decide(fetchReq("orders", 1))).toBeUndefined();
    expect(f.decide(produce("orders", 1))).toEqual({ kind: "error", errorCode: 6 });
    expect(f.decide(produce("orders", 1))).toEqual({ kind: "error", errorCode: 6 });
    expect(f.decide(produce("orders", 1))).toBeUndefined();
    expect(f.list()).toEqual([]);
  });

  it("lets the first `skip` matching requests through before acting", () => {
    const f = new FaultInjector();
    f.failNext({ api: "Produce", errorCode: 6, skip: 2 });
    expect(f.decide(produce("t", 0))).toBeUndefined();
    expect(f.decide(fetchReq("t", 0))).toBeUndefined(); // not matching: does not count
    expect(f.decide(produce("t", 0))).toBeUndefined();
    expect(f.decide(produce("t", 0))).toEqual({ kind: "error", errorCode: 6 });
    expect(f.decide(produce("t", 0))).toBeUndefined();
  });

  it("matches Fetch by its own field names, and by broker", () => {
    const f = new FaultInjector();
    f.delayNext({ api: "fetch", topic: "t", ms: 250 });
    f.dropNext({ api: 0, broker: 2 });
    expect(f.decide(fetchReq("t", 3))).toEqual({ kind: "delay", ms: 250 });
    expect(f.decide(produce("x", 0, 1))).toBeUndefined();
    expect(f.decide(produce("x", 0, 2))).toEqual({ kind: "drop-response" });
  });

  it("applies rules in the order they were added and can clear them", () => {
    const f = new FaultInjector();
    const first = f.closeNext({ api: "Metadata" });
    f.failNext({ api: "Metadata", errorCode: 7 });
    const meta = { brokerId: 1, apiKey: 3, apiVersion: 6, body: { topics: null } };
    expect(f.decide(meta)).toEqual({ kind: "close-connection" });
    expect(first.id).toBe(1);
    f.clear();
    expect(f.decide(meta)).toBeUndefined();
  });

  it("explains bad rules instead of accepting them", () => {
    const f = new FaultInjector();
    expect(() => f.failNext({ api: "Prodcue", errorCode: 6 })).toThrow(/unknown Kafka API "Prodcue"/);
    expect(() => f.add({ api: 0, action: { kind: "explode" } as never })).toThrow(/unknown fault action/);
    expect(() => f.add({ api: 0, count: 0, action: { kind: "drop-response" } })).toThrow(/count/);
    expect(apiKeyOf("JoinGroup")).toBe(11);
  });

  it("finds the partitions of ListOffsets-style and topic-only requests", () => {
    expect(partitionsOf({ topics: [{ name: "a", partitions: [{ partitionIndex: 2 }] }] })).toEqual([{ topic: "a", partition: 2 }]);
    expect(partitionsOf({ topics: [{ name: "b" }] })).toEqual([{ topic: "b" }]);
    expect(partitionsOf(null)).toEqual([]);
  });
});

describe("control endpoint", () => {
  it("drives faults and cluster actions over loopback HTTP with the typed client", async () => {
    const injector = new FaultInjector();
    const calls: string[] = [];
    const actions: ClusterActions = {
      stopBroker: async (id) => void calls.push(`stop ${id}`),
      startBroker: async (id) => void calls.push(`start ${id}`),
      moveLeader: async (t, p, l) => void calls.push(`move ${t}/${p} -> ${l}`),
      rebalanceGroup: (g) => g === "live",
      info: () => ({ bootstrap: "127.0.0.1:1", brokers: [{ nodeId: 1, host: "127.0.0.1", port: 1, up: true }] }),
      topics: () => [{ name: "t", configs: {}, partitions: [{ partition: 0, leader: 1, leaderEpoch: 2, replicas: [1, 2], isr: [1], offlineReplicas: [2], logStartOffset: 0, highWatermark: 5, lastStableOffset: 5, size: 300 }] }],
      enforceRetention: () => void calls.push("retention"),
    };
    const server = await startControlServer(localFaultControl(injector, actions));
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = connectFaultControl(server.url);
      const rule = await client.failNext({ api: "Produce", topic: "t", errorCode: 6, count: 3 });
      expect(rule).toMatchObject({ apiKey: 0, topic: "t", remaining: 3, action: { kind: "error", errorCode: 6 } });
      expect(injector.decide(produce("t", 0))).toEqual({ kind: "error", errorCode: 6 });
      expect((await client.rules())[0]).toMatchObject({ remaining: 2, hits: 1 });
      await client.clear(rule.id);
      expect(await client.rules()).toEqual([]);
      await client.stopBroker(2);
      await client.startBroker(2);
      await client.moveLeader("t", 0, 3);
      await client.enforceRetention();
      expect(calls).toEqual(["stop 2", "start 2", "move t/0 -> 3", "retention"]);
      expect((await client.topics())[0].partitions[0]).toMatchObject({ isr: [1], offlineReplicas: [2], highWatermark: 5 });
      expect(await client.rebalanceGroup("live")).toBe(true);
      expect(await client.rebalanceGroup("idle")).toBe(false);
      expect((await client.info()).bootstrap).toBe("127.0.0.1:1");
      await expect(client.failNext({ api: "Nope", errorCode: 1 })).rejects.toThrow(/unknown Kafka API/);
      const res = await fetch(`${server.url}/v1/leaders`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
      expect(res.status).toBe(400);
      expect((await fetch(`${server.url}/v2/x`)).status).toBe(404);
    } finally {
      await server.close();
    }
    await expect(connectFaultControl(server.url).rules()).rejects.toThrow(/cannot reach/);
  });
});
