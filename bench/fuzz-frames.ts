// Structure-aware fuzzing: requests that parse, with batches whose frames and
// CRCs are intact, but whose fields vary — base offsets, offset deltas, record
// counts, sizes, codecs, control and transaction flags, producer ids, epochs
// and sequences, request versions, acks — mixed with Fetch, ListOffsets and
// transaction requests. A random-byte fuzzer rarely gets past the CRC; this
// one reaches the log. After every request the cluster's logs must keep their
// invariants (fuzz-invariants.ts) and no handler may have failed.
import fc from "fast-check";
import { createCluster, type ClusterCore } from "partition-lab";
import { openRequestClient, type RequestClient } from "partition-lab/dist/cluster/client/request-client";
import { BatchField, encodeRecordBatch, errorName, sealBatch } from "partition-lab/dist/cluster/protocol";
import { watchInvariants } from "./fuzz-invariants";

type Edit = [keyof typeof BatchField, number | bigint];
type BatchSpec = { values: string[]; producer: number; sequence: number; transactional: boolean; edits: readonly Edit[]; deltas: readonly (readonly [number, number])[]; tail: number; sealed: boolean };
type FuzzRequest =
  | { kind: "produce"; version: number; acks: number; partition: number; txnId: boolean; batches: BatchSpec[] }
  | { kind: "fetch"; version: number; partition: number; offset: number; isolation: number; maxBytes: number }
  | { kind: "listOffsets"; version: number; partition: number; timestamp: bigint; isolation: number }
  | { kind: "initProducerId"; txn: boolean }
  | { kind: "addPartitions"; producer: number; partition: number; epochDelta: number }
  | { kind: "endTxn"; producer: number; commit: boolean };

const TOPIC = "fz";
const PARTITIONS = 3;
const TXN_ID = "fz-tx";

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.constant("baseOffset" as const), fc.constantFrom(1n, 7n, -1n, 1n << 62n)),
  fc.tuple(fc.constant("lastOffsetDelta" as const), fc.integer({ min: -4, max: 8 })),
  fc.tuple(fc.constant("recordCount" as const), fc.integer({ min: -2, max: 8 })),
  fc.tuple(fc.constant("attributes" as const), fc.integer({ min: 0, max: 0x7f })),
  fc.tuple(fc.constant("magic" as const), fc.constantFrom(0, 1, 3)),
  fc.tuple(fc.constant("producerEpoch" as const), fc.integer({ min: -1, max: 3 })),
  fc.tuple(fc.constant("baseSequence" as const), fc.constantFrom(-1, 0, 1, 2, 5, 0x7fffffff)),
  fc.tuple(fc.constant("maxTimestamp" as const), fc.constantFrom(-1n, 0n, 1n << 40n)),
  fc.tuple(fc.constant("batchLength" as const), fc.integer({ min: -70, max: 400 })),
  fc.tuple(fc.constant("partitionLeaderEpoch" as const), fc.integer({ min: -1, max: 5 })),
);

const batchSpec: fc.Arbitrary<BatchSpec> = fc.record({
  values: fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }),
  producer: fc.integer({ min: -1, max: 2 }),
  sequence: fc.integer({ min: 0, max: 6 }),
  transactional: fc.boolean(),
  edits: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(edit, { minLength: 1, maxLength: 2 }) }),
  deltas: fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(fc.tuple(fc.nat(4), fc.integer({ min: -1, max: 5 }))) }),
  tail: fc.constantFrom(0, 0, 0, 0, 0, 0, -1, -3, 2),
  sealed: fc.constantFrom(true, true, true, true, false),
});

