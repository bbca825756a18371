/**
 * What one partition remembers about idempotent and transactional producers
 * (Kafka's ProducerStateManager): per producer id its epoch, the metadata of
 * its last 5 batches (so a retried batch is recognised and answered with its
 * original offset), and for transactions the first offset of each open
 * transaction (the last stable offset) and the aborted ones (for Fetch).
 * Pure: the partition log calls `check` before appending and `onAppend` after.
 */

import { ErrorCode } from "../protocol/errors";
import { AbortedTransactionIndex, type AbortedTransaction } from "./aborted-index";

export type { AbortedTransaction } from "./aborted-index";

/** The fields of a v2 batch header that matter here. */
export type ProducerBatch = {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** lastOffsetDelta + 1 */
  recordCount: number;
  isTransactional: boolean;
  isControl: boolean;
  /** The batch's largest record timestamp: a producer's last timestamp (DescribeProducers). */
  maxTimestamp?: bigint;
};

/** The batch-header fields the producer rules read (a subset of the codec's BatchHeader). */
export type BatchHeaderFields = {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  lastOffsetDelta: number;
  isTransactional: boolean;
  isControl: boolean;
  maxTimestamp?: bigint;
};

export function producerBatchOf(h: BatchHeaderFields): ProducerBatch {
  return {
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    recordCount: h.lastOffsetDelta + 1,
    isTransactional: h.isTransactional,
    isControl: h.isControl,
    maxTimestamp: h.maxTimestamp,
  };
}

/** What DescribeProducers (KIP-664) shows of one producer, as Kafka's ProducerStateEntry holds it. */
export type ActiveProducer = {
  producerId: bigint;
  producerEpoch: number;
  /** The last sequence appended, -1 when none (only markers). */
  lastSequence: number;
  lastTimestamp: bigint;
  /** The coordinator epoch of the last transaction marker, -1 when none. */
  coordinatorEpoch: number;
  /** Where the producer's open transaction starts in this partition, -1 when none. */
  currentTxnStartOffset: bigint;
};

/** The coordinator epoch this cluster's markers carry (protocol/records encodeControlRecord): its transaction coordinator has no epochs. */
const MARKER_COORDINATOR_EPOCH = 0;

export type CheckResult =
  | { kind: "append" }
  | { kind: "duplicate"; baseOffset: bigint; lastOffset: bigint }
  | { kind: "error"; errorCode: number; message: string };

type BatchMetadata = { firstSeq: number; lastSeq: number; firstOffset: bigint; lastOffset: bigint };
type ProducerEntry = { epoch: number; batches: BatchMetadata[]; lastTimestamp?: bigint; coordinatorEpoch?: number };

/** Kafka keeps this many batches per producer and partition (max.in.flight.requests.per.connection ≤ 5 for idempotence). */
export const RETAINED_BATCHES = 5;
const INT32_MAX = 0x7fffffff;

/** The sequence of a batch's last record; sequences wrap to 0 after 2^31-1, as in Kafka. */
export function lastSequence(baseSequence: number, recordCount: number): number {
  const last = baseSequence + recordCount - 1;
  return last > INT32_MAX ? last - INT32_MAX - 1 : last;
}

function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === INT32_MAX);
}

export class PartitionProducerState {
  private readonly producers = new Map<bigint, ProducerEntry>();
  /** Open transactions: producer id → offset of its first batch in this partition. */
  private readonly ongoing = new Map<bigint, bigint>();
  private readonly aborted = new AbortedTransactionIndex();

