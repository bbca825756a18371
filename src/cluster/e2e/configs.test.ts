// Topic and broker configs as Kafka keeps them: CreateTopics stores a
// topic's configs and refuses unknown keys and bad values (INVALID_CONFIG);
// DescribeConfigs answers real values with their source and synonyms (v1+),
// their type (v3+), flexible at v4; IncrementalAlterConfigs and kafkajs's
// AlterConfigs change them, with Kafka's errors for each kind of mistake.
import { ConfigResourceTypes } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "..";
import { connectedAdmin } from "../test-support/kafka";
import { rawRequest } from "../test-support/raw-request";

const TOPIC = 2;
const BROKER = 4;
const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ brokers: 2, configs: { "log.segment.bytes": "2000000" } });
});
afterAll(async () => cluster?.stop());

const createTopic = (name: string, configs: { name: string; value: string | null }[], version = 4) =>
  rawRequest(cluster, 1, 19, version, { topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs }], timeoutMs: 5000, validateOnly: false });

const describeConfigs = (resources: { resourceType: number; resourceName: string; configurationKeys: string[] | null }[], version: number, nodeId = 1) =>
  rawRequest(cluster, nodeId, 32, version, { resources, includeSynonyms: true, includeDocumentation: false });

const alter = (resources: { resourceType: number; resourceName: string; configs: { name: string; configOperation: number; value: string | null }[] }[], version = 0, validateOnly = false, nodeId = 1) =>
  rawRequest(cluster, nodeId, 44, version, { resources, validateOnly });

const entry = async (resourceType: number, resourceName: string, name: string, version = 2, nodeId = 1) => {
  const { results } = await describeConfigs([{ resourceType, resourceName, configurationKeys: [name] }], version, nodeId);
  expect(results[0].errorCode, results[0].errorMessage).toBe(0);
  return results[0].configs.find((c: { name: string }) => c.name === name);
};

describe("topic configs at creation", () => {
  it("refuses unknown keys, bad values and null values with INVALID_CONFIG and creates nothing", async () => {
    const cases: [string, { name: string; value: string | null }[], RegExp][] = [
      ["c-unknown", [{ name: "no.such.config", value: "1" }], /Unknown topic config name: no.such.config/],
      ["c-not-a-number", [{ name: "retention.ms", value: "a week" }], /Invalid value a week for configuration retention.ms: Not a number of type LONG/],
      ["c-too-small", [{ name: "min.insync.replicas", value: "0" }], /Value must be at least 1/],
      ["c-not-listed", [{ name: "cleanup.policy", value: "compact,shred" }], /compact, delete/],
      ["c-null", [{ name: "retention.ms", value: null }], /Null value not supported for topic configs: retention.ms/],
    ];
    for (const [name, configs, message] of cases) {
      const { topics } = await createTopic(name, configs);
      expect(topics[0].errorCode, name).toBe(40);
      expect(topics[0].errorMessage, name).toMatch(message);
    }
    expect(cluster.topics().map((t) => t.name).filter((n) => n.startsWith("c-"))).toEqual([]);
  });

  it("stores the configs it is given; DescribeConfigs shows their source and synonyms", async () => {
    const { topics } = await createTopic("stored", [{ name: "retention.ms", value: "86400000" }, { name: "cleanup.policy", value: " compact , delete " }]);
    expect(topics[0].errorCode).toBe(0);
    expect(cluster.topics().find((t) => t.name === "stored")!.configs).toEqual({ "retention.ms": "86400000", "cleanup.policy": "compact,delete" });
    expect(await entry(TOPIC, "stored", "retention.ms")).toMatchObject({ value: "86400000", configSource: 1, readOnly: false, synonyms: [{ name: "retention.ms", value: "86400000", source: 1 }] });
    // A broker-level value the cluster was started with, then Kafka's own default, as Kafka lists them.
    expect(await entry(TOPIC, "stored", "segment.bytes")).toMatchObject({
      value: "2000000", configSource: 4,
      synonyms: [{ name: "log.segment.bytes", value: "2000000", source: 4 }, { name: "log.segment.bytes", value: "1073741824", source: 5 }],
    });
    expect(await entry(TOPIC, "stored", "retention.bytes")).toMatchObject({ value: "-1", configSource: 5, synonyms: [{ name: "log.retention.bytes", value: "-1", source: 5 }] });
    expect(await entry(TOPIC, "stored", "max.message.bytes")).toMatchObject({ value: "1048588", configSource: 5, synonyms: [{ name: "message.max.bytes", value: "1048588", source: 5 }] });
    const v0 = (await describeConfigs([{ resourceType: TOPIC, resourceName: "stored", configurationKeys: ["retention.ms", "segment.ms"] }], 0)).results[0].configs;
    expect(v0.find((c: { name: string }) => c.name === "retention.ms")).toMatchObject({ name: "retention.ms", value: "86400000", readOnly: false, isDefault: false, isSensitive: false });
    expect(v0.find((c: { name: string }) => c.name === "segment.ms")).toMatchObject({ name: "segment.ms", value: "604800000", readOnly: false, isDefault: true, isSensitive: false });
  });

  it("answers v3 with each config's type and v4 as a flexible version", async () => {
    for (const version of [3, 4]) {
      const { results } = await describeConfigs([{ resourceType: TOPIC, resourceName: "stored", configurationKeys: null }], version);
      const byName = new Map(results[0].configs.map((c: { name: string }) => [c.name, c]));
      expect(byName.get("retention.ms")).toMatchObject({ configType: 5, value: "86400000" });
      expect(byName.get("cleanup.policy")).toMatchObject({ configType: 7, value: "compact,delete" });
      expect(byName.get("unclean.leader.election.enable")).toMatchObject({ configType: 1, value: "false" });
      expect(byName.get("min.cleanable.dirty.ratio")).toMatchObject({ configType: 6, value: "0.5" });
      expect(byName.size).toBeGreaterThan(25); // every topic config Kafka lists
    }
  });
});

