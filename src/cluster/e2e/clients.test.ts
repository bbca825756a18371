// librdkafka (kcat, confluent-kafka) and kafka-python against the embedded
// cluster, unchanged: the course promises all three work.
import { describe, expect, it } from "vitest";
import { kcat, python } from "../test-support/external";
import { clusterForThisFile } from "../test-support/kafka";

const started = clusterForThisFile({ brokers: 3 });

describe("librdkafka and kafka-python", () => {
  it("kcat -L lists every broker and topic", async () => {
    const info = await started().faults.info();
    expect(info.brokers.map((b) => `${b.nodeId} ${b.host}:${b.port} ${b.up}`)).toEqual(started().brokers.map((b) => `${b.nodeId} ${b.host}:${b.port} true`));
    started().state.createTopic("listed", started().state.planTopic("listed", 3, 2));
    const out = await kcat(["-L", "-b", info.bootstrap]);
    for (const b of info.brokers) expect(out).toContain(`broker ${b.nodeId} at ${b.host}:${b.port}`);
    expect(out).toMatch(/topic "listed" with 3 partitions/);
    expect(out).toMatch(/3 brokers:/);
  });

  it("kcat produces and consumes keyed messages", async () => {
    started().state.createTopic("kcat", started().state.planTopic("kcat", 3, 1));
    await kcat(["-P", "-b", started().bootstrap, "-t", "kcat", "-K", ":", "-p", "1"], "user1:message1\nuser2:message2\nuser1:message3\n");
    const out = await kcat(["-C", "-b", started().bootstrap, "-t", "kcat", "-p", "1", "-o", "beginning", "-e", "-f", "%k=%s@%o\n"]);
    expect(out.trim().split("\n")).toEqual(["user1=message1@0", "user2=message2@1", "user1=message3@2"]);
  });

  it("confluent-kafka does the course's steps 1–3 with the 'consistent' partitioner", async () => {
    const script = `
import sys, json, zlib
from confluent_kafka import Producer, Consumer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic
bootstrap = sys.argv[1]
admin = AdminClient({'bootstrap.servers': bootstrap})
for f in admin.create_topics([NewTopic('test-topic', num_partitions=3, replication_factor=1)]).values():
    f.result(timeout=10)
p = Producer({'bootstrap.servers': bootstrap, 'partitioner': 'consistent'})
placed = []
def report(err, msg):
    if err: raise Exception(err)
    placed.append([msg.key().decode(), msg.value().decode(), msg.partition(), msg.offset()])
for k, v in [('user1', 'message1'), ('user2', 'message2'), ('user1', 'message3')]:
    p.produce('test-topic', key=k, value=v, callback=report)
p.flush(10)
c = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'course', 'auto.offset.reset': 'earliest'})
c.subscribe(['test-topic'])
got = []
while len(got) < 3:
    m = c.poll(10)
    if m is None: raise Exception('timed out consuming')
    if m.error(): raise Exception(m.error())
    got.append([m.key().decode(), m.value().decode(), m.partition(), m.offset()])
c.close()
print(json.dumps({'placed': placed, 'got': got, 'crc': {k: zlib.crc32(k.encode()) % 3 for k in ['user1', 'user2']}}))
`;
    const result = JSON.parse(await python(script, [started().bootstrap]));
    // librdkafka's 'consistent' partitioner is CRC32(key) % partitions (rdkafka_msg.c, rd_kafka_msg_partitioner_consistent); zlib.crc32 computed the same above.
    expect(result.crc).toEqual({ user1: 1, user2: 2 });
    // Delivery reports of different partitions may come back in any order.
    const placed = [...result.placed].sort((a: string[], b: string[]) => a[1].localeCompare(b[1]));
    expect(placed).toEqual([["user1", "message1", 1, 0], ["user2", "message2", 2, 0], ["user1", "message3", 1, 1]]);
    const perPartition = (rows: [string, string, number, number][], p: number) => rows.filter((r) => r[2] === p).map((r) => r[1]);
    expect(perPartition(result.got, 1)).toEqual(["message1", "message3"]);
    expect(perPartition(result.got, 2)).toEqual(["message2"]);
  });

  it("kafka-python 2.0 round-trips with acks=all and a group-less consumer", async () => {
    const script = `
import sys, json
from kafka import KafkaProducer, KafkaConsumer, TopicPartition
bootstrap = sys.argv[1].split(',')
p = KafkaProducer(bootstrap_servers=bootstrap, acks='all')
metas = [p.send('kafka-python', key=('k%d' % (i % 3)).encode(), value=('v%d' % i).encode()).get(timeout=10) for i in range(9)]
p.flush(); p.close()
c = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, auto_offset_reset='earliest')
c.assign(sorted(set(TopicPartition('kafka-python', m.partition) for m in metas)))
got = []
for _ in range(50):
    for records in c.poll(timeout_ms=200).values():
        got += [[m.key.decode(), m.value.decode(), m.partition, m.offset] for m in records]
    if len(got) >= 9: break
c.close()
print(json.dumps({'sent': [[m.partition, m.offset] for m in metas], 'got': got}))
`;
    const result = JSON.parse(await python(script, [started().bootstrap]));
    expect(result.got).toHaveLength(9);
    for (const k of ["k0", "k1", "k2"]) {
      const values = result.got.filter((r: string[]) => r[0] === k).map((r: string[]) => Number(r[1].slice(1)));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    const stored = started().topics().find((t) => t.name === "kafka-python")!;
    expect(stored.partitions.reduce((n, p) => n + Number(p.highWatermark), 0)).toBe(9);
  });
});
