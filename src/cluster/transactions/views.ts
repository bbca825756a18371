// What the admin APIs show of a transactional id (KIP-664: DescribeTransactions,
// ListTransactions, as Kafka's TransactionCoordinator.handleDescribeTransactions
// and TransactionStateManager.listTransactionStates answer them).
import type { TxnMetadata } from "./coordinator";

/** The transaction's start, -1 for an Empty one (Kafka's txnStartTimestamp is reset when the producer id or epoch is handed out). */
export function transactionStartTimeMs(meta: TxnMetadata): number {
  return meta.state === "Empty" ? -1 : meta.startedAt;
}

/** The partitions in the transaction by topic: while preparing, those still without a marker; none once complete. */
export function transactionTopics(meta: TxnMetadata): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of meta.partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
}

export type ListFilters = { states: string[]; producerIds: bigint[]; durationMs: bigint };

/**
 * listTransactionStates' filter: a state filter Kafka does not know is
 * reported back and matches nothing; a duration filter keeps transactions
 * running longer than it (an Empty one, started at -1, always is).
 */
export function listed(all: TxnMetadata[], filters: ListFilters, now: number, knownStates: readonly string[]): { unknownStateFilters: string[]; matching: TxnMetadata[] } {
  const unknownStateFilters = filters.states.filter((s) => !knownStates.includes(s));
  const states = filters.states.filter((s) => knownStates.includes(s));
  const matching = all.filter((m) =>
    (filters.producerIds.length === 0 || filters.producerIds.includes(m.producerId))
    && (filters.states.length === 0 || states.includes(m.state))
    && (filters.durationMs < 0n || BigInt(now - transactionStartTimeMs(m)) > filters.durationMs));
  return { unknownStateFilters, matching };
}

/** Kafka's TransactionState names (TransactionState.scala); Dead and PrepareEpochFence are never held here, but are valid filters. */
export const TRANSACTION_STATES = ["Empty", "Ongoing", "PrepareCommit", "PrepareAbort", "CompleteCommit", "CompleteAbort", "Dead", "PrepareEpochFence"] as const;
