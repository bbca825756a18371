import { describe, expect, it } from "vitest";
import { PartitionProducerState, ProducerBatch, lastSequence } from "./partition-state";

const batch = (over: Partial<ProducerBatch> = {}): ProducerBatch => ({
  producerId: 1000n, producerEpoch: 0, baseSequence: 0, recordCount: 1, isTransactional: false, isControl: false, ...over,
});

/** A tiny log: appends what `check` allows, returns the offset the producer is told. */
function log() {
  const state = new PartitionProducerState();
  let end = 0n;
  const produce = (b: ProducerBatch) => {
    const r = state.check(b);
    if (r.kind === "duplicate") return { offset: r.baseOffset, appended: false };
    if (r.kind === "error") return { error: r.errorCode };
    const offset = end;
    end += BigInt(b.recordCount);
    state.onAppend(b, offset);
    return { offset, appended: true };
  };
  const mark = (producerId: bigint, producerEpoch: number, marker: "commit" | "abort") => {
    state.onAppend(batch({ producerId, producerEpoch, baseSequence: -1, isControl: true, isTransactional: true }), end, marker);
    end += 1n;
  };
  return { state, produce, mark, end: () => end };
}

describe("PartitionProducerState", () => {
  it("answers a retried batch with its original offset and does not append it again", () => {
    const { produce, end } = log();
    expect(produce(batch({ baseSequence: 0, recordCount: 3 }))).toEqual({ offset: 0n, appended: true });
    expect(produce(batch({ baseSequence: 3, recordCount: 2 }))).toEqual({ offset: 3n, appended: true });
    expect(produce(batch({ baseSequence: 0, recordCount: 3 }))).toEqual({ offset: 0n, appended: false });
    expect(end()).toBe(5n);
  });

  it("rejects a sequence gap with OUT_OF_ORDER_SEQUENCE_NUMBER", () => {
    const { produce } = log();
    produce(batch({ baseSequence: 0, recordCount: 2 }));
    expect(produce(batch({ baseSequence: 5 }))).toEqual({ error: 45 });
    expect(produce(batch({ baseSequence: 2 }))).toMatchObject({ appended: true });
  });

  it("remembers only the last 5 batches, like Kafka", () => {
    const { produce } = log();
    for (let seq = 0; seq < 6; seq++) produce(batch({ baseSequence: seq }));
    expect(produce(batch({ baseSequence: 1 }))).toMatchObject({ offset: 1n, appended: false });
    // The first batch fell out of the window: a retry of it is no longer recognised.
    expect(produce(batch({ baseSequence: 0 }))).toEqual({ error: 45 });
  });

  it("fences an older epoch and requires a new epoch to start at sequence 0", () => {
    const { produce } = log();
    produce(batch({ producerEpoch: 1, baseSequence: 0 }));
    expect(produce(batch({ producerEpoch: 0, baseSequence: 1 }))).toEqual({ error: 47 });
    expect(produce(batch({ producerEpoch: 2, baseSequence: 4 }))).toEqual({ error: 45 });
    expect(produce(batch({ producerEpoch: 2, baseSequence: 0 }))).toMatchObject({ appended: true });
  });

  it("lets a producer unknown to the partition start at any sequence (KIP-360), then holds it to its sequence", () => {
    const { produce } = log();
    expect(produce(batch({ baseSequence: 3 }))).toEqual({ offset: 0n, appended: true });
    expect(produce(batch({ baseSequence: 5 }))).toEqual({ error: 45 });
    expect(produce(batch({ baseSequence: 4 }))).toEqual({ offset: 1n, appended: true });
    expect(produce(batch({ producerId: 2n, baseSequence: 1000 }))).toMatchObject({ appended: true });
  });

  it("forgets a producer whose records are all below the log start: it may then resume at any sequence", () => {
    const { state, produce, end } = log();
    produce(batch({ baseSequence: 0, recordCount: 2 }));
    produce(batch({ producerId: 7n, baseSequence: 0 }));
    state.truncateHead(2n);
    expect(produce(batch({ baseSequence: 40 }))).toMatchObject({ appended: true });
    expect(produce(batch({ producerId: 7n, baseSequence: 40 }))).toEqual({ error: 45 });
    expect(end()).toBe(4n);
  });

  it("refuses a non-transactional batch from a producer with a transaction open here (INVALID_TXN_STATE)", () => {
    const { produce, mark } = log();
    produce(batch({ isTransactional: true }));
    expect(produce(batch({ baseSequence: 1 }))).toEqual({ error: 48 });
    mark(1000n, 0, "commit");
    expect(produce(batch({ baseSequence: 1 }))).toMatchObject({ appended: true });
  });

  it("wraps sequences after 2^31-1", () => {
    expect(lastSequence(0x7ffffffe, 3)).toBe(0);
    const { produce } = log();
    produce(batch({ baseSequence: 0 }));
    expect(produce(batch({ baseSequence: 1 }))).toMatchObject({ appended: true });
  });

  it("holds the last stable offset at an open transaction and lists it once aborted", () => {
    const { state, produce, mark, end } = log();
    produce(batch({ producerId: 1n })); // offset 0, plain
    produce(batch({ producerId: 2n, isTransactional: true, recordCount: 2 })); // offsets 1-2
    produce(batch({ producerId: 3n, isTransactional: true })); // offset 3
    expect(state.lastStableOffset(end())).toBe(1n);
    mark(2n, 0, "abort"); // offset 4
    expect(state.lastStableOffset(end())).toBe(3n);
    mark(3n, 0, "commit"); // offset 5
    expect(state.lastStableOffset(end())).toBe(6n);
    expect(state.abortedTransactions(0n, 6n)).toEqual([{ producerId: 2n, firstOffset: 1n, lastOffset: 4n }]);
    expect(state.abortedTransactions(5n, 6n)).toEqual([]);
  });

  it("lets a transactional producer keep counting sequences across transactions", () => {
    const { produce, mark } = log();
    produce(batch({ isTransactional: true, baseSequence: 0, recordCount: 2 }));
    mark(1000n, 0, "commit");
    expect(produce(batch({ isTransactional: true, baseSequence: 2 }))).toMatchObject({ appended: true });
  });
});
