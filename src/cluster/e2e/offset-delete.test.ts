// OffsetDelete end to end: librdkafka's DeleteConsumerGroupOffsets (the only
// installed client that sends it) against a kafkajs 2.2.4 consumer group, with
// Kafka's rules — a live consumer group keeps the offsets of topics it
// subscribes to (GROUP_SUBSCRIBED_TO_TOPIC) and loses the others; an Empty
// group loses any, and disappears with its last offset; kafkajs's
// fetchOffsets sees the result.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Admin } from "kafkajs";
import { startCluster, type Cluster } from "..";
import { run } from "../test-support/external";
import { client, waitFor } from "../test-support/kafka";

const script = path.join(__dirname, "../test-support/rdkafka-delete-offsets.py");
type Outcome = { error: string | null; partitions: [string, number, string | null][] };
const deleteOffsets = async (group: string, ...partitions: string[]): Promise<Outcome> =>
  JSON.parse(await run("/usr/bin/python3", [script, cluster.bootstrap, group, ...partitions]));

let cluster: Cluster;
let admin: Admin;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 3 });
  admin = client(cluster.bootstrap).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: "od-read", numPartitions: 1 }, { topic: "od-old", numPartitions: 1 }] });
});
afterAll(async () => {
  await admin?.disconnect();
  await cluster?.stop();
});

const committed = async (groupId: string, topic: string) => (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions[0].offset;

describe("OffsetDelete with librdkafka and kafkajs", () => {
  it("keeps a live consumer group's subscribed topics, deletes the rest, then everything once the group is empty", async () => {
    const consumer = client(cluster.bootstrap).consumer({ groupId: "od-group" });
    await consumer.connect();
    await consumer.subscribe({ topics: ["od-read"] });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => { joined = true; });
    await consumer.run({ eachMessage: async () => {} });
    await waitFor(() => joined, "the consumer to join its group");
    await consumer.commitOffsets([{ topic: "od-read", partition: 0, offset: "3" }, { topic: "od-old", partition: 0, offset: "7" }]);

    expect(await deleteOffsets("od-group", "od-read:0", "od-old:0", "od-old:5")).toEqual({
      error: null,
      partitions: [["od-read", 0, "GROUP_SUBSCRIBED_TO_TOPIC"], ["od-old", 0, null], ["od-old", 5, "UNKNOWN_TOPIC_OR_PART"]], // librdkafka's name for error 3
    });
    expect(await committed("od-group", "od-read")).toBe("3");
    expect(await committed("od-group", "od-old")).toBe("-1");

    await consumer.disconnect(); // the group is Empty now
    expect((await deleteOffsets("od-group", "od-read:0")).partitions).toEqual([["od-read", 0, null]]);
    expect(await committed("od-group", "od-read")).toBe("-1");
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain("od-group"); // gone with its last offset
    expect((await deleteOffsets("od-group", "od-read:0")).error).toBe("GROUP_ID_NOT_FOUND");
  });
});
