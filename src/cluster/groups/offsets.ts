/**
 * Committed consumer offsets, per group and partition, plus the offsets a
 * transactional producer committed (TxnOffsetCommit) that only become
 * visible when its transaction commits — Kafka keeps those "pending" too.
 */

export type CommittedOffset = {
  offset: bigint;
  leaderEpoch: number;
  metadata: string | null;
  commitTimestamp: number;
};

export type OffsetCommitEntry = { topic: string; partition: number } & CommittedOffset;

/** Every change to the store, in order: what the journal records and replays. */
export type OffsetEvent =
  | { t: "commit"; groupId: string; entries: OffsetCommitEntry[] }
  | { t: "txn-pending"; groupId: string; producerId: bigint; entries: OffsetCommitEntry[] }
  | { t: "txn-end"; groupId: string; producerId: bigint; commit: boolean }
  | { t: "delete-group"; groupId: string }
  | { t: "delete-topic"; topic: string }
  | { t: "expire"; groupId: string; partitions: { topic: string; partition: number }[] }
  | { t: "delete-offsets"; groupId: string; partitions: { topic: string; partition: number }[] };

const key = (topic: string, partition: number) => `${partition}:${topic}`;

export class OffsetStore {
  private readonly committed = new Map<string, Map<string, OffsetCommitEntry>>();
  /** groupId → producerId → partition key → entry. */
  private readonly pending = new Map<string, Map<bigint, Map<string, OffsetCommitEntry>>>();

  /** @param record receives each change before it is applied (the write-ahead hook). */
  constructor(private readonly record: (event: OffsetEvent) => void = () => {}) {}

  commit(groupId: string, entries: OffsetCommitEntry[]): void {
    this.apply({ t: "commit", groupId, entries });
  }

  /** TxnOffsetCommit: held back until the producer's transaction ends. */
  addPending(groupId: string, producerId: bigint, entries: OffsetCommitEntry[]): void {
    this.apply({ t: "txn-pending", groupId, producerId, entries });
  }

  /** The transaction marker reached the group: its offsets become committed, or vanish. */
  endTransaction(groupId: string, producerId: bigint, commit: boolean): void {
    if (!this.pending.get(groupId)?.has(producerId)) return;
    this.apply({ t: "txn-end", groupId, producerId, commit });
  }

  deleteGroup(groupId: string): void {
    if (!this.committed.has(groupId) && !this.pending.has(groupId)) return;
    this.apply({ t: "delete-group", groupId });
  }

  /** A deleted topic's offsets go from every group, committed and pending (Kafka's GroupMetadata.removeOffsets). */
  deleteTopic(topic: string): void {
    const has = (byKey: Map<string, OffsetCommitEntry>) => [...byKey.values()].some((e) => e.topic === topic);
    const anyPending = [...this.pending.values()].some((byProducer) => [...byProducer.values()].some(has));
    if ([...this.committed.values()].some(has) || anyPending) this.apply({ t: "delete-topic", topic });
  }

  /** Removes committed offsets that expired (./expiry.ts). */
  expire(groupId: string, partitions: { topic: string; partition: number }[]): void {
    if (partitions.length > 0) this.apply({ t: "expire", groupId, partitions: partitions.map(({ topic, partition }) => ({ topic, partition })) });
  }

  /** OffsetDelete: the partitions' committed and pending offsets go (Kafka's GroupMetadata.removeOffsets). */
  deleteOffsets(groupId: string, partitions: { topic: string; partition: number }[]): void {
    if (partitions.length > 0) this.apply({ t: "delete-offsets", groupId, partitions: partitions.map(({ topic, partition }) => ({ topic, partition })) });
  }

  fetch(groupId: string, topic: string, partition: number): OffsetCommitEntry | undefined {
    return this.committed.get(groupId)?.get(key(topic, partition));
  }

  /** Every committed offset of a group (OffsetFetch with a null topic list). */
  list(groupId: string): OffsetCommitEntry[] {
    return [...(this.committed.get(groupId)?.values() ?? [])];
  }

  /** Whether the group has any committed or pending (transactional) offset. */
  hasOffsets(groupId: string): boolean {
    return (this.committed.get(groupId)?.size ?? 0) > 0 || this.pending.has(groupId);
  }

  groupIds(): string[] {
    return [...new Set([...this.committed.keys(), ...this.pending.keys()])];
  }

  /** Applies a recorded event without recording it again (journal replay). */
  replay(event: OffsetEvent): void {
    this.mutate(event);
  }

  /** The smallest list of events that rebuilds the current state (journal compaction). */
  snapshotEvents(): OffsetEvent[] {
    const events: OffsetEvent[] = [];
    for (const [groupId, byKey] of this.committed) events.push({ t: "commit", groupId, entries: [...byKey.values()] });
    for (const [groupId, byProducer] of this.pending) {
      for (const [producerId, byKey] of byProducer) events.push({ t: "txn-pending", groupId, producerId, entries: [...byKey.values()] });
    }
    return events;
  }

  private apply(event: OffsetEvent): void {
    this.record(event);
    this.mutate(event);
  }

  private mutate(event: OffsetEvent): void {
    switch (event.t) {
      case "commit": {
        const byKey = getOrCreate(this.committed, event.groupId, () => new Map());
        for (const e of event.entries) byKey.set(key(e.topic, e.partition), e);
        return;
      }
      case "txn-pending": {
        const byProducer = getOrCreate(this.pending, event.groupId, () => new Map());
        const byKey = getOrCreate(byProducer, event.producerId, () => new Map());
        for (const e of event.entries) byKey.set(key(e.topic, e.partition), e);
        return;
      }
      case "txn-end": {
        const byProducer = this.pending.get(event.groupId);
        const byKey = byProducer?.get(event.producerId);
        if (!byProducer || !byKey) return;
        byProducer.delete(event.producerId);
        if (byProducer.size === 0) this.pending.delete(event.groupId);
        if (event.commit) this.mutate({ t: "commit", groupId: event.groupId, entries: [...byKey.values()] });
        return;
      }
      case "delete-group":
        this.committed.delete(event.groupId);
        this.pending.delete(event.groupId);
        return;
      case "delete-topic":
        for (const [groupId, byKey] of this.committed) {
          for (const [k, e] of byKey) if (e.topic === event.topic) byKey.delete(k);
          if (byKey.size === 0) this.committed.delete(groupId);
        }
        for (const byProducer of this.pending.values()) {
          for (const byKey of byProducer.values()) for (const [k, e] of byKey) if (e.topic === event.topic) byKey.delete(k);
        }
        return;
      case "expire": {
        const byKey = this.committed.get(event.groupId);
        for (const p of event.partitions) byKey?.delete(key(p.topic, p.partition));
        if (byKey?.size === 0) this.committed.delete(event.groupId);
        return;
      }
      case "delete-offsets": {
        this.mutate({ t: "expire", groupId: event.groupId, partitions: event.partitions });
        for (const byKey of this.pending.get(event.groupId)?.values() ?? []) for (const p of event.partitions) byKey.delete(key(p.topic, p.partition));
        return;
      }
    }
  }
}

function getOrCreate<K, V>(map: Map<K, V>, k: K, make: () => V): V {
  let v = map.get(k);
  if (v === undefined) map.set(k, (v = make()));
  return v;
}
