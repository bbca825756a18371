// Consumer groups on the embedded cluster with all three client families:
// members split partitions, a leaver's partitions move, and the survivor
// resumes from committed offsets with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { client, runPython, waitFor, connectedAdmin } from "../test-support/kafka";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
});
afterAll(async () => cluster?.stop());

async function createTopic(topic: string, partitions: number) {
  const admin = await connectedAdmin(cluster.bootstrap);
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
  await admin.disconnect();
}

describe("consumer groups", () => {
  it("two kafkajs consumers split 6 partitions; after one leaves the other takes all and loses nothing", async () => {
    await createTopic("split", 6);
    const kafka = client(cluster.bootstrap);
    const producer = kafka.producer();
    await producer.connect();
    const send = (from: number, to: number) =>
      producer.send({ topic: "split", messages: Array.from({ length: to - from }, (_, i) => ({ key: `k${(from + i) % 12}`, value: String(from + i) })) });
    await send(0, 60);

    const seen = new Map<string, Set<number>>();
    const assigned = new Map<string, Set<number>>();
    const member = async (name: string) => {
      const consumer = kafka.consumer({ groupId: "split-group", heartbeatInterval: 200, maxWaitTimeInMs: 100, sessionTimeout: 6000, rebalanceTimeout: 3000 });
      seen.set(name, new Set());
      assigned.set(name, new Set());
      consumer.on(consumer.events.GROUP_JOIN, (e) => assigned.set(name, new Set(e.payload.memberAssignment.split ?? [])));
      await consumer.connect();
      await consumer.subscribe({ topic: "split", fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.get(name)!.add(Number(message.value)) });
      return consumer;
    };
    const a = await member("a");
    const b = await member("b");
    await waitFor(() => assigned.get("a")!.size + assigned.get("b")!.size === 6 && assigned.get("a")!.size > 0 && assigned.get("b")!.size > 0, "a 3/3 split");
    expect([...assigned.get("a")!, ...assigned.get("b")!].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    await waitFor(() => seen.get("a")!.size + seen.get("b")!.size >= 60, "the first 60 messages");

    await b.disconnect(); // LeaveGroup: its partitions go to a
    await waitFor(() => assigned.get("a")!.size === 6, "a to own all 6 partitions");
    await send(60, 120);
    await waitFor(() => seen.get("a")!.size + seen.get("b")!.size >= 120, "all 120 messages");
    const all = new Set([...seen.get("a")!, ...seen.get("b")!]);
    expect(all.size).toBe(120);
    // a resumed b's partitions from b's committed offsets, not from the beginning.
    const replayed = [...seen.get("b")!].filter((v) => seen.get("a")!.has(v));
    expect(replayed.length).toBeLessThan(10);
    await a.disconnect();
    await producer.disconnect();
  });

  it("confluent-kafka (librdkafka) consumers share a group and hand over at committed offsets", async () => {
    await createTopic("rd-group", 6);
    const script = `
import sys, json, time
from confluent_kafka import Producer, Consumer
bs = sys.argv[1]
p = Producer({'bootstrap.servers': bs})
for i in range(60): p.produce('rd-group', key='k%d' % (i % 12), value=str(i))
p.flush(10)
def consumer():
    return Consumer({'bootstrap.servers': bs, 'group.id': 'rd', 'auto.offset.reset': 'earliest', 'enable.auto.commit': False,
                     'session.timeout.ms': 6000, 'heartbeat.interval.ms': 300, 'topic.metadata.refresh.interval.ms': 1000})
a, b = consumer(), consumer()
a.subscribe(['rd-group']); b.subscribe(['rd-group'])
got = {'a': [], 'b': []}
deadline = time.time() + 30
while len(got['a']) + len(got['b']) < 60 and time.time() < deadline:
    for name, c in (('a', a), ('b', b)):
        m = c.poll(0.2)
        if m is not None and not m.error():
            got[name].append(int(m.value())); c.commit(message=m, asynchronous=False)
split = {'a': sorted(tp.partition for tp in a.assignment()), 'b': sorted(tp.partition for tp in b.assignment())}
b.close()
for i in range(60, 90): p.produce('rd-group', key='k%d' % (i % 12), value=str(i))
p.flush(10)
after = []
deadline = time.time() + 30
while len(after) < 30 and time.time() < deadline:
    m = a.poll(0.2)
    if m is not None and not m.error():
        after.append(int(m.value())); a.commit(message=m, asynchronous=False)
final = sorted(tp.partition for tp in a.assignment())
a.close()
print(json.dumps({'split': split, 'got': got, 'after': after, 'final': final}))
`;
    const r = JSON.parse(await runPython(script, [cluster.bootstrap], 90_000));
    expect(r.split.a.length).toBeGreaterThan(0);
    expect(r.split.b.length).toBeGreaterThan(0);
    expect([...r.split.a, ...r.split.b].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set([...r.got.a, ...r.got.b]).size).toBe(60);
    expect(r.final).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...r.after].sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => 60 + i));
  }, 120_000);

  it("kafka-python: manual commit, and a second consumer resumes where the first committed", async () => {
    await createTopic("kp-group", 2);
    const script = `
import sys, json
from kafka import KafkaProducer, KafkaConsumer
bs = sys.argv[1].split(',')
p = KafkaProducer(bootstrap_servers=bs, acks='all')
for i in range(20): p.send('kp-group', key=b'k%d' % (i % 4), value=str(i).encode())
p.flush(); p.close()
def consumer():
    c = KafkaConsumer('kp-group', bootstrap_servers=bs, group_id='kp', enable_auto_commit=False, auto_offset_reset='earliest',
                      session_timeout_ms=6000, heartbeat_interval_ms=300)
    return c
first, got = consumer(), []
for _ in range(100):
    for records in first.poll(timeout_ms=200).values():
        got += [int(r.value) for r in records]
    if len(got) >= 10: break
first.commit()
first.close()
second, rest = consumer(), []
for _ in range(100):
    for records in second.poll(timeout_ms=200).values():
        rest += [int(r.value) for r in records]
    if len(got) + len(rest) >= 20: break
second.commit(); second.close()
print(json.dumps({'first': got, 'second': rest}))
`;
    const r = JSON.parse(await runPython(script, [cluster.bootstrap], 90_000));
    expect(r.first.length).toBeGreaterThanOrEqual(10);
    // Everything the first committed is not read again; the rest arrives exactly once.
    expect([...r.first, ...r.second].sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }, 120_000);
});
