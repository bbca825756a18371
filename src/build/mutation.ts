// The course mutation test: for each deliberate defect of the cluster
// (../cluster/defects.ts), the notebook that teaches the broken behaviour
// must fail, at the cell and with the check that teaches it, and the other
// notebooks must still pass (a few are declared to fail too, with a reason).
// src/build/mutation.test.ts runs each defect's first teaching notebook;
// `npm run bench -- mutation` runs the whole course once per defect.
import * as path from "node:path";
import { startCluster, type ClusterDefect } from "../cluster";
import { runNotebooks, withDeadline, type NotebookRun, type RunManyOptions } from "../runner";
import { CLUSTER_START_MS, CLUSTER_STOP_MS } from "./cluster-target";

/** Where a defect must be caught: a notebook, the id of the cell, and the start of the failure's message. */
export type Catch = { notebook: string; cell: string; message: string };

export type Mutation = {
  defect: ClusterDefect;
  /** The notebooks that teach the behaviour, each failing where it teaches it; the first one is run by `npm test`. */
  caughtBy: Catch[];
  /** Other notebooks that fail with this defect too, each with the reason. */
  alsoFails: Record<string, string>;
};

const at = (notebook: string, cell: string, message: string): Catch => ({ notebook, cell, message });

export const MUTATIONS: readonly Mutation[] = [
  { defect: "fetch-out-of-order", caughtBy: [
    at("04-step-3-a-consumer.ipynb", "order", "✗ user1's messages came back in the order they were sent"),
    at("01-kafka-in-five-minutes.ipynb", "914817c0", "✗ within each partition, records arrived in offset order"),
    at("05-step-4-order-per-partition.ipynb", "0985856b", "order broken for key user1"),
  ], alsoFails: {
    "06-retries-and-idempotence.ipynb": "it reads back what a partition stores to judge the producer: the reads arrive reordered",
    "08-exactly-once-with-transactions.ipynb": "kafkajs drops an aborted transaction's records when it meets the abort marker after them; out of order, they show",
    "10-ordering-on-the-consumer-side.ipynb": "its replay of the parking topic retries a failed record by fetching again from its offset; out of order, the replay does not finish within its wait",
  } },
  { defect: "duplicates-stored", caughtBy: [at("06-retries-and-idempotence.ipynb", "idempotent", "✗ each message exactly once, in sending order")], alsoFails: {
    "11-capstone-an-order-pipeline.ipynb": "its keyless design shows kafkajs reusing a sequence number after a lost acknowledgement; with the duplicate check off the reused batch is stored, so no event is lost and the evidence cell fails",
  } },
  { defect: "read-committed-ignored", caughtBy: [at("08-exactly-once-with-transactions.ipynb", "isolation", "✗ read_committed sees only the committed record")], alsoFails: {} },
  { defect: "create-partitions-moves-records", caughtBy: [
    at("05-step-4-order-per-partition.ipynb", "grown", "✗ every record written before the change is still at its partition and offset"),
  ], alsoFails: {} },
  { defect: "commit-not-kept", caughtBy: [
    at("07-consumer-groups-and-offsets.ipynb", "handover", "timed out waiting for the group to commit every partition up to its end offset"),
    at("10-ordering-on-the-consumer-side.ipynb", "batch-bookkeeping", "✗ without a single resolveOffset call, the group committed every partition to its end"),
  ], alsoFails: {
    "09-hot-partitions.ipynb": "it charts lag, the end offset minus the group's committed offset: with nothing committed the lag never drains",
    "11-capstone-an-order-pipeline.ipynb": "its pipeline rebalances: with nothing committed, a partition's new owner starts over and the reference design fails its requirements",
  } },
  { defect: "join-never-rebalances", caughtBy: [at("07-consumer-groups-and-offsets.ipynb", "split", "timed out waiting for a split between alice and bob")], alsoFails: {
    "09-hot-partitions.ipynb": "its six consumers must split six partitions: the members that join later own none",
  } },
];

/** What one notebook did against a defective cluster: passed, or failed at a cell with a message. */
export type Outcome = { notebook: string; ok: boolean; cell?: string; message?: string; seconds: number };

export function outcomeOf(run: NotebookRun): Outcome {
  const f = run.failure;
  const cell = f && f.cellIndex >= 0 ? String(run.notebook.cells[f.cellIndex]?.id ?? `#${f.cellIndex + 1}`) : undefined;
  return { notebook: path.basename(run.path), ok: run.ok, cell, message: f && `${f.message}`.split("\n")[0], seconds: run.seconds };
}

/** Whether `outcome` is the failure `expected` names. */
export function caught(outcome: Outcome, expected: Catch): boolean {
  return !outcome.ok && outcome.cell === expected.cell && (outcome.message ?? "").startsWith(expected.message);
}

/** How one notebook's outcome reads in the matrix, and whether it is what the mutation declares. */
export type Verdict = { label: "caught" | "MISSED" | "pass" | "fails (declared)" | "UNEXPECTED FAILURE"; ok: boolean };

export function verdictOf(mutation: Mutation, outcome: Outcome): Verdict {
  const teaching = mutation.caughtBy.find((c) => c.notebook === outcome.notebook);
  if (teaching) return caught(outcome, teaching) ? { label: "caught", ok: true } : { label: "MISSED", ok: false };
  if (outcome.ok) return { label: "pass", ok: true };
  return mutation.alsoFails[outcome.notebook] ? { label: "fails (declared)", ok: true } : { label: "UNEXPECTED FAILURE", ok: false };
}

/**
 * Starts a 3-broker cluster with `defects`, runs `notebooks` against it as
 * the build does (Run All), and stops it.
 */
export async function runAgainstDefects(notebooks: string[], defects: ClusterDefect[], options: Pick<RunManyOptions, "jobs" | "reporter" | "timeout"> = {}): Promise<Outcome[]> {
  const cluster = await withDeadline(startCluster({ brokers: 3, defects }), CLUSTER_START_MS, "starting a cluster for the mutation test");
  try {
    const runs = await runNotebooks(notebooks, {
      env: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl },
      mode: "run-all",
      timeout: options.timeout ?? 120,
      jobs: options.jobs,
      reporter: options.reporter,
    });
    return runs.map(outcomeOf);
  } finally {
    await withDeadline(cluster.stop(), CLUSTER_STOP_MS, "stopping the mutation test's cluster");
  }
}
