// Which committed offsets have expired, as Kafka's GroupMetadata
// .removeExpiredOffsets decides (KIP-211): a consumer group's offsets expire
// offsets.retention.minutes after the group became Empty; a "simple" group
// (offsets committed without membership) loses each offset that long after
// its commit; a group with members keeps its offsets. (Kafka also expires a
// Stable group's offsets of topics it no longer subscribes to; not here.)
import type { GroupState } from "./group";
import type { OffsetCommitEntry } from "./offsets";

export type GroupInfo = { state: GroupState; protocolType: string | null; emptySince: number | undefined };

export function expiredOffsets(entries: OffsetCommitEntry[], group: GroupInfo | undefined, now: number, retentionMs: number): OffsetCommitEntry[] {
  if (group && group.protocolType !== null && group.state !== "Empty") return [];
  const since = (e: OffsetCommitEntry) => (group && group.protocolType !== null ? group.emptySince ?? e.commitTimestamp : e.commitTimestamp);
  return entries.filter((e) => now - since(e) >= retentionMs);
}
