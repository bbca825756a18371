// What a Fetch or ListOffsets may read of a partition, by isolation level.
import type { AbortedTransaction, PartitionProducerState } from "./partition-state";

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
    /**
     * The abortedTransactions field for a fetch that returns offsets
     * [fetchOffset, upTo): those overlapping what it returns, not every one
     * up to the last stable offset (null for READ_UNCOMMITTED, as Kafka sends).
     */
    abortedTransactions(fetchOffset: bigint, upTo: bigint): { producerId: bigint; firstOffset: bigint }[] | null {
      if (!readCommitted) return null;
      return state.abortedTransactions(fetchOffset, upTo).map((a: AbortedTransaction) => ({ producerId: a.producerId, firstOffset: a.firstOffset }));
    },
  };
}