describe("IncrementalAlterConfigs", () => {
  it("sets, deletes, appends and subtracts a topic's configs; validateOnly changes nothing", async () => {
    await createTopic("altered", [{ name: "cleanup.policy", value: "delete" }]);
    const ok = await alter([{ resourceType: TOPIC, resourceName: "altered", configs: [
      { name: "retention.ms", configOperation: SET, value: "5000" },
      { name: "cleanup.policy", configOperation: APPEND, value: "compact" },
    ] }]);
    expect(ok.responses).toEqual([{ errorCode: 0, errorMessage: null, resourceType: TOPIC, resourceName: "altered" }]);
    expect(cluster.topics().find((t) => t.name === "altered")!.configs).toEqual({ "retention.ms": "5000", "cleanup.policy": "delete,compact" });
    await alter([{ resourceType: TOPIC, resourceName: "altered", configs: [{ name: "retention.ms", configOperation: DELETE, value: null }, { name: "cleanup.policy", configOperation: SUBTRACT, value: "delete" }] }], 1);
    expect(cluster.topics().find((t) => t.name === "altered")!.configs).toEqual({ "cleanup.policy": "compact" });
    await alter([{ resourceType: TOPIC, resourceName: "altered", configs: [{ name: "retention.ms", configOperation: SET, value: "1" }] }], 0, true);
    expect(await entry(TOPIC, "altered", "retention.ms")).toMatchObject({ value: "604800000", configSource: 5 });
  });

  it("answers each kind of mistake as Kafka does", async () => {
    const one = async (resourceType: number, resourceName: string, configs: { name: string; configOperation: number; value: string | null }[]) =>
      (await alter([{ resourceType, resourceName, configs }])).responses[0];
    expect(await one(TOPIC, "altered", [{ name: "no.such.config", configOperation: SET, value: "1" }])).toMatchObject({ errorCode: 40, errorMessage: "Unknown topic config name: no.such.config" });
    expect(await one(TOPIC, "altered", [{ name: "retention.ms", configOperation: APPEND, value: "1" }])).toMatchObject({ errorCode: 40 });
    expect(await one(TOPIC, "altered", [{ name: "retention.ms", configOperation: SET, value: "-7" }])).toMatchObject({ errorCode: 40 });
    expect(await one(TOPIC, "altered", [{ name: "retention.ms", configOperation: SET, value: null }])).toMatchObject({ errorCode: 42 });
    expect(await one(TOPIC, "altered", [{ name: "retention.ms", configOperation: SET, value: "1" }, { name: "retention.ms", configOperation: DELETE, value: null }])).toMatchObject({ errorCode: 42 });
    expect(await one(TOPIC, "nowhere", [{ name: "retention.ms", configOperation: SET, value: "1" }])).toMatchObject({ errorCode: 3 });
    expect(await one(BROKER, "", [{ name: "num.partitions", configOperation: SET, value: "3" }])).toMatchObject({ errorCode: 42, errorMessage: expect.stringMatching(/Cannot update these configs dynamically: .*num.partitions/) });
    expect(await one(BROKER, "2", [{ name: "min.insync.replicas", configOperation: SET, value: "2" }])).toMatchObject({ errorCode: 42, errorMessage: expect.stringMatching(/expected 1/) });
    const twice = await alter([{ resourceType: TOPIC, resourceName: "altered", configs: [] }, { resourceType: TOPIC, resourceName: "altered", configs: [] }]);
    expect(twice.responses.map((r: { errorCode: number }) => r.errorCode)).toEqual([42, 42]);
    expect(cluster.topics().find((t) => t.name === "altered")!.configs).toEqual({ "cleanup.policy": "compact" });
  });

  it("sets a cluster-wide default that topics inherit, and a per-broker value on that broker", async () => {
    await createTopic("inherits", []);
    await alter([{ resourceType: BROKER, resourceName: "", configs: [{ name: "log.retention.ms", configOperation: SET, value: "3600000" }] }]);
    expect(await entry(TOPIC, "inherits", "retention.ms")).toMatchObject({ value: "3600000", configSource: 3, synonyms: [{ name: "log.retention.ms", value: "3600000", source: 3 }, { name: "log.retention.hours", value: "168", source: 5 }] });
    expect(await entry(BROKER, "", "log.retention.ms")).toMatchObject({ value: "3600000", configSource: 3, readOnly: false });
    await alter([{ resourceType: BROKER, resourceName: "2", configs: [{ name: "min.insync.replicas", configOperation: SET, value: "2" }] }], 0, false, 2);
    expect(await entry(BROKER, "2", "min.insync.replicas", 2, 2)).toMatchObject({ value: "2", configSource: 2, synonyms: [{ name: "min.insync.replicas", value: "2", source: 2 }, { name: "min.insync.replicas", value: "1", source: 5 }] });
    expect(await entry(BROKER, "1", "min.insync.replicas")).toMatchObject({ value: "1", configSource: 5 });
    expect(await entry(BROKER, "1", "num.partitions")).toMatchObject({ value: "1", readOnly: true, configSource: 5 });
    await alter([{ resourceType: BROKER, resourceName: "", configs: [{ name: "log.retention.ms", configOperation: DELETE, value: null }] }]);
    expect(await entry(TOPIC, "inherits", "retention.ms")).toMatchObject({ value: "604800000", configSource: 5 });
  });
});

