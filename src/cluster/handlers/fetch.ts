// Fetch (1). Returns whole stored batches from each partition's fetch
// offset, within the partition and response byte limits (the first batch is
// always returned whole, as Kafka does, so an oversized batch cannot stall a
// consumer). READ_COMMITTED (isolation level 1, kafkajs's default) reads only
// up to the last stable offset and lists the aborted transactions in range;
// READ_UNCOMMITTED reads to the high watermark. When fewer than MinBytes are
// available the request waits, up to MaxWaitMs, for an append to any of its
// partitions (long polling). Fetch sessions (v7+) are not kept: every
// response is a full one with session id 0, which clients accept.
import { BatchField, ErrorCode, type FetchRequest, type FetchResponse } from "../protocol";
import { outOfOrder } from "../defects";
import { fetchLimits } from "../producers/isolation";
import type { Handler, RequestContext } from "./handler";
import { leaderEpochError, leaderPartition } from "./partition-access";
import { Operation } from "./authorization";
import type { PartitionLog } from "../log/partition-log";
import { fetch as schema } from "../protocol/schemas/fetch";

/** Longest a fetch may wait for data; clients ask for 0.5-5 s, a hostile frame for days. */
const MAX_WAIT_MS = 30_000;

type PartitionData = FetchResponse["responses"][number]["partitions"][number];

function emptyPartition(partitionIndex: number, errorCode: number): PartitionData {
  return { partitionIndex, errorCode, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n, abortedTransactions: null, records: null };
}

type Read = { response: FetchResponse; bytes: number; logs: PartitionLog[] };

function readAll(ctx: RequestContext, body: FetchRequest): Read {
  let budget = body.maxBytes;
  let bytes = 0;
  const logs: PartitionLog[] = [];
  const responses = body.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((req): PartitionData => {
      const p = leaderPartition(ctx, t.topic, req.partition, Operation.READ);
      if (typeof p === "number") return emptyPartition(req.partition, p);
      const epochError = leaderEpochError(p, req.currentLeaderEpoch);
      if (epochError !== ErrorCode.NONE) return emptyPartition(req.partition, epochError);
      const log = p.log;
      logs.push(log);
      const hw = log.highWatermark;
      const isolationLevel = ctx.defects.has("read-committed-ignored") ? 0 : body.isolationLevel;
      const limits = fetchLimits(log.producers, hw, isolationLevel);
      const base = { partitionIndex: req.partition, highWatermark: hw, lastStableOffset: limits.lastStableOffset, logStartOffset: log.logStartOffset, preferredReadReplica: -1 };
      if (req.fetchOffset < log.logStartOffset || req.fetchOffset > hw) {
        return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, abortedTransactions: null, records: null };
      }
      const batches = log.read(req.fetchOffset, Math.min(req.partitionMaxBytes, budget), limits.maxOffset, bytes === 0);
      const served = ctx.defects.has("fetch-out-of-order") ? outOfOrder(batches) : batches;
      const records = served.length === 0 ? Buffer.alloc(0) : served.length === 1 ? served[0] : Buffer.concat(served);
      bytes += records.length;
      budget = Math.max(0, budget - records.length);
      return { ...base, errorCode: ErrorCode.NONE, abortedTransactions: limits.abortedTransactions(req.fetchOffset, endOf(batches, req.fetchOffset)), records };
    }),
  }));
  return { response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses }, bytes, logs };
}

/** The offset after the last of `batches` (`fetchOffset` when there are none). */
function endOf(batches: Buffer[], fetchOffset: bigint): bigint {
  const last = batches.at(-1);
  return last ? last.readBigInt64BE(BatchField.baseOffset) + BigInt(last.readInt32BE(BatchField.lastOffsetDelta)) + 1n : fetchOffset;
}

/** Resolves after an append to any of `logs`, or after `ms`. */
function nextAppend(logs: PartitionLog[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const cancels: (() => void)[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const c of cancels) c();
      resolve();
    };
    const timer = setTimeout(done, ms);
    // In Node, a parked fetch must not keep a stopping process alive (browsers' timers have no unref).
    (timer as { unref?: () => void }).unref?.();
    for (const log of logs) cancels.push(log.onAppend(done));
  });
}

export const fetch: Handler = {
  schema,
  async handle(ctx, body: FetchRequest): Promise<FetchResponse> {
    const deadline = Date.now() + Math.min(Math.max(0, body.maxWaitMs), MAX_WAIT_MS);
    let read = readAll(ctx, body);
    while (read.bytes < body.minBytes && read.logs.length > 0) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      await nextAppend(read.logs, left);
      read = readAll(ctx, body);
    }
    return read.response;
  },
};
