import { FaultInjector, FaultRule, FaultRuleSpec, FaultTarget } from "./injector";
import { ProduceJournal, type ProducedBatch } from "./produce-journal";

/** A topic with its partitions' leaders, in-sync replicas and offsets; offsets are bigint in process and JSON numbers over HTTP. */
export type TopicInfo<Offset> = {
  name: string;
  /** The topic's own configs (CreateTopics, IncrementalAlterConfigs); every other config has the broker's value. */
  configs: Record<string, string>;
  partitions: {
    partition: number;
    leader: number;
    leaderEpoch: number;
    replicas: number[];
    /** In-sync replicas: a replica on a stopped broker leaves; acks=all needs min.insync.replicas of them. */
    isr: number[];
    /** Replicas whose broker is stopped. */
    offlineReplicas: number[];
    logStartOffset: Offset;
    highWatermark: Offset;
    lastStableOffset: Offset;
    /** Bytes stored (what retention.bytes counts). */
    size: number;
  }[];
};

/** A topic as the control endpoint shows it. */
export type TopicView = TopicInfo<number>;

/** What the cluster itself must offer for the structural faults. */
export interface ClusterActions {
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  /** Makes `leader` the leader of the partition (it must be a broker id). */
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  /** Starts a rebalance of a consumer group; false when the group has no members. */
  rebalanceGroup(groupId: string): boolean;
  info(): { bootstrap: string; brokers: { nodeId: number; host: string; port: number; up: boolean }[] };
  /** Every topic with its partitions' leaders, ISRs and offsets. */
  topics(): TopicView[];
  /** One retention pass now. */
  enforceRetention(): void;
}

/**
 * The fault API a notebook or test uses, the same whether the cluster runs
 * in-process ({@link localFaultControl}) or in another process behind the
 * loopback control endpoint (`connectFaultControl` in ./client).
 */
export interface FaultControl {
  add(spec: FaultRuleSpec): Promise<FaultRule>;
  failNext(target: FaultTarget & { errorCode: number; count?: number; skip?: number }): Promise<FaultRule>;
  delayNext(target: FaultTarget & { ms: number; count?: number; skip?: number }): Promise<FaultRule>;
  dropNext(target: FaultTarget & { count?: number; skip?: number }): Promise<FaultRule>;
  closeNext(target: FaultTarget & { count?: number; skip?: number }): Promise<FaultRule>;
  rules(): Promise<FaultRule[]>;
  clear(id?: number): Promise<void>;
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  rebalanceGroup(groupId: string): Promise<boolean>;
  info(): Promise<ReturnType<ClusterActions["info"]>>;
  /** Every Produce batch a partition received, oldest first: producer id, epoch, sequence, and the broker's answer. */
  produceLog(topic: string, partition: number): Promise<ProducedBatch[]>;
  /** Every topic with its partitions' leaders, in-sync replicas (ISR) and offsets. */
  topics(): Promise<TopicView[]>;
  /** Runs one retention pass now instead of waiting for log.retention.check.interval.ms. */
  enforceRetention(): Promise<void>;
}

/** Fault control over an injector and cluster in this process. */
export function localFaultControl(injector: FaultInjector, actions: ClusterActions, journal = new ProduceJournal()): FaultControl {
  const add = async (spec: FaultRuleSpec) => injector.add(spec);
  return {
    add,
    failNext: async (t) => injector.failNext(t),
    delayNext: async (t) => injector.delayNext(t),
    dropNext: async (t) => injector.dropNext(t),
    closeNext: async (t) => injector.closeNext(t),
    rules: async () => injector.list(),
    clear: async (id) => injector.clear(id),
    stopBroker: (id) => actions.stopBroker(id),
    startBroker: (id) => actions.startBroker(id),
    moveLeader: (topic, partition, leader) => actions.moveLeader(topic, partition, leader),
    rebalanceGroup: async (groupId) => actions.rebalanceGroup(groupId),
    info: async () => actions.info(),
    produceLog: async (topic, partition) => journal.batches(topic, partition),
    topics: async () => actions.topics(),
    enforceRetention: async () => actions.enforceRetention(),
  };
}
