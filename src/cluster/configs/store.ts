// Where a config's value comes from, as in Kafka: a topic's own setting,
// else the broker configs it falls back to, each looked up through the
// broker's layers — dynamic for this broker, dynamic cluster default, static
// (what the cluster was started with), Kafka's default — in that order.
import { BROKER_CONFIGS, brokerConfigDef, topicConfigDef } from "./definitions";
import { ConfigSource, type ConfigValue } from "./types";
import { formatValue, parseValue } from "./values";

export type ConfigMap = Record<string, string>;

/** Dynamic broker configs as they are persisted: the cluster-wide default and each broker's own. */
export type DynamicBrokerConfigs = { cluster: ConfigMap; brokers: Record<string, ConfigMap> };

/** The typed topic settings the cluster acts on. */
export type TopicSettings = {
  retentionMs: bigint;
  retentionBytes: bigint;
  segmentBytes: number;
  segmentMs: bigint;
  minInsyncReplicas: number;
  maxMessageBytes: number;
  uncleanLeaderElection: boolean;
  /** cleanup.policy includes "delete": retention and DeleteRecords apply. */
  deletes: boolean;
};

export type Layer = { values: ConfigMap; source: number };

const KAFKA_DEFAULTS: ConfigMap = Object.fromEntries(BROKER_CONFIGS.filter((d) => d.default !== null).map((d) => [d.name, d.default!]));

/** Thrown for a static config the cluster cannot start with (unknown key, bad value). */
export class ConfigError extends Error {}

export class ClusterConfigs {
  private readonly staticConfigs: ConfigMap;
  private dynamic: DynamicBrokerConfigs = { cluster: {}, brokers: {} };

  /** @param staticConfigs broker configs the cluster starts with (server.properties); unknown keys and bad values throw ConfigError. */
  constructor(staticConfigs: ConfigMap = {}) {
    this.staticConfigs = {};
    for (const [name, raw] of Object.entries(staticConfigs)) {
      const def = brokerConfigDef.get(name);
      if (!def) throw new ConfigError(`unknown broker config "${name}"; known: ${BROKER_CONFIGS.map((d) => d.name).join(", ")}`);
      const parsed = parseValue(def, raw);
      if ("error" in parsed) throw new ConfigError(parsed.error);
      this.staticConfigs[name] = parsed.text;
    }
  }

  /** Broker `nodeId`'s layers, highest priority first (Kafka's DescribeConfigs order of synonyms). */
  layers(nodeId: number | null): Layer[] {
    const own: ConfigMap = nodeId === null ? {} : { "broker.id": String(nodeId), "node.id": String(nodeId) };
    return [
      { values: nodeId === null ? {} : this.dynamic.brokers[nodeId] ?? {}, source: ConfigSource.DYNAMIC_BROKER_CONFIG },
      { values: this.dynamic.cluster, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG },
      { values: { ...this.staticConfigs, ...own }, source: ConfigSource.STATIC_BROKER_CONFIG },
      { values: KAFKA_DEFAULTS, source: ConfigSource.DEFAULT_CONFIG },
    ];
  }

  /** A broker config's effective text on `nodeId` (null when it has none, like log.retention.ms by default). */
  brokerValue(name: string, nodeId: number | null = null): string | null {
    for (const layer of this.layers(nodeId)) if (name in layer.values) return layer.values[name];
    return null;
  }

  /** A broker config as a number (for the ones the cluster reads). */
  brokerNumber(name: string, nodeId: number | null = null): number {
    return Number(this.brokerValue(name, nodeId));
  }

  brokerFlag(name: string): boolean {
    return this.brokerValue(name) === "true";
  }

  /** A topic config's effective text: the topic's own, else derived from its broker synonyms, else its own default. */
  topicValue(overrides: ConfigMap, name: string, nodeId: number | null = null): string | null {
    if (name in overrides) return overrides[name];
    const def = topicConfigDef.get(name)!;
    for (const synonym of def.synonyms) {
      const raw = this.brokerValue(synonym.name, nodeId);
      if (raw === null) continue;
      const value = parseValue(brokerConfigDef.get(synonym.name)!, raw);
      if ("error" in value) continue;
      if (!synonym.toMs) return formatValue(def.type, value.value);
      const ms = BigInt(value.value as number) * BigInt(synonym.toMs);
      return String(ms < 0n ? -1n : ms);
    }
    return def.default;
  }

  /** What the cluster acts on for a topic, with its overrides, on broker `nodeId`. */
  topicSettings(overrides: ConfigMap, nodeId: number | null = null): TopicSettings {
    const get = (name: string): ConfigValue => {
      const parsed = parseValue(topicConfigDef.get(name)!, this.topicValue(overrides, name, nodeId) ?? "");
      if ("error" in parsed) throw new Error(`stored config ${name} is invalid: ${parsed.error}`);
      return parsed.value;
    };
    return {
      retentionMs: get("retention.ms") as bigint,
      retentionBytes: get("retention.bytes") as bigint,
      segmentBytes: get("segment.bytes") as number,
      segmentMs: get("segment.ms") as bigint,
      minInsyncReplicas: get("min.insync.replicas") as number,
      maxMessageBytes: get("max.message.bytes") as number,
      uncleanLeaderElection: get("unclean.leader.election.enable") as boolean,
      deletes: (get("cleanup.policy") as string[]).includes("delete"),
    };
  }

  /** The dynamic broker configs of the cluster default (nodeId null) or of one broker. */
  dynamicConfigs(nodeId: number | null): ConfigMap {
    return { ...(nodeId === null ? this.dynamic.cluster : this.dynamic.brokers[nodeId] ?? {}) };
  }

  setDynamicConfigs(nodeId: number | null, values: ConfigMap): void {
    if (nodeId === null) this.dynamic.cluster = { ...values };
    else this.dynamic.brokers[nodeId] = { ...values };
  }

  /** For storage. */
  dynamicSnapshot(): DynamicBrokerConfigs {
    return { cluster: { ...this.dynamic.cluster }, brokers: Object.fromEntries(Object.entries(this.dynamic.brokers).map(([id, c]) => [id, { ...c }])) };
  }

  restoreDynamic(stored: DynamicBrokerConfigs | undefined): void {
    if (stored) this.dynamic = { cluster: { ...stored.cluster }, brokers: { ...stored.brokers } };
  }
}
