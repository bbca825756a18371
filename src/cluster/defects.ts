// Deliberate defects, for the course's mutation test only (src/lab/mutation.test.ts,
// `npm run bench -- mutation`): each one breaks, in the one place that
// implements it, a behaviour a notebook teaches, so the test can prove that
// notebook's checks fail when the cluster is wrong. A defect is switched on
// only through `startCluster({ defects })`; the CLI, the build and connect()
// never set it, and with no defects none of the code below runs.
import { coordinatorPartition } from "./coordination/placement";
import { builtBatch } from "./log/validate-batch";
import { PartitionLog } from "./log/partition-log";
import { decodeRecords, encodeRecordBatch, readBatchHeader } from "./protocol";
import type { Partition } from "./state/model";

export const CLUSTER_DEFECTS = {
  "fetch-out-of-order": "Fetch serves a partition's batches out of order (all but the last reversed)",
  "duplicates-stored": "the idempotent producer's duplicate check is off: a retried batch is stored again",
  "read-committed-ignored": "Fetch treats read_committed as read_uncommitted: aborted and open transactions are served",
  "create-partitions-moves-records": "CreatePartitions re-distributes a topic's keyed records over the new partition count",
  "commit-not-kept": "OffsetCommit answers NONE but stores nothing",
  "join-never-rebalances": "a member joining a stable group gets the current generation and no partitions: no rebalance",
} as const;

export type ClusterDefect = keyof typeof CLUSTER_DEFECTS;

/** The defects a cluster runs with: empty unless a mutation test asked for some. */
export type Defects = ReadonlySet<ClusterDefect>;

export const NO_DEFECTS: Defects = new Set();

/** Checks the names given to `startCluster({ defects })`; throws on one that does not exist. */
export function defectsOf(names: readonly string[] | undefined): Defects {
  if (!names || names.length === 0) return NO_DEFECTS;
  for (const n of names) if (!(n in CLUSTER_DEFECTS)) throw new Error(`unknown cluster defect "${n}"; known: ${Object.keys(CLUSTER_DEFECTS).join(", ")}`);
  return new Set(names as ClusterDefect[]);
}

/** "fetch-out-of-order": every batch but the last in reverse order; the last stays last, so a consumer still moves on. */
export function outOfOrder(batches: Buffer[]): Buffer[] {
  return batches.length < 3 ? batches : [...batches.slice(0, -1).reverse(), batches[batches.length - 1]];
}

/**
 * "create-partitions-moves-records": after a topic grew, every record with a
 * key is re-appended to partition abs(String.hashCode(key)) % new count (a
 * naive "rebalance the data"); key-less records stay in their partition. Logs are rebuilt in
 * memory, so offsets change too. Control records and producer state are not
 * carried over: the defect is for plain keyed records.
 */
export function moveKeyedRecords(partitions: Partition[]): void {
  const records = partitions.flatMap((p) =>
    p.log.allBatches()
      .filter((b) => !readBatchHeader(b.bytes).isControl)
      .flatMap((b) => decodeRecords(b.bytes).map((r) => ({ from: p.index, record: r }))));
  for (const p of partitions) p.log = new PartitionLog(p.log.topic, p.index);
  for (const { from, record } of records) {
    const to = record.key === null ? from : coordinatorPartition(record.key.toString("utf8"), partitions.length);
    const bytes = encodeRecordBatch({ records: [{ key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp }] });
    partitions[to].log.append(builtBatch(bytes));
  }
}
