// Kafka 3.9's topic configs (LogConfig), the broker configs they fall back
// to (ServerTopicConfigSynonyms: e.g. retention.ms ← log.retention.ms,
// log.retention.minutes, log.retention.hours) and the broker configs this
// cluster reads, with Kafka's types, defaults and checks. Which of them
// change what the cluster does is listed in the README.
import { atLeast, between, LONG_MAX_TEXT as MAX, oneOf, type BrokerConfigDef, type Check, type ConfigType, type TopicConfigDef } from "./types";

const HOUR = 3_600_000;
const MINUTE = 60_000;

const gzipLevel: Check = (v) => (Number(v) === -1 || (Number(v) >= 1 && Number(v) <= 9) ? undefined : "Value must be between 1 and 9, or -1");
const formatVersion: Check = (v) => (/^\d+\.\d+(\.\d+)?(-IV\d+)?$/.test(String(v)) ? undefined : "not a valid Kafka version, such as 3.0-IV1");
const throttledReplicas: Check = (v) =>
  (v as string[]).every((x) => x === "*" || /^\d+:\d+$/.test(x)) ? undefined : "must be the literal '*' or a list of replicas in the format [partitionId]:[brokerId],...";

const topic = (name: string, type: ConfigType, synonyms: (string | [string, number])[], check?: Check, ownDefault: string | null = null): TopicConfigDef => ({
  name, type, default: ownDefault, check,
  synonyms: synonyms.map((s) => (typeof s === "string" ? { name: s } : { name: s[0], toMs: s[1] })),
});

/** Every topic config Kafka accepts, in LogConfig's order. */
export const TOPIC_CONFIGS: readonly TopicConfigDef[] = [
  topic("segment.bytes", "int", ["log.segment.bytes"], atLeast(14)),
  topic("segment.ms", "long", ["log.roll.ms", ["log.roll.hours", HOUR]], atLeast(1)),
  topic("segment.jitter.ms", "long", ["log.roll.jitter.ms", ["log.roll.jitter.hours", HOUR]], atLeast(0)),
  topic("segment.index.bytes", "int", ["log.index.size.max.bytes"], atLeast(4)),
  topic("flush.messages", "long", ["log.flush.interval.messages"], atLeast(1)),
  topic("flush.ms", "long", ["log.flush.interval.ms", "log.flush.scheduler.interval.ms"], atLeast(0)),
  topic("retention.bytes", "long", ["log.retention.bytes"]),
  topic("retention.ms", "long", ["log.retention.ms", ["log.retention.minutes", MINUTE], ["log.retention.hours", HOUR]], atLeast(-1)),
  topic("max.message.bytes", "int", ["message.max.bytes"], atLeast(0)),
  topic("index.interval.bytes", "int", ["log.index.interval.bytes"], atLeast(0)),
  topic("delete.retention.ms", "long", ["log.cleaner.delete.retention.ms"], atLeast(0)),
  topic("min.compaction.lag.ms", "long", ["log.cleaner.min.compaction.lag.ms"], atLeast(0)),
  topic("max.compaction.lag.ms", "long", ["log.cleaner.max.compaction.lag.ms"], atLeast(1)),
  topic("file.delete.delay.ms", "long", ["log.segment.delete.delay.ms"], atLeast(0)),
  topic("min.cleanable.dirty.ratio", "double", ["log.cleaner.min.cleanable.ratio"], between(0, 1)),
  topic("cleanup.policy", "list", ["log.cleanup.policy"], oneOf("compact", "delete")),
  topic("unclean.leader.election.enable", "boolean", ["unclean.leader.election.enable"]),
  topic("min.insync.replicas", "int", ["min.insync.replicas"], atLeast(1)),
  topic("compression.type", "string", ["compression.type"], oneOf("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer")),
  topic("compression.gzip.level", "int", ["compression.gzip.level"], gzipLevel),
  topic("compression.lz4.level", "int", ["compression.lz4.level"], between(1, 17)),
  topic("compression.zstd.level", "int", ["compression.zstd.level"], between(-131072, 22)),
  topic("preallocate", "boolean", ["log.preallocate"]),
  topic("message.format.version", "string", ["log.message.format.version"], formatVersion),
  topic("message.timestamp.type", "string", ["log.message.timestamp.type"], oneOf("CreateTime", "LogAppendTime")),
  topic("message.timestamp.difference.max.ms", "long", ["log.message.timestamp.difference.max.ms"], atLeast(0)),
  topic("message.timestamp.before.max.ms", "long", ["log.message.timestamp.before.max.ms"], atLeast(0)),
  topic("message.timestamp.after.max.ms", "long", ["log.message.timestamp.after.max.ms"], atLeast(0)),
  topic("leader.replication.throttled.replicas", "list", [], throttledReplicas, ""),
  topic("follower.replication.throttled.replicas", "list", [], throttledReplicas, ""),
  topic("message.downconversion.enable", "boolean", ["log.message.downconversion.enable"]),
  topic("remote.storage.enable", "boolean", [], undefined, "false"),
  topic("local.retention.ms", "long", ["log.local.retention.ms"], atLeast(-2)),
  topic("local.retention.bytes", "long", ["log.local.retention.bytes"], atLeast(-2)),
  topic("remote.log.copy.disable", "boolean", [], undefined, "false"),
  topic("remote.log.delete.on.disable", "boolean", [], undefined, "false"),
];

const broker = (name: string, type: ConfigType, def: string | null, dynamic: boolean, check?: Check): BrokerConfigDef => ({ name, type, default: def, dynamic, check });

