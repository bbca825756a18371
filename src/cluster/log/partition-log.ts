// One partition's log: whole record batches kept as the bytes clients sent
// (the base offset is rewritten, and a wrong max timestamp, as Kafka does), so
// produce and fetch never re-encode records. It appends only batches that
// passed ./validate-batch.ts and keeps its invariants: offsets contiguous and
// increasing, a high watermark that never moves back. Batches sit in segments
// (./segments.ts) that roll by size and age and that retention deletes whole,
// moving the log start offset, as in Kafka. With our in-process "replication"
// every acknowledged write is on every replica at once, so the high watermark
// is the log end offset.
import { BatchField, controlMarkerOf, decodeRecords, readBatchHeader, sealBatch, setBaseOffset, type DecodedRecord } from "../protocol";
import { PartitionProducerState, producerBatchOf } from "../producers/partition-state";
import { lowerBound } from "./lower-bound";
import { DEFAULT_LOG_SETTINGS, emptySegment, segmentsToDelete, shouldRoll, type LogFiles, type LogSettings, type Segment } from "./segments";
import { TimeIndex } from "./time-index";
import type { ValidBatch } from "./validate-batch";

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
  private readonly timeIndex = new TimeIndex();
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
   * Appends one validated batch, assigning its offsets; returns its base
   * offset. The bytes are copied so the request frame can be freed. When the
   * segment file cannot take it, throws (StorageError) with nothing appended.
   */
  append(batch: ValidBatch): bigint {
    const { header } = batch;
    if (shouldRoll(this.segments[this.segments.length - 1], batch.bytes.length, batch.maxTimestamp, this.settings())) this.startSegment(this.endOffset);
    const baseOffset = this.endOffset;
    const bytes = Buffer.from(batch.bytes);
    setBaseOffset(bytes, baseOffset);
    if (header.maxTimestamp !== batch.maxTimestamp) sealBatch(writeMaxTimestamp(bytes, batch.maxTimestamp));
    this.files?.append(bytes);
    this.track(bytes, baseOffset, header.lastOffsetDelta, batch.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), baseOffset, marker);
    this.notify();
    return baseOffset;
  }

  /** Re-adds a batch read back from disk at start-up (offsets already assigned); throws when it does not continue the log. */
  restore(bytes: Buffer): void {
    const header = readBatchHeader(bytes);
    if (this.batches.length === 0) this.logStartOffset = this.endOffset = header.baseOffset;
    if (header.baseOffset !== this.endOffset) {
      throw new Error(`the log of ${this.topic}-${this.partition} is corrupt: a batch at offset ${header.baseOffset} follows offset ${this.endOffset - 1n}`);
    }
    this.track(bytes, header.baseOffset, header.lastOffsetDelta, header.maxTimestamp);
    const marker = header.isControl ? controlMarkerOf(bytes) : undefined;
    this.producers.onAppend(producerBatchOf(header), header.baseOffset, marker);
  }

  private startSegment(baseOffset: bigint): void {
    this.files?.roll(baseOffset);
    this.segments.push(emptySegment(baseOffset));
  }

  private track(bytes: Buffer, baseOffset: bigint, lastOffsetDelta: number, maxTimestamp: bigint): void {
    // Validation guarantees this; a broken invariant must stop here, never reach the log.
    if (lastOffsetDelta < 0) throw new Error(`a batch of ${this.topic}-${this.partition} would move the log end back (lastOffsetDelta ${lastOffsetDelta})`);
    const lastOffset = baseOffset + BigInt(lastOffsetDelta);
    this.batches.push({ baseOffset, lastOffset, maxTimestamp, bytes });
    this.timeIndex.add(maxTimestamp, baseOffset);
    this.endOffset = lastOffset + 1n;
    const active = this.segments[this.segments.length - 1];
    active.size += bytes.length;
    active.batches += 1;
    active.rollingTimestamp ??= maxTimestamp;
    if (maxTimestamp > active.largestTimestamp) active.largestTimestamp = maxTimestamp;
  }

  /** One retention pass: deletes the segments Kafka's rules allow at this moment; returns how many. */
  enforceRetention(): number {
    const count = segmentsToDelete(this.segments, this.logStartOffset, this.highWatermark, this.now(), this.settings());
    if (count === 0) return 0;
    if (count === this.segments.length) this.startSegment(this.endOffset); // Kafka rolls before deleting the active segment
    for (let i = 0; i < count; i++) this.files?.deleteOldest();
    this.segments.splice(0, count);
    this.advanceLogStart(this.segments[0].baseOffset);
    return count;
  }

  /**
   * Moves the log start offset forward (retention, DeleteRecords, a restart
   * restoring it): batches wholly below it leave memory, and so does what the
   * producer state knows of them (aborted transactions, producers with nothing
   * left); their segment files go at the next retention pass, as in Kafka. It
   * never moves back.
   */
  advanceLogStart(offset: bigint): void {
    if (offset <= this.logStartOffset) return;
    if (offset > this.endOffset) throw new RangeError(`log start ${offset} would pass the log end ${this.endOffset} of ${this.topic}-${this.partition}`);
    this.logStartOffset = offset;
    this.batches = this.batches.slice(this.indexOf(offset));
    this.producers.truncateHead(offset);
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

  /** Index of the first batch whose last offset is ≥ offset. */
  private indexOf(offset: bigint): number {
    return lowerBound(this.batches.length, (i) => this.batches[i].lastOffset < offset);
  }

  /**
   * The first record at or after `timestamp` (ListOffsets by time), found
   * through the time index so only the batch that holds it is decoded.
   * Undefined when there is none, or when it is at or past `maxOffset` (the
   * last stable offset for READ_COMMITTED, as Kafka's fetchOffsetForTimestamp).
   */
  offsetForTimestamp(timestamp: bigint, maxOffset: bigint = this.endOffset): DecodedRecord | undefined {
    const from = this.timeIndex.firstBatchReaching(timestamp);
    if (from === undefined) return undefined;
    for (let i = this.indexOf(from > this.logStartOffset ? from : this.logStartOffset); i < this.batches.length; i++) {
      const b = this.batches[i];
      if (b.maxTimestamp < timestamp) continue;
      const found = decodeRecords(b.bytes).find((r) => r.timestamp >= timestamp && r.offset >= this.logStartOffset);
      if (found) return found.offset < maxOffset ? found : undefined;
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

function writeMaxTimestamp(bytes: Buffer, maxTimestamp: bigint): Buffer {
  bytes.writeBigInt64BE(maxTimestamp, BatchField.maxTimestamp);
  return bytes;
}
