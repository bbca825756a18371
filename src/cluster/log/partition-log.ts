// One partition's log: whole record batches kept as the bytes clients sent
// (only the base offset is rewritten), so produce and fetch never re-encode
// records. With our in-process "replication" every acknowledged write is on
// every replica at once, so the high watermark is the log end offset.
import { controlMarkerOf, decodeRecords, readBatchHeader, setBaseOffset } from "../protocol";
import { PartitionProducerState, producerBatchOf } from "../producers/partition-state";

export type StoredBatch = {
  baseOffset: bigint;
  lastOffset: bigint;
  maxTimestamp: bigint;
  bytes: Buffer;
};

/** Where a partition's batches are made durable (see ./segment-file.ts); absent in memory mode. */
export interface BatchSink {
  append(bytes: Buffer): void;
  close(): void;
  remove(): void;
}

export class PartitionLog {
  private batches: StoredBatch[] = [];
  private listeners = new Set<() => void>();
  readonly producers = new PartitionProducerState();
  logStartOffset = 0n;
  private endOffset = 0n;

  constructor(readonly topic: string, readonly partition: number, private sink?: BatchSink) {}

  /** The offset the next record gets; with in-process replication also the high watermark. */
  get highWatermark(): bigint {
    return this.endOffset;
  }

  /**
   * Appends one validated v2 batch, assigning its offsets; returns its base
   * offset. The bytes are copied so the request frame can be freed.
   */
  append(batch: Buffer): bigint {
    const header = readBatchHeader(batch);
    const baseOffset = this.endOffset;
    const bytes = Buffer.from(batch);
    setBaseOffset(bytes, baseOffset);
    this.sink?.append(bytes);
    this.track(bytes, baseOffset, header.lastOffsetDelta, header.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), baseOffset, marker);
    this.notify();
    return baseOffset;
  }

  /** Re-adds a batch read back from disk at start-up (offsets already assigned). */
  restore(bytes: Buffer): void {
    const header = readBatchHeader(bytes);
    if (this.batches.length === 0) this.logStartOffset = header.baseOffset;
    this.track(bytes, header.baseOffset, header.lastOffsetDelta, header.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), header.baseOffset, marker);
  }

  private track(bytes: Buffer, baseOffset: bigint, lastOffsetDelta: number, maxTimestamp: bigint): void {
    const lastOffset = baseOffset + BigInt(lastOffsetDelta);
    this.batches.push({ baseOffset, lastOffset, maxTimestamp, bytes });
    this.endOffset = lastOffset + 1n;
  }

  /**
   * The batches holding offsets from `fetchOffset` up to (excluding) `upTo`,
   * at most `maxBytes` of them — but always at least one whole batch when
   * `atLeastOne`, as Kafka does so a batch larger than the limit is not stuck.
   */
  read(fetchOffset: bigint, maxBytes: number, upTo: bigint, atLeastOne: boolean): Buffer[] {
    const out: Buffer[] = [];
    let size = 0;
    for (let i = this.indexOf(fetchOffset); i < this.batches.length; i++) {
      const b = this.batches[i];
      // A batch past the limit (e.g. an open transaction's records for read_committed) ends the read.
      if (b.lastOffset >= upTo) break;
      if (size + b.bytes.length > maxBytes && !(atLeastOne && out.length === 0)) break;
      out.push(b.bytes);
      size += b.bytes.length;
    }
    return out;
  }

  /** Index of the first batch whose last offset is ≥ offset (binary search). */
  private indexOf(offset: bigint): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.batches[mid].lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first record at or after `timestamp` (ListOffsets by time), or undefined when none is. */
  offsetForTimestamp(timestamp: bigint): { offset: bigint; timestamp: bigint } | undefined {
    for (const b of this.batches) {
      if (b.maxTimestamp < timestamp) continue;
      for (const r of decodeRecords(b.bytes)) {
        if (r.timestamp >= timestamp) return { offset: r.offset, timestamp: r.timestamp };
      }
    }
    return undefined;
  }

  /** Every stored batch, oldest first (for inspection helpers). */
  allBatches(): readonly StoredBatch[] {
    return this.batches;
  }

  /** Calls `listener` after the next append; returns a function that cancels it. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const l of listeners) l();
  }

  close(): void {
    this.sink?.close();
  }

  /** Deletes the log's durable copy (topic deletion). */
  remove(): void {
    this.sink?.remove();
    this.batches = [];
  }
}
