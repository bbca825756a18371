import { describe, expect, it } from "vitest";
import { controlMarkerOf } from "../protocol";
import { fetchLimits, READ_COMMITTED, READ_UNCOMMITTED } from "./isolation";
import { PartitionProducerState } from "./partition-state";

/** A control batch as Kafka lays it out: 61 header bytes, then one record whose key is (version 0, type). */
function controlBatch(type: number): Buffer {
  const key = Buffer.from([0, 0, 0, type]);
  const value = Buffer.from([0, 0, 0, 0, 0, 0]); // version 0, coordinator epoch 0
  // attributes, timestampDelta 0, offsetDelta 0, keyLength 4 (zigzag 8), key, valueLength 6 (zigzag 12), value, 0 headers
  const body = Buffer.concat([Buffer.from([0, 0, 0, 8]), key, Buffer.from([12]), value, Buffer.from([0])]);
  return Buffer.concat([Buffer.alloc(61), Buffer.from([body.length * 2]), body]);
}

describe("reading transactions from the log", () => {
  it("reads the marker type of a control batch", () => {
    expect(controlMarkerOf(controlBatch(1))).toBe("commit");
    expect(controlMarkerOf(controlBatch(0))).toBe("abort");
    expect(controlMarkerOf(Buffer.alloc(62))).toBeUndefined();
  });

  it("limits READ_COMMITTED fetches to the last stable offset and lists aborted transactions", () => {
    const state = new PartitionProducerState();
    const txn = (producerId: bigint, isControl = false) => ({ producerId, producerEpoch: 0, baseSequence: isControl ? -1 : 0, recordCount: 1, isTransactional: true, isControl });
    state.onAppend(txn(1n), 0n);
    state.onAppend(txn(1n, true), 1n, "abort");
    state.onAppend(txn(2n), 2n); // still open
    const committed = fetchLimits(state, 3n, READ_COMMITTED);
    expect(committed.maxOffset).toBe(2n);
    expect(committed.abortedTransactions(0n, 2n)).toEqual([{ producerId: 1n, firstOffset: 0n }]);
    // Only those overlapping the offsets a fetch returns: none in [2, 2).
    expect(committed.abortedTransactions(2n, 2n)).toEqual([]);
    const uncommitted = fetchLimits(state, 3n, READ_UNCOMMITTED);
    expect(uncommitted).toMatchObject({ maxOffset: 3n, lastStableOffset: 2n });
    expect(uncommitted.abortedTransactions(0n, 3n)).toBeNull();
  });
});