/** One request of any kind the fuzzer sends. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("produce" as const), version: fc.integer({ min: 3, max: 8 }), acks: fc.constantFrom(-1, -1, -1, -1, 1, 1, 0, 2), partition: fc.integer({ min: 0, max: PARTITIONS }), txnId: fc.boolean(), batches: fc.oneof({ weight: 6, arbitrary: fc.tuple(batchSpec) }, { weight: 1, arbitrary: fc.tuple(batchSpec, batchSpec) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("fetch" as const), version: fc.integer({ min: 4, max: 11 }), partition: fc.integer({ min: 0, max: PARTITIONS - 1 }), offset: fc.integer({ min: -1, max: 12 }), isolation: fc.integer({ min: 0, max: 1 }), maxBytes: fc.constantFrom(0, 10, 1 << 20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("listOffsets" as const), version: fc.integer({ min: 0, max: 5 }), partition: fc.integer({ min: 0, max: PARTITIONS - 1 }), timestamp: fc.constantFrom(-2n, -1n, 0n, BigInt(Date.now()), 1n << 50n), isolation: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("initProducerId" as const), txn: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addPartitions" as const), producer: fc.integer({ min: 0, max: 2 }), partition: fc.integer({ min: 0, max: PARTITIONS - 1 }), epochDelta: fc.constantFrom(0, 0, 0, -1, 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("endTxn" as const), producer: fc.integer({ min: 0, max: 2 }), commit: fc.boolean() }) },
);

type Producer = { producerId: bigint; producerEpoch: number };

/** Builds a batch from its spec: a valid one, then the edits, offset deltas and tail changes, resealed unless told not to. */
function buildBatch(spec: BatchSpec, producers: Producer[]): Buffer {
  const p = spec.producer >= 0 ? producers[spec.producer % Math.max(1, producers.length)] : undefined;
  let bytes = encodeRecordBatch({
    records: spec.values.map((value) => ({ value })),
    producerId: p?.producerId ?? -1n, producerEpoch: p?.producerEpoch ?? -1, baseSequence: p ? spec.sequence : -1, isTransactional: spec.transactional && p !== undefined,
  });
  for (const [record, delta] of spec.deltas) setOffsetDelta(bytes, record, delta);
  if (spec.tail > 0) bytes = Buffer.concat([bytes, Buffer.alloc(spec.tail, 7)]);
  if (spec.tail < 0) bytes = bytes.subarray(0, bytes.length + spec.tail);
  bytes.writeInt32BE(bytes.length - 12, BatchField.batchLength);
  for (const [field, value] of spec.edits) writeField(bytes, field, value);
  return spec.sealed && bytes.length >= 61 ? sealBatch(bytes) : bytes;
}

function writeField(bytes: Buffer, field: keyof typeof BatchField, value: number | bigint): void {
  const at = BatchField[field];
  if (typeof value === "bigint") bytes.writeBigInt64BE(BigInt.asIntN(64, value), at);
  else if (field === "magic") bytes.writeInt8(value, at);
  else if (field === "attributes" || field === "producerEpoch") bytes.writeInt16BE(value, at);
  else if (field === "batchLength") bytes.writeInt32BE(bytes.readInt32BE(at) + value, at);
  else bytes.writeInt32BE(value, at);
}

/** Rewrites a record's offset delta in place when its encoding keeps its size (one-byte varints). */
function setOffsetDelta(bytes: Buffer, record: number, delta: number): void {
  let pos = 61;
  for (let i = 0; i < record && pos < bytes.length; i++) pos += 1 + (bytes[pos] >> 1);
  if (pos + 3 < bytes.length && bytes[pos + 2] < 0x80 && bytes[pos + 3] < 0x80) bytes[pos + 3] = delta < 0 ? 1 : delta << 1;
}

export type FrameFuzzReport = { requests: number; answers: Record<string, number>; appended: number };

/** Runs `runs` sequences of up to `maxRequests` structured requests, each against a fresh cluster; throws on the first broken invariant. */
export async function fuzzFrames(options: { runs: number; maxRequests: number; seed?: number }): Promise<FrameFuzzReport> {
  const report: FrameFuzzReport = { requests: 0, answers: {}, appended: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(fuzzRequest, { minLength: 1, maxLength: options.maxRequests }), async (requests) => {
      const failures: string[] = [];
      const cluster = await createCluster({ brokers: 1, log: (line) => failures.push(line) });
      try {
        await runSequence(cluster, requests, report, failures);
      } finally {
        await cluster.stop();
      }
    }),
    { numRuns: options.runs, seed: options.seed, endOnFailure: true },
  );
  return report;
}

