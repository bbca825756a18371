// A partition's aborted transactions (Kafka's transaction index, one per log
// segment there). Markers are appended in offset order, so entries are sorted
// by their last offset: a lookup binary-searches the first entry that ends at
// or after the fetch offset and stops once no later entry can start before
// the upper bound (none is longer than the longest seen), instead of scanning
// every transaction the partition ever aborted.
import { lowerBound } from "../log/lower-bound";

/** An aborted transaction: its producer, the offset of its first record and that of its abort marker. */
export type AbortedTransaction = { producerId: bigint; firstOffset: bigint; lastOffset: bigint };

/**
 * The aborted transactions of one partition, for READ_COMMITTED fetches
 * (which drop their records); entries ending below the log start are pruned.
 */
export class AbortedTransactionIndex {
  private entries: AbortedTransaction[] = [];
  /** The largest lastOffset - firstOffset of any entry: bounds how far past the upper bound a lookup must look. */
  private longestSpan = 0n;

  get size(): number {
    return this.entries.length;
  }

  /** Records an aborted transaction; its marker is the newest record of the log, so it sorts last. */
  add(txn: AbortedTransaction): void {
    const last = this.entries.at(-1);
    if (last && txn.lastOffset < last.lastOffset) throw new Error(`abort marker at ${txn.lastOffset} is older than the last one at ${last.lastOffset}`);
    this.entries.push(txn);
    const span = txn.lastOffset - txn.firstOffset;
    if (span > this.longestSpan) this.longestSpan = span;
  }

  /** The aborted transactions with records in [fetchOffset, upperBound): they end at or after fetchOffset and start before upperBound. */
  overlapping(fetchOffset: bigint, upperBound: bigint): AbortedTransaction[] {
    const out: AbortedTransaction[] = [];
    const stopAt = upperBound + this.longestSpan;
    for (let i = this.firstEndingAtOrAfter(fetchOffset); i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.lastOffset >= stopAt) break;
      if (e.firstOffset < upperBound) out.push(e);
    }
    return out;
  }

  /** Forgets the transactions that end below `logStartOffset` (their records are gone). */
  pruneBefore(logStartOffset: bigint): void {
    const keep = this.firstEndingAtOrAfter(logStartOffset);
    if (keep > 0) this.entries = this.entries.slice(keep);
  }

  private firstEndingAtOrAfter(offset: bigint): number {
    return lowerBound(this.entries.length, (i) => this.entries[i].lastOffset < offset);
  }
}
