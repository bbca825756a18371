import { Clock, systemClock } from "../coordination/clock";
import { ErrorCode } from "../protocol/errors";

/** Kafka's transaction states (TransactionState.scala), minus Dead and PrepareEpochFence which we never hold. */
export type TxnState = "Empty" | "Ongoing" | "PrepareCommit" | "PrepareAbort" | "CompleteCommit" | "CompleteAbort";

export type TopicPartition = { topic: string; partition: number };

export type TxnMetadata = {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  timeoutMs: number;
  state: TxnState;
  partitions: TopicPartition[];
  groups: string[];
  /** When the current transaction started (its timeout counts from here). */
  startedAt: number;
};

/** What ending a transaction does outside the coordinator. */
export interface TxnEffects {
  /** Appends a commit or abort control batch for the producer to one partition. */
  writeMarker(tp: TopicPartition, producerId: bigint, producerEpoch: number, commit: boolean): void | Promise<void>;
  /** Makes a group's offsets from TxnOffsetCommit visible (commit) or drops them (abort). */
  completeOffsets(groupId: string, producerId: bigint, commit: boolean): void;
  partitionExists(tp: TopicPartition): boolean;
}

export type TxnCoordinatorOptions = {
  effects: TxnEffects;
  allocateProducerId: () => bigint;
  clock?: Clock;
  /** Kafka's transaction.max.timeout.ms (15 min). */
  maxTimeoutMs?: number;
  /** Write-ahead hook: every state change before it takes effect. */
  record?: (meta: TxnMetadata) => void;
};

/** Epochs are int16; Kafka moves to a fresh producer id before the epoch would overflow. */
const MAX_EPOCH = 32_766;

/**
 * Kafka's transaction coordinator: maps transactional ids to producer id and
 * epoch (a new InitProducerId fences the previous instance and aborts what it
 * left open), tracks the partitions and groups in the open transaction, and on
 * EndTxn writes the commit/abort markers. Every state change is recorded
 * before it is acted on, and a transaction found half-ended on start-up
 * (PrepareCommit/PrepareAbort) is finished by {@link recover}, so a crash
 * never leaves it half-visible.
 */
export class TransactionCoordinator {
  private readonly txns = new Map<string, TxnMetadata>();
  private readonly clock: Clock;
  private readonly maxTimeoutMs: number;

  constructor(private readonly options: TxnCoordinatorOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxTimeoutMs = options.maxTimeoutMs ?? 900_000;
  }

  /** InitProducerId. A null transactional id is a plain idempotent producer: a fresh id, epoch 0. */
  async initProducerId(transactionalId: string | null, timeoutMs: number): Promise<{ errorCode: number; producerId: bigint; producerEpoch: number }> {
    const fail = (errorCode: number) => ({ errorCode, producerId: -1n, producerEpoch: -1 });
    if (transactionalId === null) return { errorCode: ErrorCode.NONE, producerId: this.options.allocateProducerId(), producerEpoch: 0 };
    if (transactionalId === "") return fail(ErrorCode.INVALID_REQUEST);
    if (timeoutMs <= 0 || timeoutMs > this.maxTimeoutMs) return fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    const current = this.txns.get(transactionalId);
    if (!current) {
      const meta = this.fresh(transactionalId, this.options.allocateProducerId(), 0, timeoutMs);
      this.save(meta);
      return { errorCode: ErrorCode.NONE, producerId: meta.producerId, producerEpoch: 0 };
    }
    if (current.state === "PrepareCommit" || current.state === "PrepareAbort") return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    if (current.state === "Ongoing") {
      // A new instance of the same transactional id: fence the old one by bumping the epoch and abort its work.
      await this.end({ ...current, producerEpoch: current.producerEpoch + 1 }, false);
    }
    const latest = this.txns.get(transactionalId)!;
    const next = latest.producerEpoch + 1 > MAX_EPOCH
      ? this.fresh(transactionalId, this.options.allocateProducerId(), 0, timeoutMs)
      : this.fresh(transactionalId, latest.producerId, latest.producerEpoch + (current.state === "Ongoing" ? 0 : 1), timeoutMs);
    this.save(next);
    return { errorCode: ErrorCode.NONE, producerId: next.producerId, producerEpoch: next.producerEpoch };
  }

  /** AddPartitionsToTxn: one error code per partition, in request order. */
  addPartitions(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: TopicPartition[]): number[] {
    const meta = this.txns.get(transactionalId);
    const error = this.validate(meta, producerId, producerEpoch);
    if (error !== ErrorCode.NONE) return partitions.map(() => error);
    const unknown = partitions.filter((tp) => !this.options.effects.partitionExists(tp));
    if (unknown.length > 0) {
      // Kafka adds nothing when any partition is bad: the good ones are "not attempted".
      return partitions.map((tp) => (unknown.includes(tp) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.OPERATION_NOT_ATTEMPTED));
    }
    const m = meta!;
    const added = [...m.partitions];
    for (const tp of partitions) if (!added.some((p) => p.topic === tp.topic && p.partition === tp.partition)) added.push(tp);
    this.save({ ...m, state: "Ongoing", partitions: added, groups: this.ongoingOr(m, m.groups), startedAt: this.startOf(m) });
    return partitions.map(() => ErrorCode.NONE);
  }

