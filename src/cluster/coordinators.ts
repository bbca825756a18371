// The group coordinator, the offset store and the transaction coordinator
// of one cluster, wired together, and which broker coordinates which id.
import { Clock, systemClock } from "./coordination/clock";
import type { Journal } from "./coordination/journal";
import { coordinatorIndex } from "./coordination/placement";
import { GroupCoordinator, GroupCoordinatorOptions } from "./groups/coordinator";
import { OffsetStore } from "./groups/offsets";
import { openGroupState } from "./groups/state";
import { TransactionCoordinator, TopicPartition } from "./transactions/coordinator";
import { openTransactionState } from "./transactions/state";

/**
 * Everything the coordinator APIs need, shared by all brokers of one
 * in-process cluster: the group coordinator, the offset store and the
 * transaction coordinator. Which broker answers for a key is decided by
 * {@link Coordination.coordinatorFor}; the state itself is shared, so moving
 * a coordinator (its broker stopped) loses nothing.
 */
export type Coordination = {
  groups: GroupCoordinator;
  offsets: OffsetStore;
  txns: TransactionCoordinator;
  /** The live broker that coordinates a group id or transactional id, or undefined when none is up. */
  coordinatorFor(key: string): number | undefined;
  /** Finishes transactions a crash left half-ended; call after the partition logs are loaded. */
  recover(): Promise<void>;
  close(): void;
};

export type CoordinationOptions = {
  /** Opens a coordinator's journal ("groups", "transactions"); in memory when absent. */
  openJournal?: (name: string) => Journal;
  clock?: Clock;
  /** Ids of the brokers currently up. */
  liveBrokers: () => number[];
  partitionExists: (tp: TopicPartition) => boolean;
  /** Appends a commit/abort control batch for the producer to the partition's log. */
  writeMarker: (tp: TopicPartition, producerId: bigint, producerEpoch: number, commit: boolean) => void | Promise<void>;
  group?: Omit<GroupCoordinatorOptions, "clock" | "onChange">;
  /** Transaction-timeout sweep period (Kafka: 10 s). */
  txnSweepMs?: number;
};

export function createCoordination(options: CoordinationOptions): Coordination {
  const clock = options.clock ?? systemClock;
  const groupState = openGroupState({ journal: options.openJournal?.("groups"), clock, ...options.group });
  const txnState = openTransactionState({
    journal: options.openJournal?.("transactions"),
    clock,
    sweepMs: options.txnSweepMs,
    effects: {
      partitionExists: options.partitionExists,
      writeMarker: options.writeMarker,
      completeOffsets: (groupId, producerId, commit) => groupState.offsets.endTransaction(groupId, producerId, commit),
    },
  });
  return {
    groups: groupState.coordinator,
    offsets: groupState.offsets,
    txns: txnState.coordinator,
    coordinatorFor(key) {
      const live = [...options.liveBrokers()].sort((a, b) => a - b);
      if (live.length === 0) return undefined;
      return live[coordinatorIndex(key, live.length)];
    },
    recover: () => txnState.recover(),
    close() {
      groupState.close();
      txnState.close();
    },
  };
}