  /** Decides what to do with a batch before it is appended. Batches without a producer id always append. */
  check(batch: ProducerBatch): CheckResult {
    if (batch.producerId < 0n || batch.isControl) return { kind: "append" };
    const entry = this.producers.get(batch.producerId);
    const firstSeq = batch.baseSequence;
    const lastSeq = lastSequence(firstSeq, batch.recordCount);
    // KIP-360: a producer this partition knows nothing of (new here, or its
    // records are gone) may start at any sequence (ProducerAppendInfo.checkSequence).
    if (!entry) return { kind: "append" };
    if (batch.producerEpoch < entry.epoch) {
      return {
        kind: "error",
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `producer ${batch.producerId} epoch ${batch.producerEpoch} is older than the current epoch ${entry.epoch} (a newer instance fenced it)`,
      };
    }
    if (batch.producerEpoch > entry.epoch) {
      return firstSeq === 0 ? { kind: "append" } : outOfOrder(`a new epoch must start at sequence 0, got ${firstSeq}`);
    }
    const dup = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq);
    if (dup) return { kind: "duplicate", baseOffset: dup.firstOffset, lastOffset: dup.lastOffset };
    const last = entry.batches.at(-1);
    if (last && !inSequence(last.lastSeq, firstSeq)) {
      return outOfOrder(`expected sequence ${last.lastSeq + 1} from producer ${batch.producerId}, got ${firstSeq}`);
    }
    if (!last && firstSeq !== 0) return outOfOrder(`expected sequence 0 from producer ${batch.producerId}, got ${firstSeq}`);
    if (!batch.isTransactional && this.ongoing.has(batch.producerId)) {
      return { kind: "error", errorCode: ErrorCode.INVALID_TXN_STATE, message: `producer ${batch.producerId} has a transaction open here and wrote a non-transactional batch` };
    }
    return { kind: "append" };
  }

  /**
   * Records an appended batch at `baseOffset`. For a control batch pass the
   * marker it carries: it closes the producer's open transaction here.
   */
  onAppend(batch: ProducerBatch, baseOffset: bigint, marker?: "commit" | "abort"): void {
    if (batch.producerId < 0n) return;
    const lastOffset = baseOffset + BigInt(batch.recordCount - 1);
    let entry = this.producers.get(batch.producerId);
    if (!entry || batch.producerEpoch > entry.epoch) {
      entry = { epoch: batch.producerEpoch, batches: [], coordinatorEpoch: entry?.coordinatorEpoch };
      this.producers.set(batch.producerId, entry);
    }
    if (batch.maxTimestamp !== undefined) entry.lastTimestamp = batch.maxTimestamp;
    if (batch.isControl) {
      entry.coordinatorEpoch = MARKER_COORDINATOR_EPOCH;
      const first = this.ongoing.get(batch.producerId);
      this.ongoing.delete(batch.producerId);
      if (marker === "abort" && first !== undefined) {
        this.aborted.add({ producerId: batch.producerId, firstOffset: first, lastOffset });
      }
      return;
    }
    entry.batches.push({ firstSeq: batch.baseSequence, lastSeq: lastSequence(batch.baseSequence, batch.recordCount), firstOffset: baseOffset, lastOffset });
    if (entry.batches.length > RETAINED_BATCHES) entry.batches.shift();
    if (batch.isTransactional && !this.ongoing.has(batch.producerId)) this.ongoing.set(batch.producerId, baseOffset);
  }

  /** Last stable offset: below the first offset of any open transaction, else the high watermark. */
  lastStableOffset(highWatermark: bigint): bigint {
    let lso = highWatermark;
    for (const first of this.ongoing.values()) if (first < lso) lso = first;
    return lso;
  }

  /** Whether the producer has a transaction open in this partition (its writes were verified with the coordinator already). */
  hasOngoingTransaction(producerId: bigint): boolean {
    return this.ongoing.has(producerId);
  }

  /** The aborted transactions a READ_COMMITTED fetch of offsets [fetchOffset, upperBound) must be told about. */
  abortedTransactions(fetchOffset: bigint, upperBound: bigint): AbortedTransaction[] {
    return this.aborted.overlapping(fetchOffset, upperBound);
  }

  /**
   * Forgets what lies below a new log start offset, as Kafka's
   * ProducerStateManager.truncateHead does: aborted transactions that ended
   * there, and producers whose last batch did (they are unknown again, and
   * KIP-360 lets them resume at any sequence).
   */
  truncateHead(logStartOffset: bigint): void {
    this.aborted.pruneBefore(logStartOffset);
    for (const [producerId, entry] of this.producers) {
      const last = entry.batches.at(-1);
      if (last && last.lastOffset < logStartOffset && !this.ongoing.has(producerId)) this.producers.delete(producerId);
    }
  }

  /** Every producer this partition holds state for (Kafka's ProducerStateManager.activeProducers). */
  activeProducers(): ActiveProducer[] {
    return [...this.producers].map(([producerId, entry]) => ({
      producerId,
      producerEpoch: entry.epoch,
      lastSequence: entry.batches.at(-1)?.lastSeq ?? -1,
      lastTimestamp: entry.lastTimestamp ?? -1n,
      coordinatorEpoch: entry.coordinatorEpoch ?? -1,
      currentTxnStartOffset: this.ongoing.get(producerId) ?? -1n,
    }));
  }

  /** How many aborted transactions are remembered (for tests of pruning). */
  get abortedCount(): number {
    return this.aborted.size;
  }
}

function outOfOrder(message: string): CheckResult {
  return { kind: "error", errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, message };
}
