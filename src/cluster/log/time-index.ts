// Where ListOffsets by timestamp starts looking (Kafka's time index): one
// entry each time a batch raises the largest timestamp seen so far. That
// running maximum only grows, so the first batch whose own maximum reaches a
// timestamp is the first entry that reaches it: a binary search, with no
// record decoded on the way.
import { lowerBound } from "./lower-bound";

/** A partition's time index: where each new largest timestamp appears. */
export class TimeIndex {
  private readonly entries: { maxTimestamp: bigint; baseOffset: bigint }[] = [];

  /** Notes a batch appended at `baseOffset` whose records' largest timestamp is `maxTimestamp`. */
  add(maxTimestamp: bigint, baseOffset: bigint): void {
    const last = this.entries.at(-1);
    if (!last || maxTimestamp > last.maxTimestamp) this.entries.push({ maxTimestamp, baseOffset });
  }

  /** The base offset of the first batch holding a record at or after `timestamp`, or undefined when none does. */
  firstBatchReaching(timestamp: bigint): bigint | undefined {
    return this.entries[lowerBound(this.entries.length, (i) => this.entries[i].maxTimestamp < timestamp)]?.baseOffset;
  }
}
