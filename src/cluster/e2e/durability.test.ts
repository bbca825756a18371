// With --data-dir, every acknowledged record survives a kill -9: same
// partitions, same offsets, and committed consumer offsets too.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { startChildCluster, stopChild, type ChildCluster } from "../test-support/child-cluster";
import { consumeN } from "../test-support/kafka";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-durability-"));
const running: ChildCluster[] = [];
afterAll(async () => {
  await Promise.all(running.map((c) => stopChild(c, "SIGKILL")));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const client = (bootstrap: string) => new Kafka({ clientId: "durability", brokers: bootstrap.split(","), logLevel: logLevel.NOTHING });

/** Every record as "partition/offset/key/value", sorted. */
const readAll = async (kafka: Kafka, topic: string, expected: number) =>
  (await consumeN(kafka, topic, expected)).map((r) => `${r.partition}/${r.offset}/${r.key}/${r.value}`).sort();

describe("durability with --data-dir", () => {
  it("keeps every acks=all record and committed offset across SIGKILL and restart", async () => {
    const first = await startChildCluster(["--data-dir", dataDir]);
    running.push(first);
    const kafka = client(first.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "durable", numPartitions: 4 }] });
    const producer = kafka.producer();
    await producer.connect();
    for (let batch = 0; batch < 10; batch++) {
      await producer.send({ topic: "durable", acks: -1, messages: Array.from({ length: 25 }, (_, i) => ({ key: `key-${i % 7}`, value: `b${batch}-m${i}` })) });
    }
    const before = await readAll(kafka, "durable", 250);
    await admin.setOffsets({ groupId: "resume", topic: "durable", partitions: [{ partition: 0, offset: "3" }, { partition: 1, offset: "5" }] });
    await producer.disconnect();
    await admin.disconnect();

    expect(await stopChild(first, "SIGKILL")).toBeNull(); // killed, no clean shutdown

    const second = await startChildCluster(["--data-dir", dataDir]);
    running.push(second);
    const again = client(second.bootstrap);
    expect(await readAll(again, "durable", 250)).toEqual(before);
    const admin2 = again.admin();
    await admin2.connect();
    const committed = await admin2.fetchOffsets({ groupId: "resume", topics: ["durable"] });
    const offsets = Object.fromEntries(committed[0].partitions.map((p) => [p.partition, p.offset]));
    expect(offsets[0]).toBe("3");
    expect(offsets[1]).toBe("5");
    const latest = await admin2.fetchTopicOffsets("durable");
    expect(latest.reduce((n, p) => n + Number(p.high), 0)).toBe(250);
    await admin2.disconnect();
  }, 90_000);
});
