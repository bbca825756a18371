// Transactions on the embedded cluster: consume-transform-produce with
// offsets committed in the transaction, and aborted records hidden from
// read_committed consumers (kafkajs and librdkafka) but not read_uncommitted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { client, readAll, runPython, waitFor, connectedAdmin } from "../test-support/kafka";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => cluster?.stop());

async function topics(...names: string[]) {
  const admin = await connectedAdmin(cluster.bootstrap);
  await admin.createTopics({ topics: names.map((topic) => ({ topic, numPartitions: 2 })) });
  await admin.disconnect();
}

/** A connected transactional producer (idempotent, one request in flight, as kafkajs requires). */
async function transactional(transactionalId: string) {
  const producer = client(cluster.bootstrap).producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

describe("transactions", () => {
  it("kafkajs consume-transform-produce commits output and input offsets together", async () => {
    await topics("orders-in", "orders-out");
    const kafka = client(cluster.bootstrap);
    const plain = kafka.producer();
    await plain.connect();
    await plain.send({ topic: "orders-in", messages: Array.from({ length: 10 }, (_, i) => ({ key: `u${i % 3}`, value: `order-${i}` })) });
    await plain.disconnect();

    const producer = await transactional("transformer");
    const consumer = kafka.consumer({ groupId: "transformer-group", maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: "orders-in", fromBeginning: true });
    let done = 0;
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const txn = await producer.transaction();
        await txn.send({ topic: "orders-out", messages: [{ key: message.key, value: message.value!.toString().toUpperCase() }] });
        await txn.sendOffsets({ consumerGroupId: "transformer-group", topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
        await txn.commit();
        done++;
      },
    });
    await waitFor(() => done === 10, "10 transactions");
    await consumer.disconnect();
    await producer.disconnect();

    const out = await readAll(kafka, "orders-out", 10);
    expect([...out.values()].flat().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `ORDER-${i}`).sort());
    const admin = kafka.admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: "transformer-group", topics: ["orders-in"] });
    const ends = await admin.fetchTopicOffsets("orders-in");
    for (const p of committed[0].partitions) {
      const high = ends.find((e) => e.partition === p.partition)!.high;
      expect(p.offset).toBe(high === "0" ? "-1" : high); // -1: nothing to commit on an empty partition
    }
    await admin.disconnect();
  });

  it("hides an aborted transaction from read_committed and shows it to read_uncommitted", async () => {
    await topics("txn-visibility");
    const producer = await transactional("visibility");
    const aborted = await producer.transaction();
    await aborted.send({ topic: "txn-visibility", messages: [{ key: "k", value: "aborted-1" }, { key: "k", value: "aborted-2" }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic: "txn-visibility", messages: [{ key: "k", value: "committed-1" }] });
    await committed.commit();
    await producer.disconnect();

    const readCommitted = [...(await readAll(client(cluster.bootstrap), "txn-visibility", 1)).values()].flat();
    expect(readCommitted).toEqual(["committed-1"]);
    const readUncommitted = [...(await readAll(client(cluster.bootstrap), "txn-visibility", 3, { readUncommitted: true })).values()].flat();
    expect(readUncommitted).toEqual(["aborted-1", "aborted-2", "committed-1"]);

    const script = `
import sys, json
from confluent_kafka import Consumer
def read(level):
    c = Consumer({'bootstrap.servers': sys.argv[1], 'group.id': 'rd-' + level, 'auto.offset.reset': 'earliest', 'isolation.level': level, 'enable.partition.eof': True})
    c.subscribe(['txn-visibility'])
    got, eof = [], set()
    for _ in range(200):
        m = c.poll(0.2)
        if m is None: continue
        if m.error():
            eof.add(m.partition())
            if len(eof) == 2 and len(got) > 0: break
            continue
        got.append(m.value().decode())
    c.close()
    return got
print(json.dumps({'committed': read('read_committed'), 'uncommitted': read('read_uncommitted')}))
`;
    const r = JSON.parse(await runPython(script, [cluster.bootstrap], 90_000));
    expect(r.committed).toEqual(["committed-1"]);
    expect(r.uncommitted).toEqual(["aborted-1", "aborted-2", "committed-1"]);
  }, 120_000);

  it("holds read_committed consumers at the last stable offset while a transaction is open", async () => {
    await topics("txn-open");
    const producer = await transactional("open");
    const txn = await producer.transaction();
    await txn.send({ topic: "txn-open", messages: [{ partition: 0, value: "pending" }] });
    const part = () => cluster.topics().find((t) => t.name === "txn-open")!.partitions[0];
    expect(part().highWatermark).toBe(1n);
    expect(part().lastStableOffset).toBe(0n);
    await txn.commit();
    expect(part().lastStableOffset).toBe(2n); // the record and the commit marker
    await producer.disconnect();
  });
});
