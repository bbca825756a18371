// Model-based testing: fast-check drives a 3-broker cluster with random
// sequences of produce (plain and idempotent, with retries), fetch,
// ListOffsets, CreatePartitions, transactions (commit, abort, and writes to a
// partition never added) and broker stops, and compares what comes back with
// a simple model — per partition, the acknowledged records in order, each
// with its transaction's fate. After every step the logs' invariants hold
// (fuzz-invariants.ts); every fetch returns each acknowledged record exactly
// once, in order, at increasing offsets; the high watermark never moves back;
// read_committed never shows an aborted or open record.
import fc from "fast-check";
import { createCluster, type ClusterCore } from "partition-lab";
import { openRequestClient, type RequestClient } from "partition-lab/dist/cluster/client/request-client";
import { encodeRecordBatch } from "partition-lab/dist/cluster/protocol";
import { watchInvariants, type InvariantWatch } from "./fuzz-invariants";
import { fetchAll, type Fetched } from "./fuzz-reads";

const TOPIC = "model";
const TXN_ID = "model-tx";
type Fate = "plain" | "open" | "committed" | "aborted";
type Rec = { value: string; offset: bigint; txn: number };

export type Model = {
  partitions: Rec[][];
  /** The fate of each transaction by number; 0 is "no transaction". */
  fates: Fate[];
  txn: { number: number; added: Set<number> } | undefined;
  sequences: number[];
  txnSequences: number[];
  highWatermarks: bigint[];
  nextValue: number;
};

/** What a run exercised, so a test can tell the model checks really ran. */
export type ModelStats = { commands: number; acknowledged: number; fetched: number; commits: number; aborts: number; refusedUnadded: number; brokerStops: number };

const stats: ModelStats = { commands: 0, acknowledged: 0, fetched: 0, commits: 0, aborts: 0, refusedUnadded: 0, brokerStops: 0 };

export type Real = {
  cluster: ClusterCore;
  watch: InvariantWatch;
  idempotent: { producerId: bigint; producerEpoch: number };
  transactional: { producerId: bigint; producerEpoch: number };
  lastBatch: Map<number, { bytes: Buffer; baseOffset: bigint }>;
  client(nodeId: number): Promise<RequestClient>;
  /** Drops the connection to a broker that was stopped: its close reaches the client a task later, as over TCP. */
  forget(nodeId: number): void;
};

const fateOf = (m: Model, r: Rec): Fate => m.fates[r.txn];
const up = (real: Real) => real.cluster.state.liveBrokerIds();

/** A client of the partition's leader, or undefined when it has none. */
async function leaderOf(real: Real, partition: number): Promise<RequestClient | undefined> {
  const leader = real.cluster.state.partition(TOPIC, partition)?.leader ?? -1;
  return leader < 0 ? undefined : real.client(leader);
}

async function coordinator(real: Real): Promise<RequestClient> {
  return real.client(real.cluster.coordination.coordinatorFor(TXN_ID)!);
}

