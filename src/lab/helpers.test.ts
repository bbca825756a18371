import * as net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startCluster } from "../cluster";
import { beforeAfterPartitions, chartBundle, consumerAssignment, keyPartitionMap, leadersPerBroker, messagesPerPartition, offsetsOverTime } from "./charts";
import { assertOrderPerKey, byPartition, check, consumeExactly, uniqueTopic } from "./checks";
import { connect } from "./connect";
import type { Lab } from "./lab";
import { tableHtml, tableText } from "./tables";

describe("tables", () => {
  it("align text and escape HTML", () => {
    const rows = [{ key: "user1", partition: 0 }, { key: "<b>x</b>", partition: 12 }];
    expect(tableText(rows)).toBe(["key       partition", "--------  ---------", "user1             0", "<b>x</b>         12"].join("\n"));
    expect(tableHtml(rows)).toContain("<td>&lt;b&gt;x&lt;/b&gt;</td>");
    expect(tableHtml(rows)).not.toContain("<b>x</b>");
  });
});

describe("charts", () => {
  it("are Vega-Lite v5 specs that compile to SVG, with a text fallback", async () => {
    const charts = [
      messagesPerPartition([{ partition: 0, messages: 3 }, { partition: 1, messages: 5 }]),
      keyPartitionMap([{ key: "user1", partition: 0, partitioner: "murmur2" }, { key: "user1", partition: 1, partitioner: "consistent" }]),
      offsetsOverTime([{ partition: 0, step: 1, offset: 1 }, { partition: 1, step: 2, offset: 1 }]),
      consumerAssignment([{ consumer: "a", partition: 0 }, { consumer: "b", partition: 1 }]),
      beforeAfterPartitions([{ key: "k1", before: 0, after: 4 }, { key: "k2", before: 1, after: 1 }]),
      leadersPerBroker([{ broker: 1, leaders: 2 }]),
    ];
    for (const chart of charts) {
      expect(chart.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
      const bundle = await chartBundle(chart);
      expect(bundle["application/vnd.vegalite.v5+json"]).toBe(chart);
      expect(String(bundle["image/svg+xml"])).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(bundle["text/plain"]).toContain(String(chart.title));
    }
  });
});

describe("checks", () => {
  it("pass or throw with the claim", () => {
    expect(() => check("two is even", 2 % 2 === 0)).not.toThrow();
    expect(() => check("three is even", 3 % 2 === 0, "it is odd")).toThrow("✗ three is even\nit is odd");
    expect(uniqueTopic("t")).not.toBe(uniqueTopic("t"));
  });

  it("find per-key order breaks", () => {
    const sent = [{ key: "a", value: "1" }, { key: "b", value: "2" }, { key: "a", value: "3" }];
    expect(assertOrderPerKey(sent, [{ key: "b", value: "2" }, { key: "a", value: "1" }, { key: "a", value: "3" }])).toEqual(["a", "b"]);
    expect(() => assertOrderPerKey(sent, [{ key: "a", value: "3" }, { key: "a", value: "1" }, { key: "b", value: "2" }])).toThrow(/order broken for key a/);
  });
});

/** An address where nothing listens: a port just released by a listener of our own. */
async function deadAddress(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}

/** Runs `fn` with KAFKA_BROKERS set to `value` (or unset), restoring it after. */
async function withBrokersEnv<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.KAFKA_BROKERS;
  if (value === undefined) delete process.env.KAFKA_BROKERS;
  else process.env.KAFKA_BROKERS = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.KAFKA_BROKERS;
    else process.env.KAFKA_BROKERS = saved;
  }
}

describe("connect", () => {
  let lab: Lab | undefined;
  afterAll(async () => lab?.close());

  it("starts an embedded cluster when nothing listens where a local one would, and reads exactly what was written", async () => {
    const nowhere = await deadAddress();
    lab = await withBrokersEnv(undefined, () => connect({ quiet: true, local: { bootstrap: nowhere, controlUrl: `http://${nowhere}` } }));
    expect(lab.source).toBe("embedded");
    expect(lab.cluster).toBeDefined();
    const topic = uniqueTopic("lab");
    await lab.createTopic(topic, 3);
    const producer = await lab.producer();
    const sent = ["user1", "user2", "user1"].map((key, i) => ({ key, value: `message${i + 1}` }));
    await producer.send({ topic, messages: sent });
    const got = await consumeExactly(lab.kafka, topic, 3);
    assertOrderPerKey(sent, got);
    expect([...byPartition(got).keys()].sort()).toEqual([0, 2]); // murmur2: user1 → 0, user2 → 2
    await expect(consumeExactly(lab.kafka, topic, 4, { timeoutMs: 1500 })).rejects.toThrow(/expected 4 messages/);
  });

  it("uses a `partition-lab cluster` listening at the local address, with its fault control", async () => {
    const running = await startCluster({ brokers: 1 });
    try {
      const bootstrap = running.bootstrap;
      const other = await withBrokersEnv(undefined, () => connect({ quiet: true, local: { bootstrap, controlUrl: running.controlUrl } }));
      expect(other.source).toBe("local");
      expect(other.bootstrap).toBe(bootstrap);
      expect(other.cluster).toBeUndefined();
      const faults = await other.faults();
      expect((await faults.info()).bootstrap).toBe(bootstrap);
      await other.close();
    } finally {
      await running.stop();
    }
  });

  it("uses KAFKA_BROKERS when it is set", async () => {
    const other = await withBrokersEnv(lab!.bootstrap, () => connect({ quiet: true }));
    expect(other.source).toBe("KAFKA_BROKERS");
    expect(other.bootstrap).toBe(lab!.bootstrap);
    await expect(other.faults()).rejects.toThrow(/real Kafka cluster has no such switch/);
    await other.close();
  });
});
