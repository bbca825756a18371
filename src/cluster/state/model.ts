// The cluster's data: brokers (up or down), topics with their configs, and
// for every partition its log, leader, leader epoch, replicas and in-sync
// replicas.
import type { ClusterConfigs, ConfigMap } from "../configs/store";
import type { PartitionLog } from "../log/partition-log";
import type { ClusterStorage } from "../storage/storage";

export type BrokerInfo = { nodeId: number; host: string; port: number; up: boolean };

/** Who leads a partition and which replicas are in sync (also the internal topics' partitions, which have no log here). */
export type Leadership = {
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  /** In-sync replicas: every live replica while there is a leader; the last leader alone while the partition is offline. */
  isr: number[];
  /** While a reassignment (KIP-455) is in progress: the replicas it adds and removes (replicas holds both). */
  addingReplicas?: number[];
  removingReplicas?: number[];
};

export type Partition = Leadership & { index: number; log: PartitionLog };

export type Topic = { name: string; partitions: Partition[]; configs: ConfigMap };

export type ClusterSettings = {
  /** Where topics and logs are kept across restarts; in memory only when absent. */
  storage?: ClusterStorage;
  /** Broker configs (static, dynamic) and the topic configs they imply. */
  configs: ClusterConfigs;
  /** The clock retention and segment rolling read (the coordinators' clock). */
  now?: () => number;
  /** One-shot timers (the coordinators' clock); without them a reassignment's replicas catch up at once. */
  schedule?: (ms: number, fn: () => void) => () => void;
  /** How long a reassignment's added replicas take to catch up (default 0). */
  reassignmentDelayMs?: number;
};
