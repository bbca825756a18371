import type { Journal } from "../coordination/journal";
import { Clock } from "../coordination/clock";
import { GroupCoordinator, GroupCoordinatorOptions, GroupSnapshot } from "./coordinator";
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
export function openGroupState(options: { journal?: Journal; clock?: Clock } & Omit<GroupCoordinatorOptions, "onChange" | "clock"> = {}): GroupState {
  const { journal } = options;
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

  return {
    coordinator,
    offsets,
    close() {
      coordinator!.close();
      journal?.close();
    },
  };
}
