// Checking and applying config changes, with the errors Kafka gives: a
// topic's bad key or value is INVALID_CONFIG (LogConfig.validate), a broker
// change that is not allowed is INVALID_REQUEST (Kafka's ConfigAdminManager,
// see KAFKA-13609), and a malformed request (a key twice, a null value to
// set) is INVALID_REQUEST for either.
import { ErrorCode } from "../protocol/errors";
import { brokerConfigDef, topicConfigDef } from "./definitions";
import type { ConfigMap } from "./store";
import type { ConfigDef } from "./types";
import { parseValue } from "./values";

/** IncrementalAlterConfigs' ConfigOperation. */
export const ConfigOp = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export type ConfigChange = { name: string; configOperation: number; value: string | null };

export type ChangeResult = { configs: ConfigMap } | { errorCode: number; errorMessage: string };

const fail = (errorCode: number, errorMessage: string) => ({ errorCode, errorMessage });

/** Duplicate keys and null values refuse the whole resource before anything else. */
function malformed(changes: ConfigChange[]): ChangeResult | undefined {
  const names = changes.map((c) => c.name);
  if (new Set(names).size !== names.length) return fail(ErrorCode.INVALID_REQUEST, "Error due to duplicate config keys");
  const nulls = changes.filter((c) => c.configOperation !== ConfigOp.DELETE && c.value === null).map((c) => c.name);
  if (nulls.length > 0) return fail(ErrorCode.INVALID_REQUEST, `Null value not supported for : ${nulls.join(", ")}`);
  return undefined;
}

function applyOps(current: ConfigMap, changes: ConfigChange[], defOf: (name: string) => ConfigDef | undefined, errorCode: number): ChangeResult {
  const next = { ...current };
  for (const { name, configOperation, value } of changes) {
    if (configOperation === ConfigOp.SET) next[name] = value!;
    else if (configOperation === ConfigOp.DELETE) delete next[name];
    else if (configOperation === ConfigOp.APPEND || configOperation === ConfigOp.SUBTRACT) {
      const def = defOf(name);
      if (!def) return fail(errorCode, `Unknown config name: ${name}`);
      const verb = configOperation === ConfigOp.APPEND ? "append" : "subtract";
      if (def.type !== "list") return fail(errorCode, `Config value ${verb} is not allowed for config key: ${name}`);
      const old = (next[name] ?? def.default ?? "").split(",").filter((v) => v !== "");
      const given = value!.split(",");
      next[name] = (verb === "append" ? [...old, ...given.filter((v) => !old.includes(v))] : old.filter((v) => !given.includes(v))).join(",");
    } else return fail(ErrorCode.INVALID_REQUEST, `Unknown operations type ${configOperation}`);
  }
  return { configs: next };
}

/** Kafka's LogConfig.validate: known names, valid values, and the checks across configs. */
function validateTopic(configs: ConfigMap): ChangeResult {
  const out: ConfigMap = {};
  for (const [name, raw] of Object.entries(configs)) {
    const def = topicConfigDef.get(name);
    if (!def) return fail(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${name}`);
    const parsed = parseValue(def, raw);
    if ("error" in parsed) return fail(ErrorCode.INVALID_CONFIG, parsed.error);
    out[name] = parsed.text;
  }
  if (out["remote.storage.enable"] === "true") {
    return fail(ErrorCode.INVALID_CONFIG, "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.");
  }
  const minLag = BigInt(out["min.compaction.lag.ms"] ?? "0");
  if (out["max.compaction.lag.ms"] !== undefined && minLag > BigInt(out["max.compaction.lag.ms"])) {
    return fail(ErrorCode.INVALID_CONFIG, `conflict topic config setting min.compaction.lag.ms (${minLag}) > max.compaction.lag.ms (${out["max.compaction.lag.ms"]})`);
  }
  return { configs: out };
}

/** A new topic's configs (CreateTopics): null values are INVALID_CONFIG there, as Kafka's controller answers. */
export function checkNewTopicConfigs(configs: { name: string; value: string | null }[]): ChangeResult {
  const nulls = configs.filter((c) => c.value === null).map((c) => c.name);
  if (nulls.length > 0) return fail(ErrorCode.INVALID_CONFIG, `Null value not supported for topic configs: ${nulls.join(",")}`);
  return validateTopic(Object.fromEntries(configs.map((c) => [c.name, c.value!])));
}

/** IncrementalAlterConfigs on a topic: the topic's overrides after `changes`, or the error. */
export function alterTopicConfigs(current: ConfigMap, changes: ConfigChange[]): ChangeResult {
  const withKafkaDefault = (n: string) => {
    const def = topicConfigDef.get(n);
    return def && { ...def, default: def.default ?? (def.synonyms[0] && brokerConfigDef.get(def.synonyms[0].name)?.default) ?? null };
  };
  const applied = malformed(changes) ?? applyOps(current, changes, withKafkaDefault, ErrorCode.INVALID_CONFIG);
  return "configs" in applied ? validateTopic(applied.configs) : applied;
}

/** IncrementalAlterConfigs on a broker (or the cluster default): only dynamic configs may change. */
export function alterBrokerConfigs(current: ConfigMap, changes: ConfigChange[]): ChangeResult {
  const applied = malformed(changes) ?? applyOps(current, changes, (n) => brokerConfigDef.get(n), ErrorCode.INVALID_REQUEST);
  if (!("configs" in applied)) return applied;
  const fixed = Object.keys(applied.configs).filter((n) => !brokerConfigDef.get(n)?.dynamic);
  if (fixed.length > 0) return fail(ErrorCode.INVALID_REQUEST, `Cannot update these configs dynamically: Set(${fixed.join(", ")})`);
  const out: ConfigMap = {};
  for (const [name, raw] of Object.entries(applied.configs)) {
    const parsed = parseValue(brokerConfigDef.get(name)!, raw);
    if ("error" in parsed) return fail(ErrorCode.INVALID_REQUEST, parsed.error);
    out[name] = parsed.text;
  }
  return { configs: out };
}

/** AlterConfigs (the legacy API kafkajs uses): the resource's dynamic configs become exactly `entries`. */
export function replaceConfigs(entries: { name: string; value: string | null }[], topic: boolean): ChangeResult {
  const changes = entries.map((e) => ({ name: e.name, configOperation: ConfigOp.SET, value: e.value }));
  return topic ? alterTopicConfigs({}, changes) : alterBrokerConfigs({}, changes);
}
