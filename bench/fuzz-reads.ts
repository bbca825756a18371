// Reading a whole partition the way a Kafka consumer does: Fetch from the log
// start until the high watermark (read_uncommitted) or the last stable offset
// (read_committed), dropping control batches and, for read_committed, the
// batches of the aborted transactions the broker lists (the Java consumer's
// algorithm: a producer is skipped from its aborted transaction's first
// offset until its abort marker). What the model in fuzz-model.ts checks.
import type { RequestClient } from "partition-lab/dist/cluster/client/request-client";
import { controlMarkerOf, decodeRecords, splitBatches } from "partition-lab/dist/cluster/protocol";

export type Fetched = { records: { offset: bigint; value: string }[]; highWatermark: bigint; lastStableOffset: bigint };

export async function fetchAll(client: RequestClient, topic: string, partition: number, readCommitted: boolean): Promise<Fetched> {
  const out: Fetched = { records: [], highWatermark: -1n, lastStableOffset: -1n };
  const abortedBy = new Set<bigint>();
  let pendingAborts: { producerId: bigint; firstOffset: bigint }[] = [];
  let offset = 0n;
  for (;;) {
    const body = {
      replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: readCommitted ? 1 : 0,
      topics: [{ topic, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
    };
    const p = (await client.request(1, 11, body)).responses[0].partitions[0];
    if (p.errorCode !== 0) throw new Error(`fetch of ${topic}-${partition} at ${offset} answered ${p.errorCode}`);
    out.highWatermark = p.highWatermark;
    out.lastStableOffset = p.lastStableOffset;
    pendingAborts = [...pendingAborts, ...(p.abortedTransactions ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1));
    const batches = p.records && p.records.length > 0 ? splitBatches(p.records) : [];
    for (const { header, bytes } of batches) {
      if (header.baseOffset !== offset) throw new Error(`${topic}-${partition}: fetched a batch at ${header.baseOffset}, expected ${offset}`);
      while (pendingAborts.length > 0 && pendingAborts[0].firstOffset <= header.baseOffset + BigInt(header.lastOffsetDelta)) abortedBy.add(pendingAborts.shift()!.producerId);
      offset = header.baseOffset + BigInt(header.lastOffsetDelta) + 1n;
      if (header.isControl) {
        if (controlMarkerOf(bytes) === "abort") abortedBy.delete(header.producerId);
        continue;
      }
      if (readCommitted && header.isTransactional && abortedBy.has(header.producerId)) continue;
      for (const r of decodeRecords(bytes)) out.records.push({ offset: r.offset, value: r.value?.toString() ?? "" });
    }
    const end = readCommitted ? out.lastStableOffset : out.highWatermark;
    if (offset >= end) return out;
    if (batches.length === 0) throw new Error(`${topic}-${partition}: a fetch at ${offset} returned nothing below ${end}`);
  }
}