function afterEach(real: Real): void {
  stats.commands++;
  const problems = real.watch.check();
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/** A step on one partition, run against its leader (skipped while it has none), followed by the invariant checks. */
abstract class PartitionStep implements fc.AsyncCommand<Model, Real> {
  constructor(readonly partition: number) {}
  check(m: Readonly<Model>): boolean {
    return this.partition < m.partitions.length;
  }
  async run(m: Model, real: Real): Promise<void> {
    const client = await leaderOf(real, this.partition);
    if (!client) return;
    await this.step(m, real, client);
    afterEach(real);
  }
  protected abstract step(m: Model, real: Real, client: RequestClient): Promise<void>;
}

class Produce extends PartitionStep {
  constructor(partition: number, readonly count: number, readonly idempotent: boolean) {
    super(partition);
  }
  protected async step(m: Model, real: Real, client: RequestClient): Promise<void> {
    const values = Array.from({ length: this.count }, () => `v${m.nextValue++}`);
    const p = this.idempotent ? real.idempotent : undefined;
    const bytes = encodeRecordBatch({ records: values.map((value) => ({ value })), producerId: p?.producerId ?? -1n, producerEpoch: p?.producerEpoch ?? -1, baseSequence: p ? m.sequences[this.partition] : -1 });
    const answer = await produce(client, this.partition, bytes, null);
    if (answer.errorCode === 0) {
      acknowledge(m, this.partition, values, answer.baseOffset, 0);
      if (p) {
        m.sequences[this.partition] += this.count;
        real.lastBatch.set(this.partition, { bytes, baseOffset: answer.baseOffset });
      }
    }
  }
  override toString = () => `Produce(p${this.partition}, ${this.count}${this.idempotent ? ", idempotent" : ""})`;
}

class RetryLastIdempotent extends PartitionStep {
  protected async step(_m: Model, real: Real, client: RequestClient): Promise<void> {
    const last = real.lastBatch.get(this.partition);
    if (!last) return;
    const answer = await produce(client, this.partition, last.bytes, null);
    // A retried batch is answered with its first offset and not stored again.
    if (answer.errorCode !== 0 || answer.baseOffset !== last.baseOffset) throw new Error(`retry answered ${answer.errorCode} at ${answer.baseOffset}, first stored at ${last.baseOffset}`);
  }
  override toString = () => `RetryLastIdempotent(p${this.partition})`;
}

class TxnProduce extends PartitionStep {
  constructor(partition: number, readonly count: number, readonly addFirst: boolean) {
    super(partition);
  }
  protected async step(m: Model, real: Real, client: RequestClient): Promise<void> {
    if (!m.txn) m.txn = { number: m.fates.push("open") - 1, added: new Set() };
    const { txn } = m;
    if (this.addFirst && !txn.added.has(this.partition)) {
      const r = await (await coordinator(real)).request(24, 1, { transactionalId: TXN_ID, ...real.transactional, topics: [{ name: TOPIC, partitions: [this.partition] }] });
      if (r.results[0].results[0].errorCode === 0) txn.added.add(this.partition);
    }
    const values = Array.from({ length: this.count }, () => `t${m.nextValue++}`);
    const bytes = encodeRecordBatch({ records: values.map((value) => ({ value })), ...real.transactional, baseSequence: m.txnSequences[this.partition], isTransactional: true });
    const answer = await produce(client, this.partition, bytes, TXN_ID);
    let owner = txn.number;
    if (!txn.added.has(this.partition)) {
      // As in Kafka 3.9, a partition still holding the previous transaction (its marker not written yet)
      // takes the write into that transaction, which its marker then ends; otherwise it is refused.
      const pending = real.cluster.coordination.txns.describe(TXN_ID);
      const stillOpenHere = pending?.state.startsWith("Prepare") && pending.partitions.some((tp) => tp.topic === TOPIC && tp.partition === this.partition);
      if (answer.errorCode === 0 && !stillOpenHere) throw new Error(`a write to p${this.partition}, never added to the transaction, was accepted`);
      if (answer.errorCode !== 0) stats.refusedUnadded++;
      owner = txn.number - 1;
    }
    if (answer.errorCode === 0) {
      acknowledge(m, this.partition, values, answer.baseOffset, owner);
      m.txnSequences[this.partition] += this.count;
    }
  }
  override toString = () => `TxnProduce(p${this.partition}, ${this.count}${this.addFirst ? "" : ", not added"})`;
}

class EndTxn implements fc.AsyncCommand<Model, Real> {
  constructor(readonly commit: boolean) {}
  check = (m: Model) => m.txn !== undefined;
  async run(m: Model, real: Real): Promise<void> {
    const r = await (await coordinator(real)).request(26, 1, { transactionalId: TXN_ID, ...real.transactional, committed: this.commit });
    const number = m.txn!.number;
    // It may be refused only when it holds nothing (no partition added, or the previous one's markers still pending).
    const holds = m.partitions.some((records) => records.some((rec) => rec.txn === number));
    if (r.errorCode !== 0 && holds) throw new Error(`EndTxn answered ${r.errorCode} for a transaction with records`);
    m.fates[number] = this.commit && r.errorCode === 0 ? "committed" : "aborted";
    if (holds) stats[this.commit ? "commits" : "aborts"]++;
    m.txn = undefined;
    afterEach(real);
  }
  toString = () => (this.commit ? "Commit" : "Abort");
}

class Fetch extends PartitionStep {
  constructor(partition: number, readonly readCommitted: boolean) {
    super(partition);
  }
  protected async step(m: Model, _real: Real, client: RequestClient): Promise<void> {
    const fetched = await fetchAll(client, TOPIC, this.partition, this.readCommitted);
    compare(m, this.partition, fetched, this.readCommitted);
    stats.fetched += fetched.records.length;
  }
  override toString = () => `Fetch(p${this.partition}, ${this.readCommitted ? "read_committed" : "read_uncommitted"})`;
}

class ListLatest extends PartitionStep {
  protected async step(m: Model, _real: Real, client: RequestClient): Promise<void> {
    const [uncommitted, committed] = await Promise.all([0, 1].map(async (isolationLevel) => {
      const body = { replicaId: -1, isolationLevel, topics: [{ name: TOPIC, partitions: [{ partitionIndex: this.partition, currentLeaderEpoch: -1, timestamp: -1n }] }] };
      return (await client.request(2, 5, body)).topics[0].partitions[0].offset as bigint;
    }));
    const last = m.partitions[this.partition].at(-1);
    if (last && uncommitted <= last.offset) throw new Error(`latest ${uncommitted} is not past the last acknowledged offset ${last.offset}`);
    if (committed > uncommitted) throw new Error(`last stable offset ${committed} is past the high watermark ${uncommitted}`);
    const open = m.partitions[this.partition].find((r) => fateOf(m, r) === "open");
    if (open && committed > open.offset) throw new Error(`last stable offset ${committed} passes the open record at ${open.offset}`);
  }
  override toString = () => `ListLatest(p${this.partition})`;
}

class AddPartition implements fc.AsyncCommand<Model, Real> {
  check = (m: Model) => m.partitions.length < 4;
  async run(m: Model, real: Real): Promise<void> {
    const client = await real.client(up(real)[0]);
    const r = await client.request(37, 1, { topics: [{ name: TOPIC, count: m.partitions.length + 1, assignments: null }], timeoutMs: 1000, validateOnly: false });
    if (r.results[0].errorCode !== 0) throw new Error(`CreatePartitions answered ${r.results[0].errorCode}`);
    for (const list of [m.partitions, m.sequences, m.txnSequences, m.highWatermarks] as unknown[][]) list.push(list === m.partitions ? [] : list === m.highWatermarks ? 0n : 0);
    afterEach(real);
  }
  toString = () => "AddPartition";
}

class StopOrStart implements fc.AsyncCommand<Model, Real> {
  constructor(readonly broker: number) {}
  check = () => true;
  async run(_m: Model, real: Real): Promise<void> {
    const live = up(real);
    if (live.includes(this.broker)) {
      if (live.length > 1) {
        await real.cluster.stopBroker(this.broker);
        real.forget(this.broker);
        stats.brokerStops++;
      }
    } else await real.cluster.startBroker(this.broker);
    afterEach(real);
  }
  toString = () => `StopOrStart(${this.broker})`;
}

async function produce(client: RequestClient, partition: number, records: Buffer, transactionalId: string | null) {
  const r = await client.request(0, 7, { transactionalId, acks: -1, timeoutMs: 1000, topicData: [{ name: TOPIC, partitionData: [{ index: partition, records }] }] });
  return r.responses[0].partitionResponses[0] as { errorCode: number; baseOffset: bigint };
}

function acknowledge(m: Model, partition: number, values: string[], baseOffset: bigint, txn: number): void {
  const last = m.partitions[partition].at(-1);
  if (last && baseOffset <= last.offset) throw new Error(`p${partition}: acknowledged at ${baseOffset}, not after ${last.offset}`);
  values.forEach((value, i) => m.partitions[partition].push({ value, offset: baseOffset + BigInt(i), txn }));
  stats.acknowledged += values.length;
}

/** What a fetch returned against the model: exactly the acknowledged records it may see, once, in order. */
function compare(m: Model, partition: number, fetched: Fetched, readCommitted: boolean): void {
  if (fetched.highWatermark < m.highWatermarks[partition]) throw new Error(`p${partition}: high watermark moved back to ${fetched.highWatermark}`);
  m.highWatermarks[partition] = fetched.highWatermark;
  const visible = m.partitions[partition].filter((r) => !readCommitted || (r.offset < fetched.lastStableOffset && fateOf(m, r) !== "open" && fateOf(m, r) !== "aborted"));
  const expected = visible.map((r) => `${r.offset}:${r.value}`).join(" ");
  const got = fetched.records.map((r) => `${r.offset}:${r.value}`).join(" ");
  if (got !== expected) throw new Error(`p${partition} ${readCommitted ? "read_committed" : "read_uncommitted"}:\n  expected ${expected}\n  fetched  ${got}`);
}

const commands = [
  fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([p, n, idem]) => new Produce(p, n, idem)),
  fc.nat(3).map((p) => new RetryLastIdempotent(p)),
  fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 }), fc.constantFrom(true, true, true, false)).map(([p, n, add]) => new TxnProduce(p, n, add)),
  fc.boolean().map((commit) => new EndTxn(commit)),
  fc.tuple(fc.nat(3), fc.boolean()).map(([p, rc]) => new Fetch(p, rc)),
  fc.nat(3).map((p) => new ListLatest(p)),
  fc.constant(new AddPartition()),
  fc.integer({ min: 1, max: 3 }).map((b) => new StopOrStart(b)),
];

