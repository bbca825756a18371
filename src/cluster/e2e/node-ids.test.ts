// `partition-lab cluster --first-node-id 0`: brokers numbered from 0, as in
// Kafka's quickstarts, work with kafkajs, kcat and kafka-python unchanged
// (node id 0 is an ordinary id to all of them); a bad value is refused.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kcat, python } from "../test-support/external";
import { startChildCluster, stopChild, type ChildCluster } from "../test-support/child-cluster";
import { client, consumeN } from "../test-support/kafka";

const CLI = path.resolve(__dirname, "../../../dist/cli.js");

describe("a cluster started with --first-node-id 0", () => {
  let started: ChildCluster;
  beforeAll(async () => {
    started = await startChildCluster(["--first-node-id", "0", "--brokers", "3"]);
  });
  afterAll(async () => started && stopChild(started));

  it("kafkajs: brokers 0-2 and controller 0, topics led by broker 0 too, produce and consume", async () => {
    const kafka = client(started.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    const described = await admin.describeCluster();
    expect(described.brokers.map((b) => b.nodeId).sort()).toEqual([0, 1, 2]);
    expect(described.controller).toBe(0);
    await admin.createTopics({ topics: [{ topic: "from-zero", numPartitions: 3 }], waitForLeaders: true });
    const leaders = (await admin.fetchTopicMetadata({ topics: ["from-zero"] })).topics[0].partitions.map((p) => p.leader);
    expect([...leaders].sort()).toEqual([0, 1, 2]);
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: "from-zero", messages: ["a", "b", "c", "d", "e", "f"].map((value, i) => ({ key: `k${i}`, value })) });
    await producer.disconnect();
    expect((await consumeN(kafka, "from-zero", 6)).map((r) => r.value).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("kcat lists broker 0 and round-trips through it; kafka-python produces to every broker", async () => {
    const listing = await kcat(["-L", "-b", started.bootstrap]);
    expect(listing).toMatch(/broker 0 at 127\.0\.0\.1:\d+ \(controller\)/);
    await kcat(["-P", "-b", started.bootstrap, "-t", "kcat-zero", "-p", "0", "-K", ":"], "k:v\n");
    expect((await kcat(["-C", "-b", started.bootstrap, "-t", "kcat-zero", "-o", "beginning", "-e", "-f", "%k=%s\n"])).trim()).toBe("k=v");
    const script = `
import sys, json
from kafka import KafkaProducer, KafkaAdminClient
from kafka.admin import NewTopic
KafkaAdminClient(bootstrap_servers=sys.argv[1]).create_topics([NewTopic('py-zero', 3, 1)])
p = KafkaProducer(bootstrap_servers=sys.argv[1], acks='all')
metas = [p.send('py-zero', partition=i, value=b'x').get(timeout=10) for i in range(3)]
print(json.dumps(sorted(p._metadata.leader_for_partition(m.topic_partition) for m in metas)))
`;
    expect(JSON.parse(await python(script, [started.bootstrap]))).toEqual([0, 1, 2]);
  });
});

it("partition-lab cluster refuses a negative --first-node-id with one line", async () => {
  const child = spawn(process.execPath, [CLI, "cluster", "--port", "0", "--first-node-id=-1"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(2);
  expect(stderr.trim()).toBe('partition-lab cluster: --first-node-id must be a whole number from 0 to 1000000 (got "-1")');
});
