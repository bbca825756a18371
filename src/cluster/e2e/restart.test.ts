// What a restart with --data-dir keeps besides records and offsets: each
// partition's replicas (after a move), leader and leader epoch (epochs never
// go back, or clients that cached one are fenced), topic configs, dynamic
// broker configs and the log start offset that DeleteRecords moved.
import { describe, expect, it } from "vitest";
import { startCluster } from "..";
import { client, connectedAdmin } from "../test-support/kafka";
import { rawRequest } from "../test-support/raw-request";
import { tempDirs } from "../test-support/temp-dir";

const tempDir = tempDirs("partition-lab-restart-");

describe("a restart with a data directory", () => {
  it("keeps replicas, leaders, leader epochs, configs and the log start offset", async () => {
    const dataDir = tempDir();
    const first = await startCluster({ brokers: 3, dataDir });
    const admin = await connectedAdmin(first.bootstrap);
    await admin.createTopics({ topics: [{ topic: "kept", numPartitions: 2, replicationFactor: 2, configEntries: [{ name: "retention.ms", value: "1234567" }] }] });
    const producer = client(first.bootstrap).producer();
    await producer.connect();
    await producer.send({ topic: "kept", acks: -1, messages: ["a", "b", "c", "d"].map((value) => ({ partition: 0, value })) });
    await admin.fetchTopicMetadata({ topics: ["kept"] }); // kafkajs's deleteTopicRecords finds leaders only in metadata it already has
    await admin.deleteTopicRecords({ topic: "kept", partitions: [{ partition: 0, offset: "2" }] });
    const outsider = [1, 2, 3].find((b) => !first.topics()[0].partitions[1].replicas.includes(b))!;
    await first.moveLeader("kept", 1, outsider); // a reassignment: the outsider replaces the last replica
    await first.stopBroker(first.topics()[0].partitions[0].leader);
    await rawRequest(first, first.state.liveBrokerIds()[0], 44, 0, { resources: [{ resourceType: 4, resourceName: "", configs: [{ name: "log.retention.bytes", configOperation: 0, value: "99999" }] }], validateOnly: false });
    const before = first.topics()[0];
    await producer.disconnect();
    await admin.disconnect();
    await first.stop();

    const second = await startCluster({ brokers: 3, dataDir });
    try {
      const after = second.topics()[0];
      expect(after.configs).toEqual({ "retention.ms": "1234567" });
      for (const i of [0, 1]) {
        expect(after.partitions[i], `partition ${i}`).toMatchObject({ replicas: before.partitions[i].replicas, leader: before.partitions[i].leader, leaderEpoch: before.partitions[i].leaderEpoch });
      }
      expect(after.partitions[1].replicas).toContain(outsider);
      expect(after.partitions[0]).toMatchObject({ logStartOffset: 2n, highWatermark: 4n });
      const described = await rawRequest(second, 1, 32, 2, { resources: [{ resourceType: 4, resourceName: "", configurationKeys: null }], includeSynonyms: false });
      expect(described.results[0].configs).toMatchObject([{ name: "log.retention.bytes", value: "99999", configSource: 3 }]);
    } finally {
      await second.stop();
    }
  });
});
