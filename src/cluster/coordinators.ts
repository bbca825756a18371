// The group coordinator, the offset store and the transaction coordinator
// of one cluster, wired together, and which broker coordinates which id.
import { Clock, systemClock } from "./coordination/clock";
import type { Journal } from "./coordination/journal";
import type { CoordinatorKind } from "./coordination/placement";
import { GroupCoordinator } from "./groups/coordinator";
import { OffsetStore } from "./groups/offsets";
import { openGroupState, type GroupStateOptions } from "./groups/state";
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
  /** The coordinators' clock (commit timestamps, timeouts, offset expiry). */
  clock: Clock;
  /** The live broker that coordinates a group id (kind "group", the default) or transactional id, or undefined when none can. */
  coordinatorFor(key: string, kind?: CoordinatorKind): number | undefined;
  /** Finishes transactions a crash left half-ended; call after the partition logs are loaded. */
  recover(): Promise<void>;
  close(): void;
};

export type CoordinationOptions = {
  /** Opens a coordinator's journal ("groups", "transactions"); in memory when absent. */
  openJournal?: (name: string) => Journal;
  clock?: Clock;
  /** The broker leading the internal topic partition of `key`, or undefined when it has no leader. */
  coordinatorOf: (key: string, kind: CoordinatorKind) => number | undefined;
  partitionExists: (tp: TopicPartition) => boolean;
  /** Appends a commit/abort control batch for the producer to the partition's log. */
  writeMarker: (tp: TopicPartition, producerId: bigint, producerEpoch: number, commit: boolean) => void | Promise<void>;
  group?: Omit<GroupStateOptions, "clock" | "journal" | "offsetsRetentionMs" | "offsetsRetentionCheckIntervalMs">;
  /** Kafka's offsets.retention.minutes, in ms. */
  offsetsRetentionMs?: number;
  /** Kafka's offsets.retention.check.interval.ms. */
  offsetsRetentionCheckIntervalMs?: number;
  /** Transaction-timeout sweep period (Kafka: 10 s). */
  txnSweepMs?: number;
  /** Kafka's transaction.max.timeout.ms. */
  maxTransactionTimeoutMs?: number;
};

export function createCoordination(options: CoordinationOptions): Coordination {
  const clock = options.clock ?? systemClock;
  const groupState = openGroupState({
    journal: options.openJournal?.("groups"),
    clock,
    offsetsRetentionMs: options.offsetsRetentionMs,
    offsetsRetentionCheckIntervalMs: options.offsetsRetentionCheckIntervalMs,
    ...options.group,
  });
  const txnState = openTransactionState({
    journal: options.openJournal?.("transactions"),
    clock,
    sweepMs: options.txnSweepMs,
    maxTimeoutMs: options.maxTransactionTimeoutMs,
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
    clock,
    coordinatorFor: (key, kind = "group") => options.coordinatorOf(key, kind),
    recover: () => txnState.recover(),
    close() {
      groupState.close();
      txnState.close();
    },
  };
}
