// A log's segments and Kafka's rules over them, as pure functions: when the
// active segment rolls (LogSegment.shouldRoll: segment.bytes, segment.ms) and
// how many of the oldest segments retention deletes (UnifiedLog's
// deleteLogStartOffsetBreachedSegments, deleteRetentionSizeBreachedSegments
// and deleteRetentionMsBreachedSegments, applied in that order).

/** Where a partition's segments are kept on disk (../storage/segment-file.ts); absent in memory. */
export interface LogFiles {
  /** The segments found when opened, oldest first, each with its intact batches. */
  readonly segments: readonly { baseOffset: bigint; batches: Buffer[] }[];
  /** Appends to the newest segment; on failure nothing of `bytes` stays in the file and a StorageError is thrown. */
  append(bytes: Buffer): void;
  /** Starts a new (empty) segment at `baseOffset`; later appends go there. */
  roll(baseOffset: bigint): void;
  /** Deletes the oldest segment's file (retention). */
  deleteOldest(): void;
  close(): void;
  /** Deletes every file of the partition (topic deletion). */
  remove(): void;
}

export type Segment = {
  baseOffset: bigint;
  /** Bytes of the batches in it. */
  size: number;
  /** How many batches it holds. */
  batches: number;
  /** The largest record timestamp in it (-1 while empty): what retention.ms compares. */
  largestTimestamp: bigint;
  /** The first batch's timestamp: what segment.ms counts from. */
  rollingTimestamp: bigint | undefined;
};

export type LogSettings = {
  segmentBytes: number;
  segmentMs: bigint;
  retentionMs: bigint;
  retentionBytes: bigint;
  /** cleanup.policy includes "delete". */
  deletes: boolean;
};

/** Kafka's defaults: 1 GiB segments rolled weekly, kept 7 days, no size limit. */
export const DEFAULT_LOG_SETTINGS: LogSettings = {
  segmentBytes: 1 << 30, segmentMs: 604_800_000n, retentionMs: 604_800_000n, retentionBytes: -1n, deletes: true,
};

export function emptySegment(baseOffset: bigint): Segment {
  return { baseOffset, size: 0, batches: 0, largestTimestamp: -1n, rollingTimestamp: undefined };
}

/** Whether a batch of `size` bytes with max timestamp `timestamp` must go to a new segment. An empty segment never rolls. */
export function shouldRoll(active: Segment, size: number, timestamp: bigint, settings: LogSettings): boolean {
  if (active.size === 0) return false;
  if (active.size + size > settings.segmentBytes) return true;
  return active.rollingTimestamp !== undefined && timestamp - active.rollingTimestamp > settings.segmentMs;
}

type Predicate = (segment: Segment, next: Segment | undefined) => boolean;

/** How many segments from the oldest satisfy `predicate`, never one holding offsets at or above the high watermark, nor an empty last one. */
function countDeletable(segments: Segment[], highWatermark: bigint, logEnd: bigint, predicate: Predicate): number {
  let n = 0;
  while (n < segments.length) {
    const segment = segments[n];
    const next = segments[n + 1];
    const upperBound = next ? next.baseOffset : logEnd;
    if (highWatermark < upperBound || (!next && segment.size === 0) || !predicate(segment, next)) break;
    n++;
  }
  return n;
}

/**
 * How many of the oldest segments one retention pass deletes at `now`; the
 * three rules run one after another on what the previous left.
 */
export function segmentsToDelete(segments: Segment[], logStartOffset: bigint, highWatermark: bigint, now: number, settings: LogSettings): number {
  const logEnd = highWatermark;
  let remaining = segments;
  const take = (predicate: Predicate) => {
    const n = countDeletable(remaining, highWatermark, logEnd, predicate);
    remaining = remaining.slice(n);
  };
  take((_s, next) => next !== undefined && next.baseOffset <= logStartOffset);
  if (settings.deletes) {
    const total = remaining.reduce((sum, s) => sum + s.size, 0);
    if (settings.retentionBytes >= 0n && BigInt(total) >= settings.retentionBytes) {
      let excess = BigInt(total) - settings.retentionBytes;
      take((s) => {
        if (excess - BigInt(s.size) < 0n) return false;
        excess -= BigInt(s.size);
        return true;
      });
    }
    if (settings.retentionMs >= 0n) take((s) => BigInt(now) - s.largestTimestamp > settings.retentionMs);
  }
  return segments.length - remaining.length;
}
