// Compressed batches from real clients: kcat and confluent-kafka (librdkafka
// 2.0) write gzip, snappy, lz4 and zstd batches; the cluster validates them
// on Produce, serves them back as they were, finds records in them by
// timestamp, and its inspection helper decodes every one. librdkafka 2.0
// compresses gzip, snappy and lz4 only for a broker that serves Produce v0,
// so they go through a proxy that advertises it (see produce-v0-proxy.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchField } from "../protocol/records/batch";
import { kcat, python } from "../test-support/external";
import { clusterForThisFile } from "../test-support/kafka";
import { produceV0Proxy } from "../test-support/produce-v0-proxy";

const started = clusterForThisFile({ brokers: 1 });
const CODECS = ["gzip", "snappy", "lz4", "zstd"] as const;
let proxy: Awaited<ReturnType<typeof produceV0Proxy>>;
beforeAll(async () => {
  proxy = await produceV0Proxy(started().brokers[0]);
});
afterAll(async () => proxy?.close());

describe("librdkafka 2.0 and a broker without Produce v0 (Kafka 4.0, this cluster)", () => {
  it("sends gzip batches uncompressed, and zstd compressed", async () => {
    for (const codec of ["gzip", "zstd"]) {
      await kcat(["-P", "-b", started().bootstrap, "-t", `direct-${codec}`, "-p", "0", "-z", codec, "-X", "linger.ms=200"], "compressible text\n".repeat(50));
      const [batch] = started().state.partition(`direct-${codec}`, 0)!.log.allBatches();
      expect(batch.bytes.readInt16BE(BatchField.attributes) & 7, codec).toBe(codec === "gzip" ? 0 : 4);
    }
  });
});

describe("compressed batches from librdkafka", () => {
  it.each(CODECS)("kcat -z %s: stored compressed, decoded by cluster.records(), consumed back by kcat", async (codec) => {
    const topic = `kcat-${codec}`;
    const lines = Array.from({ length: 50 }, (_, i) => `key${i % 5}:value ${i} ${"lorem ipsum ".repeat(i % 7)}`);
    await kcat(["-P", "-b", proxy.bootstrap, "-t", topic, "-p", "0", "-K", ":", "-z", codec, "-X", "linger.ms=200"], lines.join("\n") + "\n");
    const stored = started().state.partition(topic, 0)!.log.allBatches();
    expect(stored.length).toBeLessThan(lines.length); // batched, so really compressed together
    expect(stored.every((b) => (b.bytes.readInt16BE(BatchField.attributes) & 7) === CODECS.indexOf(codec) + 1)).toBe(true);
    expect(started().records(topic, 0).map((r) => `${r.key}:${r.value}`)).toEqual(lines);
    const out = await kcat(["-C", "-b", started().bootstrap, "-t", topic, "-p", "0", "-o", "beginning", "-e", "-f", "%k:%s\n"]);
    expect(out.split("\n").slice(0, -1)).toEqual(lines);
  });

  it("confluent-kafka: ListOffsets by timestamp finds records inside batches of every codec", async () => {
    const script = `
import sys, json
from confluent_kafka import Producer, Consumer, TopicPartition
bootstrap = sys.argv[1]
found = {}
for codec in ['gzip', 'snappy', 'lz4', 'zstd']:
    topic = 'times-' + codec
    p = Producer({'bootstrap.servers': bootstrap, 'compression.type': codec, 'linger.ms': 5000})
    p.list_topics(topic, timeout=10)  # creates the topic; records for a topic not yet known may go out one by one
    for i, ts in enumerate([1000, 2000, 3000, 2500, 4000]):
        p.produce(topic, key=b'k', value=('v%d ' % i + 'compressible ' * 20).encode(), partition=0, timestamp=ts)
    p.flush(10)
    c = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'times'})
    asked = [1500, 2600, 4000, 9999]
    found[codec] = [c.offsets_for_times([TopicPartition(topic, 0, t)], timeout=10)[0].offset for t in asked]
    c.close()
print(json.dumps(found))
`;
    const found = JSON.parse(await python(script, [proxy.bootstrap]));
    for (const codec of CODECS) {
      const batches = started().state.partition(`times-${codec}`, 0)!.log.allBatches();
      // librdkafka usually sends the five in one batch; on a busy machine it may cut them in two. Either way the
      // lookups below must find records inside compressed batches, and each record is stored once.
      expect(batches.map((b) => b.bytes.readInt16BE(BatchField.attributes) & 7), codec).toEqual(batches.map(() => CODECS.indexOf(codec) + 1));
      expect(Math.max(...batches.map((b) => b.bytes.readInt32BE(BatchField.recordCount))), `${codec}: a batch of several records`).toBeGreaterThan(1);
      expect(started().records(`times-${codec}`, 0).map((r) => String(r.value).split(" ")[0]), codec).toEqual(["v0", "v1", "v2", "v3", "v4"]);
      // 1500 → the record at 2000 (offset 1); 2600 → 3000 (offset 2, before 2500 at offset 3); 4000 → offset 4; 9999 → none (-1).
      expect(found[codec], codec).toEqual([1, 2, 4, -1]);
    }
  });
});
