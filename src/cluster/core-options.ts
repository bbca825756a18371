// What a cluster is started with, and the broker configs (Kafka's
// server.properties) that follow from it.
import type { Clock } from "./coordination/clock";
import type { ClusterDefect } from "./defects";
import type { SaslOptions } from "./sasl";
import type { ClusterStorage } from "./storage/storage";

export type ClusterCoreOptions = {
  /** Number of brokers (default 3). */
  brokers?: number;
  /** The first broker's node id; the others follow (default 1; Kafka's quickstarts count from 0). */
  firstNodeId?: number;
  /** The host brokers advertise in Metadata (default "127.0.0.1"). */
  host?: string;
  /** Broker i advertises port + i - 1 (default 9092; in memory these ports are only names). */
  port?: number;
  /** Where topics, logs and coordinator journals survive a restart; in memory when absent. */
  storage?: ClusterStorage;
  /**
   * Static broker configs, as in Kafka's server.properties, e.g.
   * `{ "min.insync.replicas": "2", "log.retention.check.interval.ms": "1000" }`;
   * an unknown key or bad value throws ConfigError. The typed options below win over these.
   */
  configs?: Record<string, string>;
  /** Kafka's auto.create.topics.enable (default true). */
  autoCreateTopics?: boolean;
  /** Kafka's num.partitions for auto-created topics and CreateTopics with -1 (default 1). */
  numPartitions?: number;
  /** Kafka's default.replication.factor (default 1). */
  defaultReplicationFactor?: number;
  /** Kafka's socket.request.max.bytes: larger frames close the connection (default 100 MiB). */
  maxRequestBytes?: number;
  /** Kafka's message.max.bytes: larger record batches are refused unless a topic's max.message.bytes allows them (default 1 MiB + 12). */
  maxMessageBytes?: number;
  /** The clock of the coordinators, retention and segment rolling (default: the system clock; tests pass a ManualClock). */
  clock?: Clock;
  /** Where brokers report dropped connections and internal errors (default: silent). */
  log?: (line: string) => void;
  /** How long a partition reassignment's new replicas take to catch up, so ListPartitionReassignments shows it in progress (default 1000 ms). */
  reassignmentDelayMs?: number;
  /** Require SASL authentication (PLAIN, SCRAM-SHA-256/512) from these users on every connection. */
  sasl?: SaslOptions;
  /**
   * Deliberate defects (./defects.ts), for the course's mutation test only:
   * the CLI, the build and connect() never set this.
   */
  defects?: readonly ClusterDefect[];
};

/**
 * The static broker configs of a cluster of `brokers` brokers: a few that
 * differ from Kafka's defaults because this cluster is small and local
 * (no initial rebalance delay; internal topics replicated at most as many
 * times as there are brokers; a SASL listener enforces ACLs only on resources
 * that have some, so turning on SASL locks nobody out), then
 * `options.configs`, then the typed options.
 */
export function staticBrokerConfigs(options: ClusterCoreOptions, brokers: number): Record<string, string> {
  const typed: [string, unknown][] = [
    ["auto.create.topics.enable", options.autoCreateTopics],
    ["num.partitions", options.numPartitions],
    ["default.replication.factor", options.defaultReplicationFactor],
    ["socket.request.max.bytes", options.maxRequestBytes],
    ["message.max.bytes", options.maxMessageBytes],
  ];
  return {
    "group.initial.rebalance.delay.ms": "0",
    "offsets.topic.replication.factor": String(Math.min(3, brokers)),
    "transaction.state.log.replication.factor": String(Math.min(3, brokers)),
    "transaction.state.log.min.isr": String(Math.min(2, brokers)),
    "allow.everyone.if.no.acl.found": "true",
    ...options.configs,
    ...Object.fromEntries(typed.filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
  };
}
