import type { Journal } from "../coordination/journal";
import { Clock, every, systemClock } from "../coordination/clock";
import { GroupCoordinator, GroupCoordinatorOptions, GroupSnapshot } from "./coordinator";
import { expiredOffsets } from "./expiry";
import { OffsetEvent, OffsetStore } from "./offsets";

type GroupEvent = OffsetEvent | { t: "group"; snapshot: GroupSnapshot } | { t: "group-gone"; groupId: string };

/** Rewrite the journal from live state after this many appends, so it stays proportional to the state. */
const COMPACT_EVERY = 20_000;

export type GroupState = {
  coordinator: GroupCoordinator;
  offsets: OffsetStore;
  /** Stops timers and closes the journal. */
  close(): void;
};

/**
 * The cluster's group coordinator and offset store, optionally durable: with a
 * `journal`, every committed offset and every new group generation is
 * journalled before the client is answered, and read back on start.
 */
export type GroupStateOptions = {
  journal?: Journal;
  clock?: Clock;
  /** Kafka's offsets.retention.minutes, in ms (default 7 days). */
  offsetsRetentionMs?: number;
  /** Kafka's offsets.retention.check.interval.ms (default 10 minutes). */
  offsetsRetentionCheckIntervalMs?: number;
} & Omit<GroupCoordinatorOptions, "onChange" | "clock">;

export function openGroupState(options: GroupStateOptions = {}): GroupState {
  const { journal } = options;
  const clock = options.clock ?? systemClock;
  let coordinator: GroupCoordinator | undefined;
  let offsets: OffsetStore | undefined;

  const compact = () => {
    if (!journal || !coordinator || !offsets) return;
    const events: GroupEvent[] = [];
    for (const { groupId } of coordinator.listGroups()) {
      const snapshot = coordinator.snapshot(groupId);
      if (snapshot) events.push({ t: "group", snapshot });
    }
    events.push(...offsets.snapshotEvents());
    journal.compact(events);
  };
  const write = (event: GroupEvent) => {
    if (journal && journal.append(event) >= COMPACT_EVERY) queueMicrotask(compact);
  };

  offsets = new OffsetStore(write);
  coordinator = new GroupCoordinator({
    ...options,
    onChange: (groupId, snapshot) => write(snapshot ? { t: "group", snapshot } : { t: "group-gone", groupId }),
  });

  if (journal) {
    const groups = new Map<string, GroupSnapshot>();
    for (const record of journal.records as GroupEvent[]) {
      if (record.t === "group") groups.set(record.snapshot.groupId, record.snapshot);
      else if (record.t === "group-gone") groups.delete(record.groupId);
      else offsets.replay(record);
    }
    for (const snapshot of groups.values()) coordinator.restore(snapshot);
    // A group known only by its offsets (simple commits) still exists, Empty, as in Kafka.
    for (const groupId of offsets.groupIds()) {
      if (!groups.has(groupId)) {
        coordinator.restore({ groupId, generationId: 0, protocolType: null, protocolName: null, leaderId: null, members: [] });
      }
    }
    if (journal.records.length > 1_000) compact();
  }

  // Kafka's offset cleanup: expired offsets go, then every Empty group left without offsets.
  const retentionMs = options.offsetsRetentionMs ?? 7 * 24 * 3_600_000;
  const cleanUp = () => {
    const now = clock.now();
    for (const groupId of offsets!.groupIds()) {
      const expired = expiredOffsets(offsets!.list(groupId), coordinator!.groupInfo(groupId), now, retentionMs);
      offsets!.expire(groupId, expired);
    }
    for (const { groupId } of coordinator!.listGroups()) if (!offsets!.hasOffsets(groupId)) coordinator!.removeIfEmpty(groupId);
  };
  const cancelCleanUp = every(clock, () => options.offsetsRetentionCheckIntervalMs ?? 600_000, cleanUp);

  return {
    coordinator,
    offsets,
    close() {
      cancelCleanUp();
      coordinator!.close();
      journal?.close();
    },
  };
}
