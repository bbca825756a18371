// DescribeConfigs' entries for a topic or a broker, built as Kafka's
// ConfigHelper builds them: the value, the source of the value and, when
// asked, its synonyms — every layer that sets one of the config's names, in
// priority order, starting at the config's own name (so a topic's retention.ms
// shows no synonym while only log.retention.hours=168 is set).
import { BROKER_CONFIGS, brokerConfigDef, brokerSynonyms, TOPIC_CONFIGS } from "./definitions";
import type { ClusterConfigs, ConfigMap } from "./store";
import { CONFIG_TYPE_ID, ConfigSource } from "./types";

export type Synonym = { name: string; value: string | null; source: number };

export type ConfigEntry = {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  synonyms: Synonym[];
  configType: number;
};

function configSynonyms(configs: ClusterConfigs, nodeId: number | null, name: string, names: string[]): Synonym[] {
  const found: Synonym[] = [];
  for (const layer of configs.layers(nodeId)) {
    for (const n of names) if (n in layer.values) found.push({ name: n, value: layer.values[n], source: layer.source });
  }
  const own = found.findIndex((s) => s.name === name);
  return own < 0 ? [] : found.slice(own);
}

/** Every topic config of a topic with these overrides, as broker `nodeId` sees it. */
export function describeTopic(configs: ClusterConfigs, overrides: ConfigMap, nodeId: number): ConfigEntry[] {
  return TOPIC_CONFIGS.map((def) => {
    const first = def.synonyms[0]?.name;
    const synonyms = first ? configSynonyms(configs, nodeId, first, brokerSynonyms(first)) : [];
    const value = configs.topicValue(overrides, def.name, nodeId);
    if (def.name in overrides) synonyms.unshift({ name: def.name, value, source: ConfigSource.TOPIC_CONFIG });
    return {
      name: def.name, value, readOnly: false, isSensitive: false, synonyms,
      configSource: synonyms[0]?.source ?? ConfigSource.DEFAULT_CONFIG, configType: CONFIG_TYPE_ID[def.type],
    };
  });
}

/**
 * A broker's configs (nodeId) or the cluster-wide dynamic defaults (null):
 * for the cluster default only the configs set there, with only that layer
 * as synonyms, as Kafka answers for the empty broker name.
 */
export function describeBroker(configs: ClusterConfigs, nodeId: number | null): ConfigEntry[] {
  const names = nodeId === null ? Object.keys(configs.dynamicConfigs(null)) : BROKER_CONFIGS.map((d) => d.name);
  return names.map((name) => {
    const def = brokerConfigDef.get(name)!;
    const synonyms = configSynonyms(configs, nodeId, name, brokerSynonyms(name))
      .filter((s) => nodeId !== null || s.source === ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
    return {
      name, value: nodeId === null ? configs.dynamicConfigs(null)[name] : configs.brokerValue(name, nodeId),
      readOnly: !def.dynamic, isSensitive: false, synonyms,
      configSource: synonyms[0]?.source ?? ConfigSource.DEFAULT_CONFIG, configType: CONFIG_TYPE_ID[def.type],
    };
  });
}
