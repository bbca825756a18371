// The cluster's shared model: brokers (up or down), topics, and for every
// partition its log, leader, leader epoch and replicas. All brokers of the
// in-process cluster read and change this one object.
import { ErrorCode } from "../protocol";
import { PartitionLog } from "../log/partition-log";
import type { ClusterStorage, StoredTopic } from "../storage/storage";
import { assignReplicas, invalidTopicName } from "./topic-rules";

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

/** A topic-level failure with the Kafka error code to answer. */
export class TopicError extends Error {
  constructor(readonly errorCode: number, message: string) {
    super(message);
  }
}

/** Runs a per-topic action and turns a TopicError into the error fields of that topic's result. */
export function topicOutcome(action: () => void): { errorCode: number; errorMessage: string | null } {
  try {
    action();
    return { errorCode: ErrorCode.NONE, errorMessage: null };
  } catch (err) {
    if (!(err instanceof TopicError)) throw err;
    return { errorCode: err.errorCode, errorMessage: err.message };
  }
}

export class ClusterState {
  readonly topics = new Map<string, Topic>();
  readonly brokers: BrokerInfo[] = [];
  readonly clusterId = "partition-lab";

  constructor(readonly settings: ClusterSettings) {}

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

  /** Loads topics and their logs from storage, if any. */
  load(): void {
    const { storage } = this.settings;
    if (!storage) return;
    for (const stored of storage.loadTopics()) {
      const topic: Topic = { name: stored.name, partitions: [] };
      stored.partitions.forEach((p, index) => {
        const part = this.newPartition(stored.name, index, p.replicas);
        for (const batch of storage.readSegment(stored.name, index)) part.log.restore(Buffer.from(batch));
        topic.partitions.push(part);
      });
      this.topics.set(stored.name, topic);
    }
  }

