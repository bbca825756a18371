// One partition's log: whole record batches kept as the bytes clients sent
// (only the base offset is rewritten), so produce and fetch never re-encode
// records. Batches sit in segments (./segments.ts) that roll by size and age
// and that retention deletes whole, moving the log start offset, as in
// Kafka. With our in-process "replication" every acknowledged write is on
// every replica at once, so the high watermark is the log end offset.
import { controlMarkerOf, decodeRecords, readBatchHeader, setBaseOffset } from "../protocol";
import { PartitionProducerState, producerBatchOf } from "../producers/partition-state";
import { DEFAULT_LOG_SETTINGS, emptySegment, segmentsToDelete, shouldRoll, type LogFiles, type LogSettings, type Segment } from "./segments";

export type StoredBatch = {
  baseOffset: bigint;
  lastOffset: bigint;
  maxTimestamp: bigint;
  bytes: Buffer;
};

export type LogOptions = {
  /** The partition's segment files (--data-dir); in memory when absent. */
  files?: LogFiles;
  /** The topic's current segment and retention configs. */
  settings?: () => LogSettings;
  /** The clock retention reads. */
  now?: () => number;
};

export class PartitionLog {
  private batches: StoredBatch[] = [];
  private segments: Segment[] = [];
  private listeners = new Set<() => void>();
  readonly producers = new PartitionProducerState();
  logStartOffset = 0n;
  private endOffset = 0n;
  private readonly files?: LogFiles;
  private readonly settings: () => LogSettings;
  private readonly now: () => number;

  constructor(readonly topic: string, readonly partition: number, options: LogOptions = {}) {
    this.files = options.files;
    this.settings = options.settings ?? (() => DEFAULT_LOG_SETTINGS);
    this.now = options.now ?? Date.now;
    const found = this.files?.segments ?? [];
    for (const stored of found) {
      this.segments.push(emptySegment(stored.baseOffset));
      if (this.endOffset < stored.baseOffset) this.endOffset = stored.baseOffset;
      for (const bytes of stored.batches) this.restore(bytes);
    }
    if (found.length === 0) this.startSegment(0n);
    this.logStartOffset = this.segments[0].baseOffset;
  }

  /** The offset the next record gets; with in-process replication also the high watermark. */
  get highWatermark(): bigint {
    return this.endOffset;
  }

  /** Bytes of every stored batch. */
  get size(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }

  /**
   * Appends one validated v2 batch, assigning its offsets; returns its base
   * offset. The bytes are copied so the request frame can be freed. When the
   * segment file cannot take it, throws (StorageError) with nothing appended.
   */
  append(batch: Buffer): bigint {
    const header = readBatchHeader(batch);
    if (shouldRoll(this.segments[this.segments.length - 1], batch.length, header.maxTimestamp, this.settings())) this.startSegment(this.endOffset);
    const baseOffset = this.endOffset;
    const bytes = Buffer.from(batch);
    setBaseOffset(bytes, baseOffset);
    this.files?.append(bytes);
    this.track(bytes, baseOffset, header.lastOffsetDelta, header.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), baseOffset, marker);
    this.notify();
    return baseOffset;
  }

  /** Re-adds a batch read back from disk at start-up (offsets already assigned). */
  private restore(bytes: Buffer): void {
    const header = readBatchHeader(bytes);
    this.track(bytes, header.baseOffset, header.lastOffsetDelta, header.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), header.baseOffset, marker);
  }

  private startSegment(baseOffset: bigint): void {
    this.files?.roll(baseOffset);
    this.segments.push(emptySegment(baseOffset));
  }

  private track(bytes: Buffer, baseOffset: bigint, lastOffsetDelta: number, maxTimestamp: bigint): void {
    const lastOffset = baseOffset + BigInt(lastOffsetDelta);
    this.batches.push({ baseOffset, lastOffset, maxTimestamp, bytes });
    this.endOffset = lastOffset + 1n;
    const active = this.segments[this.segments.length - 1];
    active.size += bytes.length;
    active.batches += 1;
    active.rollingTimestamp ??= maxTimestamp;
    if (maxTimestamp > active.largestTimestamp) active.largestTimestamp = maxTimestamp;
  }

  /** Moves the log start forward (DeleteRecords, or a restart restoring it); never back, never past the high watermark. */
  advanceLogStart(offset: bigint): void {
    if (offset > this.logStartOffset && offset <= this.highWatermark) this.logStartOffset = offset;
  }

  /** One retention pass: deletes the segments Kafka's rules allow at this moment; returns how many. */
  enforceRetention(): number {
    const count = segmentsToDelete(this.segments, this.logStartOffset, this.highWatermark, this.now(), this.settings());
    if (count === 0) return 0;
    if (count === this.segments.length) this.startSegment(this.endOffset); // Kafka rolls before deleting the active segment
    for (const segment of this.segments.splice(0, count)) {
      this.files?.deleteOldest();
      this.batches.splice(0, segment.batches);
    }
    this.advanceLogStart(this.segments[0].baseOffset);
    return count;
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
    this.files?.close();
  }

  /** Deletes the log's durable copy (topic deletion). */
  remove(): void {
    this.files?.remove();
    this.batches = [];
  }
}
