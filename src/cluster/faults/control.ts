import { FaultInjector, FaultRule, FaultRuleSpec, FaultTarget } from "./injector";
import { ProduceJournal, type ProducedBatch } from "./produce-journal";

/** What the cluster itself must offer for the structural faults. */
export interface ClusterActions {
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  /** Makes `leader` the leader of the partition (it must be a broker id). */
  moveLeader(topic: string, partition: number, leader: number): Promise<void>;
  /** Starts a rebalance of a consumer group; false when the group has no members. */
  rebalanceGroup(groupId: string): boolean;
  info(): { bootstrap: string; brokers: { nodeId: number; host: string; port: number; up: boolean }[] };
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
  };
}