async function runSequence(cluster: ClusterCore, requests: FuzzRequest[], report: FrameFuzzReport, failures: string[]): Promise<void> {
  cluster.state.createTopic(TOPIC, Array.from({ length: PARTITIONS }, () => [1]));
  const watch = watchInvariants(cluster);
  const producers: Producer[] = [];
  const { host, port } = cluster.brokers[0];
  let client: RequestClient = await openRequestClient(cluster.connect(host, port));
  for (const [i, request] of requests.entries()) {
    if (client.closed) client = await openRequestClient(cluster.connect(host, port));
    const before = stored(cluster);
    const codes = await send(client, request, producers);
    report.requests++;
    for (const code of codes) report.answers[errorName(code)] = (report.answers[errorName(code)] ?? 0) + 1;
    if (stored(cluster) > before) report.appended++;
    const problems = [...failures.filter((l) => /handler failed|internal error/.test(l)), ...watch.check()];
    if (problems.length > 0) throw new Error(`after request ${i} (${JSON.stringify(request, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}):\n${problems.join("\n")}`);
  }
}

/** Offsets stored in the fuzzed topic, all partitions together. */
function stored(cluster: ClusterCore): bigint {
  return cluster.state.topics.get(TOPIC)!.partitions.reduce((n, p) => n + p.log.highWatermark, 0n);
}

/** Sends one request; returns the error codes it was answered with (none for acks=0). */
async function send(client: RequestClient, r: FuzzRequest, producers: Producer[]): Promise<number[]> {
  const pick = (i: number) => producers[i % Math.max(1, producers.length)] ?? { producerId: 99n, producerEpoch: 0 };
  switch (r.kind) {
    case "produce": {
      const records = r.batches.length === 1 ? buildBatch(r.batches[0], producers) : Buffer.concat(r.batches.map((b) => buildBatch(b, producers)));
      const body = { transactionalId: r.txnId ? TXN_ID : null, acks: r.acks, timeoutMs: 1000, topicData: [{ name: TOPIC, partitionData: [{ index: r.partition, records }] }] };
      if (r.acks === 0) {
        client.send(0, r.version, body);
        await client.request(18, 0, {}).catch(() => undefined);
        return [];
      }
      const answer = await client.request(0, r.version, body);
      return [answer.responses[0].partitionResponses[0].errorCode];
    }
    case "fetch": {
      const body = { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: r.maxBytes, isolationLevel: r.isolation, topics: [{ topic: TOPIC, partitions: [{ partition: r.partition, fetchOffset: BigInt(r.offset), partitionMaxBytes: r.maxBytes, currentLeaderEpoch: -1, logStartOffset: -1n }] }] };
      return [(await client.request(1, r.version, body)).responses[0].partitions[0].errorCode];
    }
    case "listOffsets": {
      const body = { replicaId: -1, isolationLevel: r.isolation, topics: [{ name: TOPIC, partitions: [{ partitionIndex: r.partition, currentLeaderEpoch: -1, timestamp: r.timestamp, maxNumOffsets: 1 }] }] };
      return [(await client.request(2, r.version, body)).topics[0].partitions[0].errorCode];
    }
    case "initProducerId": {
      const answer = await client.request(22, 1, { transactionalId: r.txn ? TXN_ID : null, transactionTimeoutMs: 60_000 });
      if (answer.errorCode === 0) producers.push({ producerId: answer.producerId, producerEpoch: answer.producerEpoch });
      return [answer.errorCode];
    }
    case "addPartitions": {
      const p = pick(r.producer);
      const answer = await client.request(24, 1, { transactionalId: TXN_ID, producerId: p.producerId, producerEpoch: p.producerEpoch + r.epochDelta, topics: [{ name: TOPIC, partitions: [r.partition] }] });
      return [answer.results[0].results[0].errorCode];
    }
    case "endTxn": {
      const p = pick(r.producer);
      return [(await client.request(26, 1, { transactionalId: TXN_ID, ...p, committed: r.commit })).errorCode];
    }
  }
}
