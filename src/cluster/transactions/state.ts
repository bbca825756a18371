import { Clock, systemClock } from "../coordination/clock";
import type { Journal } from "../coordination/journal";
import { TransactionCoordinator, TxnEffects, TxnMetadata } from "./coordinator";

type TxnEvent = { t: "txn"; meta: TxnMetadata } | { t: "pids"; upTo: bigint };

/** Producer ids are reserved in blocks, as Kafka does, so a restart never hands out an id twice. */
const PID_BLOCK = 1_000n;
const COMPACT_EVERY = 20_000;

export type TransactionState = {
  coordinator: TransactionCoordinator;
  /** Finishes half-ended transactions; call once the partition logs are loaded. */
  recover(): Promise<void>;
  close(): void;
};

/**
 * The cluster's transaction coordinator and producer id allocator, optionally
 * journalled. A transaction-timeout sweep runs
 * every `sweepMs` (Kafka checks every 10 s).
 */
export function openTransactionState(options: { effects: TxnEffects; journal?: Journal; clock?: Clock; sweepMs?: number; maxTimeoutMs?: number }): TransactionState {
  const clock = options.clock ?? systemClock;
  const { journal } = options;
  let nextPid = 0n;
  let reservedUpTo = 0n;
  const restored = new Map<string, TxnMetadata>();
  for (const record of (journal?.records ?? []) as TxnEvent[]) {
    if (record.t === "pids") nextPid = reservedUpTo = record.upTo;
    else restored.set(record.meta.transactionalId, record.meta);
  }
  let coordinator: TransactionCoordinator | undefined;

  const write = (event: TxnEvent) => {
    if (journal && journal.append(event) >= COMPACT_EVERY && coordinator) {
      journal.compact([{ t: "pids", upTo: reservedUpTo }, ...coordinator.list().map((meta) => ({ t: "txn", meta }))]);
    }
  };
  const allocateProducerId = () => {
    if (nextPid >= reservedUpTo) {
      reservedUpTo = nextPid + PID_BLOCK;
      write({ t: "pids", upTo: reservedUpTo });
    }
    return nextPid++;
  };

  coordinator = new TransactionCoordinator({
    effects: options.effects,
    allocateProducerId,
    clock,
    maxTimeoutMs: options.maxTimeoutMs,
    record: (meta) => write({ t: "txn", meta }),
  });
  for (const meta of restored.values()) coordinator.restore(meta);

  let closed = false;
  let cancelSweep = () => {};
  const sweep = () => {
    if (closed) return;
    cancelSweep = clock.schedule(options.sweepMs ?? 10_000, sweep);
    coordinator!.abortExpired().catch(() => {});
  };
  cancelSweep = clock.schedule(options.sweepMs ?? 10_000, sweep);

  return {
    coordinator,
    recover: () => coordinator!.recover(),
    close() {
      closed = true;
      cancelSweep();
      coordinator!.close();
      journal?.close();
    },
  };
}