describe("kafkajs admin", () => {
  it("describes and alters topic configs (AlterConfigs replaces a topic's whole set)", async () => {
    const admin = await connectedAdmin(cluster.bootstrap);
    await admin.createTopics({ topics: [{ topic: "kafkajs-configs", configEntries: [{ name: "retention.ms", value: "1000" }, { name: "segment.ms", value: "60000" }] }] });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: "kafkajs-configs", configEntries: [{ name: "retention.bytes", value: "1048576" }] }] });
    const { resources } = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.TOPIC, name: "kafkajs-configs", configNames: ["retention.ms", "retention.bytes", "segment.ms"] }] });
    const byName = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e]));
    expect(byName["retention.bytes"]).toMatchObject({ configValue: "1048576", configSource: 1, isDefault: false });
    expect(byName["retention.ms"]).toMatchObject({ configValue: "604800000", configSource: 5, isDefault: true });
    expect(byName["segment.ms"]).toMatchObject({ configValue: "604800000", isDefault: true, configSynonyms: [] }); // Kafka lists no synonym when only log.roll.hours (not log.roll.ms) has a value
    await expect(admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: "kafkajs-configs", configEntries: [{ name: "retention.bytes", value: "lots" }] }] })).rejects.toMatchObject({ type: "INVALID_CONFIG" });
    await admin.disconnect();
  });
});
