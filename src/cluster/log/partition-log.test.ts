import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRecords, encodeControlRecord, encodeRecordBatch } from "../protocol";
import { PartitionLog } from "./partition-log";
import { builtBatch } from "./validate-batch";

const data = (stamps: number[], extra: { producerId?: bigint; isTransactional?: boolean } = {}) =>
  builtBatch(encodeRecordBatch({ records: stamps.map((timestamp) => ({ value: "v", timestamp })), producerId: extra.producerId, producerEpoch: extra.producerId === undefined ? -1 : 0, baseSequence: extra.producerId === undefined ? -1 : 0, isTransactional: extra.isTransactional }), "client");
const abort = (producerId: bigint) => builtBatch(encodeControlRecord({ commit: false, producerId, producerEpoch: 0 }));

describe("PartitionLog", () => {
  it("finds a timestamp through the time index exactly as decoding every record would", () => {
    const batches = fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(batches, fc.integer({ min: 0, max: 1100 }), fc.nat(40), fc.nat(6), (stamps, target, readable, dropped) => {
        const log = new PartitionLog("t", 0);
        for (const s of stamps) log.append(data(s));
        log.advanceLogStart(BigInt(Math.min(dropped, Number(log.highWatermark))));
        const maxOffset = BigInt(readable);
        const all = log.allBatches().flatMap((b) => decodeRecords(b.bytes)).filter((r) => r.offset >= log.logStartOffset);
        const first = all.find((r) => r.timestamp >= BigInt(target));
        const expected = first && first.offset < maxOffset ? first.offset : undefined;
        expect(log.offsetForTimestamp(BigInt(target), maxOffset)?.offset).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("moves its start forward only: whole batches below it go, and so do the aborted transactions and producers there", () => {
    const log = new PartitionLog("t", 0);
    log.append(data([1], { producerId: 1n, isTransactional: true })); // 0
    log.append(abort(1n)); // 1
    log.append(data([2, 3])); // 2-3
    log.append(data([4], { producerId: 2n, isTransactional: true })); // 4
    log.append(abort(2n)); // 5
    expect(log.producers.abortedCount).toBe(2);
    log.advanceLogStart(3n);
    expect(log.logStartOffset).toBe(3n);
    expect(log.allBatches().map((b) => b.baseOffset)).toEqual([2n, 4n, 5n]);
    expect(log.producers.abortedCount).toBe(1);
    expect(log.producers.abortedTransactions(0n, 6n).map((a) => a.producerId)).toEqual([2n]);
    log.advanceLogStart(1n);
    expect(log.logStartOffset).toBe(3n);
    expect(log.highWatermark).toBe(6n);
    expect(() => log.advanceLogStart(7n)).toThrow(RangeError);
  });

  it("refuses to restore a batch that does not continue the log (a corrupt segment)", () => {
    const stored = new PartitionLog("t", 0);
    stored.append(data([1, 2]));
    stored.append(data([3]));
    const [first, second] = stored.allBatches().map((b) => b.bytes);
    const restored = new PartitionLog("t", 0);
    restored.restore(first);
    expect(() => restored.restore(first)).toThrow(/corrupt/);
    restored.restore(second);
    expect(restored.highWatermark).toBe(3n);
  });
});
