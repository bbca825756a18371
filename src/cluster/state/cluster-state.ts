// The cluster's shared model: brokers, topics and partitions (./model.ts).
// All brokers of the in-process cluster read and change this one object; the
// rules live beside it — plans in ./topic-plans.ts, leaders and ISRs in
// ./leader-election.ts, the internal topics in ./internal-topics.ts — and
// durability behind ClusterStorage (./stored-topics.ts); the ACLs in
// ../acls/store.ts.
import { AclStore } from "../acls/store";
import type { TopicSettings } from "../configs/store";
import { PartitionLog } from "../log/partition-log";
import { ErrorCode } from "../protocol/errors";
import type { StoredPartition } from "../storage/storage";
import { InternalTopics, type CoordinatorKind } from "./internal-topics";
import { electOnRequest, initialLeadership, moveLeader, reelect, type ElectionType } from "./leader-election";
import type { BrokerInfo, ClusterSettings, Partition, Topic } from "./model";
import { Reassignments } from "./reassignments";
import { storedLeadership, toStored } from "./stored-topics";
import { TopicError } from "./topic-errors";
import { planPartitions, planTopic, type PlanContext } from "./topic-plans";
import { collisionKey, invalidTopicName } from "./topic-rules";

export type { BrokerInfo, ClusterSettings, Partition, Topic } from "./model";

export class ClusterState {
  readonly topics = new Map<string, Topic>();
  readonly brokers: BrokerInfo[] = [];
  readonly clusterId = "partition-lab";
  /** The ACLs (CreateAcls, DeleteAcls), saved with the topics. */
  readonly acls = new AclStore(() => this.save());
  private internal: InternalTopics | undefined;
  private readonly reassignments: Reassignments;

  constructor(readonly settings: ClusterSettings) {
    this.reassignments = new Reassignments(settings.schedule, settings.reassignmentDelayMs ?? 0, (id) => this.isUp(id), () => this.save());
  }

  get configs() {
    return this.settings.configs;
  }

  liveBrokerIds(): number[] {
    return this.brokers.filter((b) => b.up).map((b) => b.nodeId);
  }

  /** The controller: the lowest live broker id (-1 when none is up). */
  get controllerId(): number {
    return this.liveBrokerIds()[0] ?? -1;
  }

  broker(nodeId: number): BrokerInfo | undefined {
    return this.brokers.find((b) => b.nodeId === nodeId);
  }

  partition(topic: string, index: number): Partition | undefined {
    return this.topics.get(topic)?.partitions[index];
  }

  /** Call once the brokers are listed: places the internal topics and loads stored topics, if any. */
  load(): void {
    const n = (name: string) => this.configs.brokerNumber(name);
    this.internal = new InternalTopics(
      this.brokers.map((b) => b.nodeId),
      { group: n("offsets.topic.num.partitions"), transaction: n("transaction.state.log.num.partitions") },
      { group: n("offsets.topic.replication.factor"), transaction: n("transaction.state.log.replication.factor") },
      (id) => this.isUp(id),
    );
    const { storage } = this.settings;
    if (!storage) return;
    const stored = storage.loadMetadata();
    this.configs.restoreDynamic(stored.brokerConfigs);
    this.acls.restore(stored.acls ?? []);
    for (const t of stored.topics) {
      const topic: Topic = { name: t.name, configs: { ...t.configs }, partitions: [] };
      this.topics.set(t.name, topic);
      topic.partitions = t.partitions.map((p, index) => this.newPartition(t.name, index, p.replicas, p));
      for (const p of topic.partitions) this.reassignments.resume(p);
    }
  }

  /** Writes the metadata that survives a restart (with --data-dir). */
  save(): void {
    this.settings.storage?.saveMetadata(toStored(this.topics.values(), this.configs, this.acls.all()));
  }

  private newPartition(topic: string, index: number, replicas: number[], stored?: StoredPartition): Partition {
    const leadership = stored ? storedLeadership(stored, (id) => this.isUp(id)) : initialLeadership(replicas, (id) => this.isUp(id));
    const log = new PartitionLog(topic, index, {
      files: this.settings.storage?.openLog(topic, index),
      settings: () => this.topicSettings(topic),
      now: this.settings.now,
    });
    // A start past what the segments still hold (files lost) cannot be restored; the log starts at its end.
    if (stored?.logStartOffset) log.advanceLogStart(minBigInt(BigInt(stored.logStartOffset), log.highWatermark));
    return { index, ...leadership, log };
  }

  private isUp(nodeId: number): boolean {
    return this.broker(nodeId)?.up === true;
  }

  /** The broker coordinating a group id or transactional id: the leader of its internal topic partition. */
  coordinatorFor(key: string, kind: CoordinatorKind): number | undefined {
    return this.internal?.coordinator(key, kind);
  }

  /** A topic's effective configs (its own, else the broker's) as broker `nodeId` applies them. */
  topicSettings(name: string, nodeId: number | null = null): TopicSettings {
    return this.configs.topicSettings(this.topics.get(name)?.configs ?? {}, nodeId);
  }

