// Deleting a topic deletes its committed offsets (Kafka's group coordinator
// drops them when the topic's partitions go), also across a restart: a topic
// re-created under the same name starts with no committed offsets.
import { describe, expect, it } from "vitest";
import { startCluster } from "..";
import { connectedAdmin } from "../test-support/kafka";
import { rawRequest } from "../test-support/raw-request";
import { tempDirs } from "../test-support/temp-dir";

const tempDir = tempDirs("partition-lab-deletion-");

describe("deleting a topic", () => {
  it("deletes its committed offsets, and they stay deleted after a restart", async () => {
    const dataDir = tempDir();
    const first = await startCluster({ brokers: 2, dataDir });
    const admin = await connectedAdmin(first.bootstrap);
    await admin.createTopics({ topics: [{ topic: "doomed", numPartitions: 2 }, { topic: "spared" }] });
    // A simple commit (no membership), as kafkajs's admin.setOffsets ends up making, without its five-second consumer.
    const coordinator = (await rawRequest(first, 1, 10, 1, { key: "reader", keyType: 0 })).nodeId;
    const committed = await rawRequest(first, coordinator, 8, 2, { groupId: "reader", generationId: -1, memberId: "", topics: [
      { name: "doomed", partitions: [{ partitionIndex: 0, committedOffset: 3n, committedMetadata: null }, { partitionIndex: 1, committedOffset: 4n, committedMetadata: null }] },
      { name: "spared", partitions: [{ partitionIndex: 0, committedOffset: 5n, committedMetadata: null }] },
    ] });
    expect(committed.topics.flatMap((t: { partitions: { errorCode: number }[] }) => t.partitions.map((p) => p.errorCode))).toEqual([0, 0, 0]);
    await admin.deleteTopics({ topics: ["doomed"] });
    await admin.createTopics({ topics: [{ topic: "doomed", numPartitions: 2 }] });
    const offsets = async (a: typeof admin) => Object.fromEntries((await a.fetchOffsets({ groupId: "reader", topics: ["doomed", "spared"] })).map((t) => [t.topic, t.partitions.map((p) => p.offset)]));
    expect(await offsets(admin)).toEqual({ doomed: ["-1", "-1"], spared: ["5"] });
    await admin.disconnect();
    await first.stop();

    const second = await startCluster({ brokers: 2, dataDir });
    const again = await connectedAdmin(second.bootstrap);
    try {
      expect(await offsets(again)).toEqual({ doomed: ["-1", "-1"], spared: ["5"] });
    } finally {
      await again.disconnect();
      await second.stop();
    }
  });
});