  private persist(): void {
    if (!this.settings.storage) return;
    const topics: StoredTopic[] = [...this.topics.values()].map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ replicas: p.replicas })),
    }));
    this.settings.storage.saveTopics(topics);
  }

  private newPartition(topic: string, index: number, replicas: number[]): Partition {
    const sink = this.settings.storage?.openSegment(topic, index);
    const leader = replicas.find((r) => this.broker(r)?.up) ?? -1;
    return { index, leader, leaderEpoch: 0, replicas, log: new PartitionLog(topic, index, sink) };
  }

  /**
   * Checks a topic creation as Kafka's controller does; returns the replica
   * lists to create, or throws TopicError. -1 partitions or replication
   * factor mean the broker defaults.
   */
  planTopic(name: string, numPartitions: number, replicationFactor: number, assignments: { partitionIndex: number; brokerIds: number[] }[] = []): number[][] {
    const invalid = invalidTopicName(name);
    if (invalid) throw new TopicError(ErrorCode.INVALID_TOPIC_EXCEPTION, invalid);
    if (this.topics.has(name)) throw new TopicError(ErrorCode.TOPIC_ALREADY_EXISTS, `topic '${name}' already exists`);
    const brokers = this.brokers.map((b) => b.nodeId);
    if (assignments.length > 0) {
      if (numPartitions !== -1 || replicationFactor !== -1) {
        throw new TopicError(ErrorCode.INVALID_REQUEST, "give either a replica assignment or partitions and replication factor, not both");
      }
      const sorted = [...assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
      sorted.forEach((a, i) => {
        if (a.partitionIndex !== i) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, "partitions in an assignment must be numbered 0..n-1");
        if (a.brokerIds.length === 0 || a.brokerIds.some((b) => !brokers.includes(b)) || new Set(a.brokerIds).size !== a.brokerIds.length) {
          throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `partition ${i}: replicas must be distinct broker ids among ${brokers.join(", ")}`);
        }
      });
      return sorted.map((a) => a.brokerIds);
    }
    const partitions = numPartitions === -1 ? this.settings.numPartitions : numPartitions;
    const rf = replicationFactor === -1 ? this.settings.defaultReplicationFactor : replicationFactor;
    if (partitions <= 0) throw new TopicError(ErrorCode.INVALID_PARTITIONS, `number of partitions must be at least 1 (got ${partitions})`);
    if (partitions > 10_000) throw new TopicError(ErrorCode.INVALID_PARTITIONS, `at most 10000 partitions per topic here (got ${partitions})`);
    if (rf <= 0) throw new TopicError(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor must be at least 1 (got ${rf})`);
    if (rf > brokers.length) {
      throw new TopicError(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${rf} is larger than the number of brokers (${brokers.length})`);
    }
    return assignReplicas(brokers, 0, partitions, rf, this.topics.size);
  }

  createTopic(name: string, replicas: number[][]): Topic {
    const topic: Topic = { name, partitions: replicas.map((r, i) => this.newPartition(name, i, r)) };
    this.topics.set(name, topic);
    this.persist();
    return topic;
  }

  /** Creates `name` with the defaults when auto-creation is on; returns the topic or undefined. */
  autoCreate(name: string): Topic | undefined {
    const existing = this.topics.get(name);
    if (existing || !this.settings.autoCreateTopics || invalidTopicName(name)) return existing;
    const rf = Math.min(this.settings.defaultReplicationFactor, this.brokers.length);
    return this.createTopic(name, this.planTopic(name, this.settings.numPartitions, rf));
  }

  deleteTopic(name: string): void {
    const topic = this.topics.get(name);
    if (!topic) throw new TopicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic '${name}' does not exist`);
    for (const p of topic.partitions) p.log.remove();
    this.topics.delete(name);
    this.persist();
  }

  /** Grows a topic to `count` partitions; existing partitions and their records are untouched. */
  planPartitions(name: string, count: number, assignments: { brokerIds: number[] }[] | null): number[][] {
    const topic = this.topics.get(name);
    if (!topic) throw new TopicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic '${name}' does not exist`);
    const current = topic.partitions.length;
    if (count <= current) {
      throw new TopicError(ErrorCode.INVALID_PARTITIONS, `topic '${name}' has ${current} partitions; the new count must be larger (Kafka never removes partitions), got ${count}`);
    }
    if (count > 10_000) throw new TopicError(ErrorCode.INVALID_PARTITIONS, `at most 10000 partitions per topic here (got ${count})`);
    if (assignments) {
      if (assignments.length !== count - current) throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `expected ${count - current} assignments, got ${assignments.length}`);
      const brokers = this.brokers.map((b) => b.nodeId);
      if (assignments.some((a) => a.brokerIds.length === 0 || a.brokerIds.some((b) => !brokers.includes(b)))) {
        throw new TopicError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `replicas must be broker ids among ${brokers.join(", ")}`);
      }
      return assignments.map((a) => a.brokerIds);
    }
    const rf = topic.partitions[0].replicas.length;
    return assignReplicas(this.brokers.map((b) => b.nodeId), current, count - current, rf, this.topicIndex(name));
  }

  addPartitions(name: string, replicas: number[][]): void {
    const topic = this.topics.get(name)!;
    for (const r of replicas) topic.partitions.push(this.newPartition(name, topic.partitions.length, r));
    this.persist();
  }

  private topicIndex(name: string): number {
    return [...this.topics.keys()].indexOf(name);
  }

  /** Makes `leader` lead the partition, bumping the leader epoch as a leader election does. */
  moveLeader(topic: string, index: number, leader: number): void {
    const p = this.partition(topic, index);
    if (!p) throw new Error(`no partition ${topic}-${index}`);
    if (!this.broker(leader)) throw new Error(`no broker ${leader}; brokers are ${this.brokers.map((b) => b.nodeId).join(", ")}`);
    if (!this.broker(leader)!.up) throw new Error(`broker ${leader} is stopped`);
    // A broker that is not yet a replica takes the place of the last one (a
    // reassignment), so a single-replica partition can be moved too.
    if (!p.replicas.includes(leader)) p.replicas = [...p.replicas.slice(0, -1), leader];
    if (p.leader !== leader) {
      p.leader = leader;
      p.leaderEpoch += 1;
    }
  }

  /** Marks a broker down or up and re-elects leaders among live replicas, as the controller would. */
  setBrokerUp(nodeId: number, up: boolean): void {
    const broker = this.broker(nodeId);
    if (!broker) throw new Error(`no broker ${nodeId}`);
    broker.up = up;
    for (const topic of this.topics.values()) {
      for (const p of topic.partitions) {
        const leaderUp = p.leader >= 0 && this.broker(p.leader)?.up;
        if (leaderUp && !(up && p.replicas[0] === nodeId)) continue;
        const next = p.replicas.find((r) => this.broker(r)?.up) ?? -1;
        if (next !== p.leader) {
          p.leader = next;
          p.leaderEpoch += 1;
        }
      }
    }
  }

  close(): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.close();
  }
}
