// What no request may break, checked on the cluster's own logs after every
// request of the fuzzers (fuzz-frames.ts, fuzz-model.ts): offsets contiguous
// and increasing, every stored batch intact and agreeing with its header, a
// high watermark that never moves back, a last stable offset not past it.
import type { ClusterCore } from "partition-lab";
import { decodeRecords, verifyBatchCrc } from "partition-lab/dist/cluster/protocol";

export type InvariantWatch = {
  /** Checks every partition; returns what is wrong (empty when all holds). */
  check(): string[];
};

/** Remembers each partition's high watermark between checks, to see it never move back. */
export function watchInvariants(cluster: ClusterCore): InvariantWatch {
  const seen = new Map<string, bigint>();
  return {
    check() {
      const problems: string[] = [];
      for (const topic of cluster.state.topics.values()) {
        for (const p of topic.partitions) {
          const name = `${topic.name}-${p.index}`;
          const { log } = p;
          const hw = log.highWatermark;
          const before = seen.get(name) ?? 0n;
          if (hw < before) problems.push(`${name}: high watermark moved back from ${before} to ${hw}`);
          seen.set(name, hw);
          const lso = log.producers.lastStableOffset(hw);
          if (lso > hw || lso < log.logStartOffset) problems.push(`${name}: last stable offset ${lso} outside [${log.logStartOffset}, ${hw}]`);
          problems.push(...batchProblems(name, log.allBatches(), hw));
        }
      }
      return problems;
    },
  };
}

function batchProblems(name: string, batches: readonly { baseOffset: bigint; lastOffset: bigint; bytes: Buffer }[], hw: bigint): string[] {
  const problems: string[] = [];
  let next: bigint | undefined;
  for (const b of batches) {
    const at = `${name} batch ${b.baseOffset}`;
    if (next !== undefined && b.baseOffset !== next) problems.push(`${at}: expected to start at ${next}`);
    if (b.lastOffset < b.baseOffset) problems.push(`${at}: last offset ${b.lastOffset} before its base`);
    if (b.bytes.readBigInt64BE(0) !== b.baseOffset) problems.push(`${at}: header says base offset ${b.bytes.readBigInt64BE(0)}`);
    if (!verifyBatchCrc(b.bytes)) problems.push(`${at}: CRC does not match`);
    const offsets = decodeRecords(b.bytes).map((r) => r.offset);
    const expected = Array.from({ length: Number(b.lastOffset - b.baseOffset) + 1 }, (_, i) => b.baseOffset + BigInt(i));
    if (offsets.join() !== expected.join()) problems.push(`${at}: records at offsets [${offsets.join(", ")}], header says ${b.baseOffset}..${b.lastOffset}`);
    next = b.lastOffset + 1n;
  }
  if ((next ?? hw) !== hw) problems.push(`${name}: log ends at ${next} but the high watermark is ${hw}`);
  return problems;
}
