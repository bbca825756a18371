// The cluster's data: brokers (up or down), topics, and for every partition
// its log, leader, leader epoch and replicas.
import type { PartitionLog } from "../log/partition-log";
import type { ClusterStorage } from "../storage/storage";

export type BrokerInfo = { nodeId: number; host: string; port: number; up: boolean };

export type Partition = {
  index: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  log: PartitionLog;
};

export type Topic = { name: string; partitions: Partition[] };

export type ClusterSettings = {
  /** Where topics and logs are kept across restarts; in memory only when absent. */
  storage?: ClusterStorage;
  autoCreateTopics: boolean;
  numPartitions: number;
  defaultReplicationFactor: number;
};