/** Runs `runs` random command sequences (up to `maxCommands` each), each on a fresh cluster; throws with the shrunk failing sequence. */
export async function checkAgainstModel(options: { runs: number; maxCommands: number; seed?: number }): Promise<ModelStats> {
  const before = { ...stats };
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: options.maxCommands, size: "max" }), async (cmds) => {
      const { model, real, stop } = await setUp();
      try {
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        for (let p = 0; p < model.partitions.length; p++) {
          const client = await leaderOf(real, p);
          if (client) compare(model, p, await fetchAll(client, TOPIC, p, false), false);
        }
      } finally {
        await stop();
      }
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  return Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v - before[k as keyof ModelStats]])) as ModelStats;
}

async function setUp(): Promise<{ model: Model; real: Real; stop: () => Promise<void> }> {
  const failures: string[] = [];
  const cluster = await createCluster({ brokers: 3, log: (l) => failures.push(l) });
  cluster.state.createTopic(TOPIC, [[1, 2], [2, 3]]);
  const clients = new Map<number, RequestClient>();
  const client = async (nodeId: number) => {
    const open = clients.get(nodeId);
    if (open && !open.closed) return open;
    const b = cluster.brokers.find((x) => x.nodeId === nodeId)!;
    const fresh = await openRequestClient(cluster.connect(b.host, b.port));
    clients.set(nodeId, fresh);
    return fresh;
  };
  const init = async (transactionalId: string | null) => {
    const to = transactionalId ? cluster.coordination.coordinatorFor(transactionalId)! : 1;
    const r = await (await client(to)).request(22, 1, { transactionalId, transactionTimeoutMs: 60_000 });
    return { producerId: r.producerId as bigint, producerEpoch: r.producerEpoch as number };
  };
  const watch = watchInvariants(cluster);
  const forget = (nodeId: number) => {
    clients.get(nodeId)?.close();
    clients.delete(nodeId);
  };
  const real: Real = { cluster, client, forget, watch: { check: () => [...failures.filter((l) => /failed|internal error/.test(l)), ...watch.check()] }, idempotent: await init(null), transactional: await init(TXN_ID), lastBatch: new Map() };
  const model: Model = { partitions: [[], []], fates: ["plain"], txn: undefined, sequences: [0, 0], txnSequences: [0, 0], highWatermarks: [0n, 0n], nextValue: 0 };
  return { model, real, stop: () => cluster.stop() };
}
