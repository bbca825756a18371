// The cluster's shared model: brokers, topics and partitions (./model.ts).
// All brokers of the in-process cluster read and change this one object; the
// rules live beside it — plans in ./topic-plans.ts, leaders in
// ./leader-election.ts — and durability behind ClusterStorage.
import { PartitionLog } from "../log/partition-log";
import { TopicError } from "./topic-errors";
import { firstLiveReplica, moveLeader, reelectLeaders } from "./leader-election";
import type { BrokerInfo, ClusterSettings, Partition, Topic } from "./model";
import { planPartitions, planTopic, type PlanContext } from "./topic-plans";
import { collisionKey, invalidTopicName } from "./topic-rules";
import { ErrorCode } from "../protocol/errors";

export type { BrokerInfo, ClusterSettings, Partition, Topic } from "./model";

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
      const partitions = stored.partitions.map((p, index) => {
        const part = this.newPartition(stored.name, index, p.replicas);
        for (const batch of storage.readSegment(stored.name, index)) part.log.restore(Buffer.from(batch));
        return part;
      });
      this.topics.set(stored.name, { name: stored.name, partitions });
    }
  }

  private persist(): void {
    this.settings.storage?.saveTopics([...this.topics.values()].map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ replicas: p.replicas })) })));
  }

  private newPartition(topic: string, index: number, replicas: number[]): Partition {
    const leader = firstLiveReplica(replicas, (id) => this.isUp(id));
    return { index, leader, leaderEpoch: 0, replicas, log: new PartitionLog(topic, index, this.settings.storage?.openSegment(topic, index)) };
  }

  private isUp(nodeId: number): boolean {
    return this.broker(nodeId)?.up === true;
  }

  private planContext(placementStart: number): PlanContext {
    return {
      brokerIds: this.brokers.map((b) => b.nodeId),
      defaults: { numPartitions: this.settings.numPartitions, replicationFactor: this.settings.defaultReplicationFactor },
      exists: (name) => this.topics.has(name),
      collidingWith: (name) => [...this.topics.keys()].find((t) => collisionKey(t) === collisionKey(name)),
      placementStart,
    };
  }

  /** Checks a topic creation (see ./topic-plans.ts); returns the replica lists to create, or throws TopicError. */
  planTopic(name: string, numPartitions: number, replicationFactor: number, assignments: { partitionIndex: number; brokerIds: number[] }[] = []): number[][] {
    return planTopic(this.planContext(this.topics.size), name, numPartitions, replicationFactor, assignments);
  }

  createTopic(name: string, replicas: number[][]): Topic {
    const topic: Topic = { name, partitions: replicas.map((r, i) => this.newPartition(name, i, r)) };
    this.topics.set(name, topic);
    this.persist();
    return topic;
  }

  /** Creates `name` with the defaults when auto-creation is on; returns the topic or undefined. Throws TopicError when Kafka would refuse the name. */
  autoCreate(name: string): Topic | undefined {
    const existing = this.topics.get(name);
    if (existing || !this.settings.autoCreateTopics || invalidTopicName(name)) return existing;
    const rf = Math.min(this.settings.defaultReplicationFactor, this.brokers.length);
    return this.createTopic(name, this.planTopic(name, this.settings.numPartitions, rf));
  }

  deleteTopic(name: string): void {
    const topic = this.existing(name);
    for (const p of topic.partitions) p.log.remove();
    this.topics.delete(name);
    this.persist();
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
    this.persist();
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
    moveLeader(p, this.broker(leader), leader, this.brokers.map((b) => b.nodeId));
  }

  /** Marks a broker down or up and re-elects leaders among live replicas, as the controller would. */
  setBrokerUp(nodeId: number, up: boolean): void {
    const broker = this.broker(nodeId);
    if (!broker) throw new Error(`no broker ${nodeId}`);
    broker.up = up;
    reelectLeaders([...this.topics.values()].flatMap((t) => t.partitions), nodeId, up, (id) => this.isUp(id));
  }

  close(): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.close();
  }
}