  private planContext(placementStart: number): PlanContext {
    return {
      brokerIds: this.brokers.map((b) => b.nodeId),
      defaults: { numPartitions: this.configs.brokerNumber("num.partitions"), replicationFactor: this.configs.brokerNumber("default.replication.factor") },
      exists: (name) => this.topics.has(name),
      collidingWith: (name) => [...this.topics.keys()].find((t) => collisionKey(t) === collisionKey(name)),
      placementStart,
    };
  }

  /** Checks a topic creation (see ./topic-plans.ts); returns the replica lists to create, or throws TopicError. */
  planTopic(name: string, numPartitions: number, replicationFactor: number, assignments: { partitionIndex: number; brokerIds: number[] }[] = []): number[][] {
    return planTopic(this.planContext(this.topics.size), name, numPartitions, replicationFactor, assignments);
  }

  /** Creates a topic with already checked replica lists and configs. */
  createTopic(name: string, replicas: number[][], configs: Record<string, string> = {}): Topic {
    const topic: Topic = { name, configs: { ...configs }, partitions: [] };
    this.topics.set(name, topic);
    topic.partitions = replicas.map((r, i) => this.newPartition(name, i, r));
    this.save();
    return topic;
  }

  /** Creates `name` with the defaults when auto-creation is on; returns the topic or undefined. Throws TopicError when Kafka would refuse the name. */
  autoCreate(name: string): Topic | undefined {
    const existing = this.topics.get(name);
    if (existing || !this.configs.brokerFlag("auto.create.topics.enable") || invalidTopicName(name)) return existing;
    const rf = Math.min(this.configs.brokerNumber("default.replication.factor"), this.brokers.length);
    return this.createTopic(name, this.planTopic(name, this.configs.brokerNumber("num.partitions"), rf));
  }

  deleteTopic(name: string): void {
    const topic = this.existing(name);
    for (const p of topic.partitions) this.reassignments.forget(p);
    for (const p of topic.partitions) p.log.remove();
    this.topics.delete(name);
    this.save();
  }

  /** Replaces a topic's configs (already checked). */
  setTopicConfigs(name: string, configs: Record<string, string>): void {
    this.existing(name).configs = { ...configs };
    this.save();
  }

  /** Checks growing a topic to `count` partitions; existing partitions and their records are untouched. */
  planPartitions(name: string, count: number, assignments: { brokerIds: number[] }[] | null): number[][] {
    const topic = this.existing(name);
    const placementStart = [...this.topics.keys()].indexOf(name);
    return planPartitions(this.planContext(placementStart), name, topic.partitions.length, topic.partitions[0].replicas.length, count, assignments);
  }

  addPartitions(name: string, replicas: number[][]): void {
    const topic = this.existing(name);
    for (const r of replicas) topic.partitions.push(this.newPartition(name, topic.partitions.length, r));
    this.save();
  }

  private existing(name: string): Topic {
    const topic = this.topics.get(name);
    if (!topic) throw new TopicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic '${name}' does not exist`);
    return topic;
  }

  /** Makes `leader` lead the partition, bumping the leader epoch as a leader election does. */
  moveLeader(topic: string, index: number, leader: number): void {
    const p = this.partition(topic, index);
    if (!p) throw new Error(`no partition ${topic}-${index}`);
    moveLeader(p, this.broker(leader), leader, this.brokers.map((b) => b.nodeId), (id) => this.isUp(id));
    this.save();
  }

  /** Starts, replaces or (replicas null) cancels a partition's reassignment (KIP-455); throws TopicError as Kafka refuses. */
  alterReassignment(topic: string, index: number, replicas: number[] | null): void {
    const t = this.topics.get(topic);
    if (!t) throw new TopicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unable to find a topic named ${topic}.`);
    const p = t.partitions[index];
    if (!p) throw new TopicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unable to find partition ${topic}:${index}.`);
    const unclean = this.topicSettings(topic).uncleanLeaderElection;
    this.reassignments.alter(p, replicas, this.brokers.map((b) => b.nodeId), unclean);
    this.save();
  }

  /** Runs the election ElectLeaders asks for on one partition; returns Kafka's error code and message. */
  electLeader(topic: string, index: number, type: ElectionType): { errorCode: number; errorMessage: string | null } {
    const t = this.topics.get(topic);
    if (!t) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `No such topic as ${topic}` };
    const p = t.partitions[index];
    if (!p) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `No such partition as ${topic}-${index}` };
    const errorCode = electOnRequest(p, type, (id) => this.isUp(id));
    if (errorCode === ErrorCode.NONE) this.save();
    return { errorCode, errorMessage: null };
  }

  /** Marks a broker down or up and re-elects leaders and ISRs, as the controller would. */
  setBrokerUp(nodeId: number, up: boolean): void {
    const broker = this.broker(nodeId);
    if (!broker) throw new Error(`no broker ${nodeId}`);
    broker.up = up;
    const isUp = (id: number) => this.isUp(id);
    for (const t of this.topics.values()) {
      const unclean = this.topicSettings(t.name).uncleanLeaderElection;
      for (const p of t.partitions) reelect(p, nodeId, up, isUp, unclean);
      for (const p of t.partitions) this.reassignments.brokerChanged(p);
    }
    this.internal?.brokerChanged(nodeId, up, isUp);
    this.save();
  }

  /** One retention pass over every partition (Kafka: every log.retention.check.interval.ms). */
  enforceRetention(): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.enforceRetention();
  }

  close(): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.close();
  }
}

function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
