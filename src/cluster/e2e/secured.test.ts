// Secured listeners with the clients learners use, unchanged: kafkajs,
// librdkafka (kcat, confluent-kafka) and kafka-python authenticate with
// SASL/PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512, over TLS (SASL_SSL, a
// throwaway certificate made for this run) and without it (SASL_PLAINTEXT),
// then produce and consume through every broker the metadata names. A wrong
// password is refused with Kafka's error.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { SASLOptions } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../cluster";
import { kcat, python } from "../test-support/external";
import { client, consumeN } from "../test-support/kafka";
import { throwawayCertificate, type ThrowawayCertificate } from "../test-support/tls-cert";

const MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
const USERS = { alice: "alice-secret" };
const PLAIN_REFUSAL = "Authentication failed: Invalid username or password";
const SCRAM_REFUSAL = (m: string) => `Authentication failed during authentication due to invalid credentials with SASL mechanism ${m}`;

let dir: string;
let cert: ThrowawayCertificate;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "secured-"));
  cert = throwawayCertificate(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(["SASL_SSL", "SASL_PLAINTEXT"] as const)("a %s cluster", (protocol) => {
  let cluster: Cluster;
  const tls = protocol === "SASL_SSL";
  beforeAll(async () => {
    cluster = await startCluster({ brokers: 3, sasl: { users: USERS }, tls: tls ? cert : undefined });
  });
  afterAll(async () => cluster?.stop());

  const kafkajs = (mechanism: string, password = USERS.alice) =>
    client(cluster.bootstrap, { ssl: tls ? { ca: [cert.cert] } : false, sasl: { mechanism: mechanism.toLowerCase(), username: "alice", password } as SASLOptions });
  const librdkafka = (mechanism: string, password = USERS.alice) => [
    `security.protocol=${protocol}`, `sasl.mechanisms=${mechanism}`, "sasl.username=alice", `sasl.password=${password}`,
    ...(tls ? [`ssl.ca.location=${cert.certFile}`] : []),
  ];
  const kcatArgs = (mechanism: string, password?: string) => librdkafka(mechanism, password).flatMap((x) => ["-X", x]);

  it.each(MECHANISMS)("kafkajs with %s: topics, produce and consume across three brokers", async (mechanism) => {
    const kafka = kafkajs(mechanism);
    const topic = `kafkajs-${protocol}-${mechanism}`.toLowerCase();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const leaders = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.map((p) => p.leader);
    expect(new Set(leaders).size).toBe(3);
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: ["a", "b", "c", "d", "e", "f"].map((value, i) => ({ key: `k${i}`, value })) });
    await producer.disconnect();
    const got = await consumeN(kafka, topic, 6);
    expect(got.map((r) => r.value).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(new Set(got.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it.each(MECHANISMS)("kafkajs with %s and a wrong password is refused with Kafka's error", async (mechanism) => {
    const admin = kafkajs(mechanism, "guess").admin();
    const err = await admin.connect().then(() => undefined, (e: Error) => e);
    expect(err?.name).toBe("KafkaJSSASLAuthenticationError");
    expect(err?.message).toContain(mechanism === "PLAIN" ? PLAIN_REFUSAL : SCRAM_REFUSAL(mechanism));
    expect(err?.message).not.toContain("guess");
  });

  it.each(MECHANISMS)("kcat with %s lists the brokers, produces and consumes", async (mechanism) => {
    const topic = `kcat-${protocol}-${mechanism}`.toLowerCase();
    const listing = await kcat(["-L", "-b", cluster.bootstrap, ...kcatArgs(mechanism)]);
    for (const b of cluster.brokers) expect(listing).toContain(`broker ${b.nodeId} at ${b.host}:${b.port}`);
    await kcat(["-P", "-b", cluster.bootstrap, "-t", topic, "-K", ":", ...kcatArgs(mechanism)], "user1:one\nuser2:two\nuser1:three\n");
    const out = await kcat(["-C", "-b", cluster.bootstrap, "-t", topic, "-o", "beginning", "-e", "-f", "%k=%s\n", ...kcatArgs(mechanism)]);
    expect(out.trim().split("\n")).toEqual(["user1=one", "user2=two", "user1=three"]);
  });

  it("kcat with a wrong password is refused with Kafka's message", async () => {
    const err = await kcat(["-L", "-b", cluster.bootstrap, "-m", "2", ...kcatArgs("PLAIN", "guess")]).then(() => undefined, (e: Error) => e);
    expect(err?.message).toContain(`SASL authentication error: ${PLAIN_REFUSAL}`);
  });

  it("confluent-kafka with each mechanism produces and consumes; a wrong password gets _AUTHENTICATION with Kafka's message", async () => {
    const script = `
import sys, json
from confluent_kafka import Producer, Consumer, KafkaError
base = dict(kv.split('=', 1) for kv in sys.argv[2:])
got = {}
for mech in ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']:
    conf = dict(base, **{'sasl.mechanisms': mech})
    topic = 'ck-' + sys.argv[1] + '-' + mech.lower()
    p = Producer(conf)
    for i in range(3):
        p.produce(topic, key='k', value='v%d' % i)
    if p.flush(20): raise Exception('not delivered')
    c = Consumer(dict(conf, **{'group.id': 'g-' + topic, 'auto.offset.reset': 'earliest'}))
    c.subscribe([topic])
    got[mech] = []
    while len(got[mech]) < 3:
        m = c.poll(10)
        if m is None: raise Exception('timed out consuming')
        if m.error(): raise Exception(m.error())
        got[mech].append(m.value().decode())
    c.close()
errors = []
p = Producer(dict(base, **{'sasl.mechanisms': 'PLAIN', 'sasl.password': 'guess', 'error_cb': lambda e: errors.append([e.code(), e.str()])}))
for _ in range(50):
    p.poll(0.2)
    if errors: break
print(json.dumps({'got': got, 'errors': errors, 'authentication': KafkaError._AUTHENTICATION}))
`;
    const settings = [`bootstrap.servers=${cluster.bootstrap}`, ...librdkafka("PLAIN").filter((kv) => !kv.startsWith("sasl.mechanisms="))];
    const result = JSON.parse(await python(script, [protocol.toLowerCase(), ...settings]));
    expect(result.got).toEqual(Object.fromEntries(MECHANISMS.map((m) => [m, ["v0", "v1", "v2"]])));
    expect(result.errors[0][0]).toBe(result.authentication);
    expect(result.errors[0][1]).toContain(`SASL authentication error: ${PLAIN_REFUSAL}`);
  });

  it("kafka-python 2.0 (SaslHandshake v0, bare tokens) with each mechanism produces and consumes", async () => {
    const script = `
import sys, json
from kafka import KafkaProducer, KafkaConsumer, TopicPartition
bootstrap, protocol, cafile = sys.argv[1], sys.argv[2], sys.argv[3] or None
got = {}
for mech in ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']:
    conf = dict(bootstrap_servers=bootstrap.split(','), security_protocol=protocol, sasl_mechanism=mech,
                sasl_plain_username='alice', sasl_plain_password='alice-secret', ssl_cafile=cafile)
    topic = 'kp-' + protocol.lower() + '-' + mech.lower()
    p = KafkaProducer(acks='all', **conf)
    metas = [p.send(topic, value=('v%d' % i).encode()).get(timeout=10) for i in range(3)]
    p.close()
    c = KafkaConsumer(group_id=None, auto_offset_reset='earliest', **conf)
    c.assign([TopicPartition(topic, metas[0].partition)])
    got[mech] = []
    for _ in range(50):
        for records in c.poll(timeout_ms=200).values():
            got[mech] += [m.value.decode() for m in records]
        if len(got[mech]) >= 3: break
    c.close()
print(json.dumps(got))
`;
    const got = JSON.parse(await python(script, [cluster.bootstrap, protocol, tls ? cert.certFile : ""]));
    expect(got).toEqual(Object.fromEntries(MECHANISMS.map((m) => [m, ["v0", "v1", "v2"]])));
  });
});