  /** AddOffsetsToTxn: the group's offsets will be committed or dropped with the transaction. */
  addOffsets(transactionalId: string, producerId: bigint, producerEpoch: number, groupId: string): number {
    const meta = this.txns.get(transactionalId);
    const error = this.validate(meta, producerId, producerEpoch);
    if (error !== ErrorCode.NONE) return error;
    const m = meta!;
    const groups = this.ongoingOr(m, m.groups);
    this.save({ ...m, state: "Ongoing", partitions: this.ongoingOr(m, m.partitions), groups: groups.includes(groupId) ? groups : [...groups, groupId], startedAt: this.startOf(m) });
    return ErrorCode.NONE;
  }

  /** EndTxn: commit or abort. Retrying an EndTxn that already completed the same way succeeds. */
  async endTxn(transactionalId: string, producerId: bigint, producerEpoch: number, commit: boolean): Promise<number> {
    const meta = this.txns.get(transactionalId);
    if (!meta || meta.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producerEpoch !== meta.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH;
    switch (meta.state) {
      case "Ongoing":
        await this.end(meta, commit);
        return ErrorCode.NONE;
      case "CompleteCommit":
        return commit ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
      case "CompleteAbort":
        return commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE;
      case "PrepareCommit":
      case "PrepareAbort":
        return ErrorCode.CONCURRENT_TRANSACTIONS;
      default:
        return ErrorCode.INVALID_TXN_STATE;
    }
  }

  /** Aborts transactions open longer than their timeout, fencing the producer (Kafka bumps the epoch too). */
  async abortExpired(): Promise<string[]> {
    const now = this.clock.now();
    const expired = [...this.txns.values()].filter((m) => m.state === "Ongoing" && now - m.startedAt > m.timeoutMs);
    for (const m of expired) await this.end({ ...m, producerEpoch: Math.min(m.producerEpoch + 1, MAX_EPOCH) }, false);
    return expired.map((m) => m.transactionalId);
  }

  /** Finishes transactions a crash left between Prepare and Complete: their markers are written again. */
  async recover(): Promise<void> {
    for (const m of [...this.txns.values()]) {
      if (m.state === "PrepareCommit" || m.state === "PrepareAbort") await this.finish(m, m.state === "PrepareCommit");
    }
  }

  /** Puts back a transaction read from disk (no recording). */
  restore(meta: TxnMetadata): void {
    this.txns.set(meta.transactionalId, meta);
  }

  describe(transactionalId: string): TxnMetadata | undefined {
    return this.txns.get(transactionalId);
  }

  list(): TxnMetadata[] {
    return [...this.txns.values()];
  }

  private async end(meta: TxnMetadata, commit: boolean): Promise<void> {
    const prepared: TxnMetadata = { ...meta, state: commit ? "PrepareCommit" : "PrepareAbort" };
    this.save(prepared);
    await this.finish(prepared, commit);
  }

  private async finish(meta: TxnMetadata, commit: boolean): Promise<void> {
    for (const tp of meta.partitions) {
      if (this.options.effects.partitionExists(tp)) await this.options.effects.writeMarker(tp, meta.producerId, meta.producerEpoch, commit);
    }
    for (const g of meta.groups) this.options.effects.completeOffsets(g, meta.producerId, commit);
    this.save({ ...meta, state: commit ? "CompleteCommit" : "CompleteAbort", partitions: [], groups: [] });
  }

  private validate(meta: TxnMetadata | undefined, producerId: bigint, producerEpoch: number): number {
    if (!meta || meta.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producerEpoch !== meta.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH;
    if (meta.state === "PrepareCommit" || meta.state === "PrepareAbort") return ErrorCode.CONCURRENT_TRANSACTIONS;
    return ErrorCode.NONE;
  }

  private ongoingOr<T>(meta: TxnMetadata, items: T[]): T[] {
    return meta.state === "Ongoing" ? items : [];
  }

  private startOf(meta: TxnMetadata): number {
    return meta.state === "Ongoing" ? meta.startedAt : this.clock.now();
  }

  private fresh(transactionalId: string, producerId: bigint, producerEpoch: number, timeoutMs: number): TxnMetadata {
    return { transactionalId, producerId, producerEpoch, timeoutMs, state: "Empty", partitions: [], groups: [], startedAt: this.clock.now() };
  }

  private save(meta: TxnMetadata): void {
    this.options.record?.(meta);
    this.txns.set(meta.transactionalId, meta);
  }
}
