import { Clock, systemClock } from "../coordination/clock";
import { ErrorCode } from "../protocol/errors";
import { MarkerWriter } from "./markers";

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
  /** Told of each marker that could not be written (it is retried). */
  onMarkerError?: (err: unknown) => void;
};

/**
 * AddPartitionsToTxn adds all of a request's partitions or none: given each
 * partition's refusal (undefined when it may be added), the answer when any
 * is refused — the others OPERATION_NOT_ATTEMPTED, as KafkaApis answers —
 * or undefined when none is.
 */
export function refusedTogether(refusals: readonly (number | undefined)[]): number[] | undefined {
  if (refusals.every((r) => r === undefined)) return undefined;
  return refusals.map((r) => r ?? ErrorCode.OPERATION_NOT_ATTEMPTED);
}

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
  private readonly markers: MarkerWriter;

  constructor(private readonly options: TxnCoordinatorOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxTimeoutMs = options.maxTimeoutMs ?? 900_000;
    this.markers = new MarkerWriter(options.effects, this.clock, options.onMarkerError);
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
    // Its markers are not all written yet: the client retries, as Kafka has it do after fencing.
    if (latest.state === "PrepareAbort") return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
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
    const refused = refusedTogether(partitions.map((tp) => (this.options.effects.partitionExists(tp) ? undefined : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)));
    if (refused) return refused;
    const m = meta!;
    const added = [...m.partitions];
    for (const tp of partitions) if (!added.some((p) => p.topic === tp.topic && p.partition === tp.partition)) added.push(tp);
    this.save({ ...m, state: "Ongoing", partitions: added, groups: this.ongoingOr(m, m.groups), startedAt: this.startOf(m) });
    return partitions.map(() => ErrorCode.NONE);
  }

  /**
   * Whether a transactional Produce to `tp` belongs to the producer's open
   * transaction, asked before its first write there (KIP-890's verification,
   * on by default since Kafka 3.6). The codes are those Kafka's broker answers
   * Produce v3-10 with (AddPartitionsToTxnManager, ReplicaManager): a fenced
   * epoch is INVALID_PRODUCER_EPOCH, a transaction being ended is the
   * retriable NOT_ENOUGH_REPLICAS, a partition never added INVALID_TXN_STATE.
   */
  verifyPartition(transactionalId: string, producerId: bigint, producerEpoch: number, tp: TopicPartition): number {
    if (transactionalId === "") return ErrorCode.INVALID_REQUEST;
    const meta = this.txns.get(transactionalId);
    if (!meta || meta.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (meta.producerEpoch !== producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH;
    if (meta.state === "PrepareCommit" || meta.state === "PrepareAbort") return ErrorCode.NOT_ENOUGH_REPLICAS;
    return meta.partitions.some((p) => p.topic === tp.topic && p.partition === tp.partition) ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
  }

  /**
   * Whether a TxnOffsetCommit for `groupId` belongs to the producer's open
   * transaction: the check the group coordinator asks the transaction
   * coordinator for since Kafka 3.6 (KIP-890, transaction.partition.verification.enable;
   * TransactionCoordinator.handleVerifyPartitionsInTransaction, the answers as
   * AddPartitionsToTxnManager and GroupMetadataManager.maybeConvertOffsetCommitError
   * pass them on): a group never added by AddOffsetsToTxn is INVALID_TXN_STATE
   * (TRANSACTION_ABORTABLE from TxnOffsetCommit v4, not served here). Kafka
   * checks the group's __consumer_offsets partition; here each group must be added.
   */
  verifyOffsets(transactionalId: string, producerId: bigint, producerEpoch: number, groupId: string): number {
    if (transactionalId === "") return ErrorCode.INVALID_REQUEST;
    const meta = this.txns.get(transactionalId);
    const error = this.validate(meta, producerId, producerEpoch);
    if (error !== ErrorCode.NONE) return error;
    return meta!.state === "Ongoing" && meta!.groups.includes(groupId) ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
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

  /** Writes the markers and completes the transaction; markers that fail are retried until written. */
  private async finish(meta: TxnMetadata, commit: boolean): Promise<void> {
    for (const g of meta.groups) this.options.effects.completeOffsets(g, meta.producerId, commit);
    const pending = await this.markers.write(meta.partitions, meta.producerId, meta.producerEpoch, commit);
    if (pending.length === 0) {
      this.save({ ...meta, state: commit ? "CompleteCommit" : "CompleteAbort", partitions: [], groups: [] });
      return;
    }
    // Only the partitions still unmarked stay in the prepared state (Kafka removes each as its marker lands).
    const waiting: TxnMetadata = { ...meta, partitions: pending, groups: [] };
    this.save(waiting);
    this.markers.retryLater(() => this.finish(waiting, commit));
  }

  /** Stops retrying markers (the cluster is stopping; recover() finishes them at the next start). */
  close(): void {
    this.markers.close();
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
