// Admin calls the course makes through kafkajs: configs and dry-run creation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigResourceTypes } from "kafkajs";
import { startCluster, type Cluster } from "..";
import { connectedAdmin } from "../test-support/kafka";

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 2, numPartitions: 4 });
});
afterAll(async () => cluster?.stop());

describe("admin", () => {
  it("describes topic and broker configs", async () => {
    const admin = await connectedAdmin(cluster.bootstrap);
    await admin.createTopics({ topics: [{ topic: "configured" }] });
    expect(cluster.topics().find((t) => t.name === "configured")!.partitions).toHaveLength(4); // -1 → num.partitions
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: "configured", configNames: ["cleanup.policy", "retention.ms"] },
        { type: ConfigResourceTypes.BROKER, name: String(cluster.brokers[0].nodeId) },
      ],
    });
    const topic = resources.find((r) => r.resourceType === ConfigResourceTypes.TOPIC)!;
    expect(Object.fromEntries(topic.configEntries.map((e) => [e.configName, e.configValue]))).toEqual({ "cleanup.policy": "delete", "retention.ms": "604800000" });
    const broker = resources.find((r) => r.resourceType === ConfigResourceTypes.BROKER)!;
    expect(broker.configEntries.find((e) => e.configName === "num.partitions")?.configValue).toBe("4");
    await admin.disconnect();
  });

  it("validates without creating when asked for a dry run", async () => {
    const admin = await connectedAdmin(cluster.bootstrap);
    await admin.createTopics({ validateOnly: true, waitForLeaders: false, topics: [{ topic: "dry-run", numPartitions: 3 }] });
    expect(await admin.listTopics()).not.toContain("dry-run");
    await admin.disconnect();
  });
});
