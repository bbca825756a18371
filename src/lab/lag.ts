// Consumer lag per partition, as Kafka's tools compute it: a partition's end
// offset minus the group's committed offset (a partition the group never
// committed counts from the partition's first offset).
import type { Admin } from "kafkajs";

export type PartitionLag = { partition: number; end: number; committed: number | null; lag: number };
export type LagSample = PartitionLag & { seconds: number };

/** The lag of `groupId` on every partition of `topic`, asked from the cluster. */
export async function groupLag(admin: Admin, topic: string, groupId: string): Promise<PartitionLag[]> {
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  return lagRows(
    ends.map((e) => ({ partition: e.partition, low: Number(e.low), high: Number(e.high) })),
    committed.partitions.map((c) => ({ partition: c.partition, offset: Number(c.offset) })),
  );
}

/** Pure part of {@link groupLag}: kafkajs reports "-1" for a partition without a committed offset. */
export function lagRows(ends: { partition: number; low: number; high: number }[], committed: { partition: number; offset: number }[]): PartitionLag[] {
  return [...ends]
    .sort((a, b) => a.partition - b.partition)
    .map((e) => {
      const c = committed.find((x) => x.partition === e.partition)?.offset;
      const has = c !== undefined && c >= 0;
      return { partition: e.partition, end: e.high, committed: has ? c : null, lag: e.high - (has ? Math.max(c, e.low) : e.low) };
    });
}

/** The highest lag each partition reached over `samples`. */
export function peakLag(samples: LagSample[]): Map<number, number> {
  const peaks = new Map<number, number>();
  for (const s of samples) peaks.set(s.partition, Math.max(peaks.get(s.partition) ?? 0, s.lag));
  return peaks;
}

/**
 * When each partition drained for good: the time of the first sample after
 * its last sample with lag above zero (0 if it never lagged).
 */
export function drainedAt(samples: LagSample[]): Map<number, number> {
  const ordered = [...samples].sort((a, b) => a.seconds - b.seconds);
  const out = new Map<number, number>();
  for (const partition of new Set(ordered.map((s) => s.partition))) {
    const mine = ordered.filter((s) => s.partition === partition);
    const last = mine.map((s) => s.lag > 0).lastIndexOf(true);
    out.set(partition, last < 0 ? 0 : (mine[last + 1]?.seconds ?? Number.POSITIVE_INFINITY));
  }
  return out;
}