/** The broker configs described and read here. `dynamic` ones IncrementalAlterConfigs may change (the topic defaults, as in Kafka). */
export const BROKER_CONFIGS: readonly BrokerConfigDef[] = [
  broker("broker.id", "int", "-1", false),
  broker("node.id", "int", "-1", false),
  broker("num.partitions", "int", "1", false, atLeast(1)),
  broker("default.replication.factor", "int", "1", false, atLeast(1)),
  broker("auto.create.topics.enable", "boolean", "true", false),
  broker("socket.request.max.bytes", "int", "104857600", false, atLeast(1)),
  broker("log.retention.check.interval.ms", "long", "300000", false, atLeast(1)),
  broker("offsets.retention.minutes", "int", "10080", false, atLeast(1)),
  broker("offsets.retention.check.interval.ms", "long", "600000", false, atLeast(1)),
  broker("offsets.topic.num.partitions", "int", "50", false, atLeast(1)),
  broker("offsets.topic.replication.factor", "short", "3", false, atLeast(1)),
  broker("transaction.state.log.num.partitions", "int", "50", false, atLeast(1)),
  broker("transaction.state.log.replication.factor", "short", "3", false, atLeast(1)),
  broker("transaction.state.log.min.isr", "int", "2", false, atLeast(1)),
  broker("transaction.max.timeout.ms", "int", "900000", false, atLeast(1)),
  broker("group.initial.rebalance.delay.ms", "int", "3000", false),
  broker("group.min.session.timeout.ms", "int", "6000", false),
  broker("group.max.session.timeout.ms", "int", "1800000", false),
  // StandardAuthorizer's: principals allowed everything ("User:admin;User:ops"), and the answer for a resource without ACLs.
  broker("super.users", "string", null, false),
  broker("allow.everyone.if.no.acl.found", "boolean", "false", false),
  // The broker side of the topic configs: the first synonym of each is dynamic (DynamicLogConfig), the others are not.
  broker("log.segment.bytes", "int", "1073741824", true, atLeast(14)),
  broker("log.roll.ms", "long", null, true),
  broker("log.roll.hours", "int", "168", false, atLeast(1)),
  broker("log.roll.jitter.ms", "long", null, true),
  broker("log.roll.jitter.hours", "int", "0", false, atLeast(0)),
  broker("log.index.size.max.bytes", "int", "10485760", true, atLeast(4)),
  broker("log.flush.interval.messages", "long", MAX, true, atLeast(1)),
  broker("log.flush.interval.ms", "long", null, true),
  broker("log.flush.scheduler.interval.ms", "long", MAX, false),
  broker("log.retention.bytes", "long", "-1", true),
  broker("log.retention.ms", "long", null, true),
  broker("log.retention.minutes", "int", null, false),
  broker("log.retention.hours", "int", "168", false),
  broker("message.max.bytes", "int", "1048588", true, atLeast(0)),
  broker("log.index.interval.bytes", "int", "4096", true, atLeast(0)),
  broker("log.cleaner.delete.retention.ms", "long", "86400000", true, atLeast(0)),
  broker("log.cleaner.min.compaction.lag.ms", "long", "0", true, atLeast(0)),
  broker("log.cleaner.max.compaction.lag.ms", "long", MAX, true, atLeast(1)),
  broker("log.segment.delete.delay.ms", "long", "60000", true, atLeast(0)),
  broker("log.cleaner.min.cleanable.ratio", "double", "0.5", true, between(0, 1)),
  broker("log.cleanup.policy", "list", "delete", true, oneOf("compact", "delete")),
  broker("unclean.leader.election.enable", "boolean", "false", true),
  broker("min.insync.replicas", "int", "1", true, atLeast(1)),
  broker("compression.type", "string", "producer", true, oneOf("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer")),
  broker("compression.gzip.level", "int", "-1", true, gzipLevel),
  broker("compression.lz4.level", "int", "9", true, between(1, 17)),
  broker("compression.zstd.level", "int", "3", true, between(-131072, 22)),
  broker("log.preallocate", "boolean", "false", true),
  broker("log.message.format.version", "string", "3.0-IV1", false, formatVersion),
  broker("log.message.timestamp.type", "string", "CreateTime", true, oneOf("CreateTime", "LogAppendTime")),
  broker("log.message.timestamp.difference.max.ms", "long", MAX, true, atLeast(0)),
  broker("log.message.timestamp.before.max.ms", "long", MAX, true, atLeast(0)),
  broker("log.message.timestamp.after.max.ms", "long", MAX, true, atLeast(0)),
  broker("log.message.downconversion.enable", "boolean", "true", true),
  broker("log.local.retention.ms", "long", "-2", true, atLeast(-2)),
  broker("log.local.retention.bytes", "long", "-2", true, atLeast(-2)),
];

export const topicConfigDef = new Map<string, TopicConfigDef>(TOPIC_CONFIGS.map((d) => [d.name, d]));
export const brokerConfigDef = new Map<string, BrokerConfigDef>(BROKER_CONFIGS.map((d) => [d.name, d]));

/** Kafka's brokerConfigSynonyms: the names that set the same broker value, most specific first. */
export function brokerSynonyms(name: string): string[] {
  if (name === "log.flush.interval.ms") return ["log.flush.interval.ms", "log.flush.scheduler.interval.ms"];
  const durations = ["segment.ms", "segment.jitter.ms", "retention.ms"].map((t) => topicConfigDef.get(t)!.synonyms.map((s) => s.name));
  return durations.find((names) => names.includes(name)) ?? [name];
}
