import type { AbortedTransaction, PartitionProducerState, ProducerBatch } from "./partition-state";

/** The batch-header fields these hooks read (a subset of the codec's `readBatchHeader`). */
export type BatchHeaderLike = {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  lastOffsetDelta: number;
  isTransactional: boolean;
  isControl: boolean;
};

export function producerBatchOf(h: BatchHeaderLike): ProducerBatch {
  return {
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    recordCount: h.lastOffsetDelta + 1,
    isTransactional: h.isTransactional,
    isControl: h.isControl,
  };
}

/** Where a v2 batch's first record starts: after the 61-byte batch header. */
const RECORDS_START = 61;

/**
 * Reads the marker a control batch carries: its single record's key is
 * (int16 version, int16 type) with type 0 = abort, 1 = commit (Kafka's
 * ControlRecordType). Control batches are never compressed.
 */
export function controlMarkerOf(batch: Buffer): "commit" | "abort" | undefined {
  try {
    let pos = RECORDS_START;
    const varint = (): number => {
      let shift = 0;
      let result = 0n;
      for (;;) {
        const byte = batch[pos++];
        if (byte === undefined) throw new RangeError("truncated varint");
        result |= BigInt(byte & 0x7f) << BigInt(shift);
        if ((byte & 0x80) === 0) break;
        shift += 7;
      }
      return Number((result >> 1n) ^ -(result & 1n)); // zigzag
    };
    varint(); // record length
    pos += 1; // attributes
    varint(); // timestamp delta
    varint(); // offset delta
    const keyLength = varint();
    if (keyLength < 4) return undefined;
    const type = batch.readInt16BE(pos + 2);
    return type === 1 ? "commit" : type === 0 ? "abort" : undefined;
  } catch {
    return undefined;
  }
}

/** Fetch's isolation levels (the request's `isolationLevel` byte). */
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;

/**
 * How far a Fetch may read and what it must report, as Kafka decides it:
 * READ_COMMITTED stops at the last stable offset and lists the aborted
 * transactions in the range it returns (so the client can drop their
 * records); READ_UNCOMMITTED reads to the high watermark and lists none.
 */
export function fetchLimits(state: PartitionProducerState, highWatermark: bigint, isolationLevel: number) {
  const lastStableOffset = state.lastStableOffset(highWatermark);
  const readCommitted = isolationLevel === READ_COMMITTED;
  return {
    lastStableOffset,
    /** Exclusive upper bound of the offsets this fetch may return. */
    maxOffset: readCommitted ? lastStableOffset : highWatermark,
    /** The abortedTransactions field for a fetch from `fetchOffset` (null for READ_UNCOMMITTED, as Kafka sends). */
    abortedTransactions(fetchOffset: bigint): { producerId: bigint; firstOffset: bigint }[] | null {
      if (!readCommitted) return null;
      return state.abortedTransactions(fetchOffset, lastStableOffset).map((a: AbortedTransaction) => ({ producerId: a.producerId, firstOffset: a.firstOffset }));
    },
  };
}
