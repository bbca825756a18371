import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AbortedTransactionIndex, type AbortedTransaction } from "./aborted-index";

/** Aborted transactions as a log would produce them: markers at increasing offsets, each after its first record. */
const abortedLog = fc.array(fc.record({ gap: fc.bigInt(1n, 20n), span: fc.bigInt(0n, 60n) }), { maxLength: 60 }).map((steps) => {
  let marker = 0n;
  return steps.map(({ gap, span }, i): AbortedTransaction => {
    marker += gap;
    return { producerId: BigInt(i), firstOffset: marker - span < 0n ? 0n : marker - span, lastOffset: marker };
  });
});

describe("AbortedTransactionIndex", () => {
  it("finds exactly the transactions a full scan finds, for any fetch range", () => {
    fc.assert(
      fc.property(abortedLog, fc.bigInt(0n, 1300n), fc.bigInt(0n, 200n), (txns, fetchOffset, length) => {
        const index = new AbortedTransactionIndex();
        for (const t of txns) index.add(t);
        const upperBound = fetchOffset + length;
        const scanned = txns.filter((a) => a.lastOffset >= fetchOffset && a.firstOffset < upperBound);
        expect(index.overlapping(fetchOffset, upperBound)).toEqual(scanned);
      }),
      { numRuns: 300 },
    );
  });

  it("forgets the transactions that ended below a new log start, and only those", () => {
    const index = new AbortedTransactionIndex();
    index.add({ producerId: 1n, firstOffset: 0n, lastOffset: 4n });
    index.add({ producerId: 2n, firstOffset: 2n, lastOffset: 9n });
    index.add({ producerId: 3n, firstOffset: 10n, lastOffset: 12n });
    index.pruneBefore(5n);
    expect(index.size).toBe(2);
    expect(index.overlapping(0n, 100n).map((a) => a.producerId)).toEqual([2n, 3n]);
  });

  it("refuses an abort marker older than the last one (the log appends in offset order)", () => {
    const index = new AbortedTransactionIndex();
    index.add({ producerId: 1n, firstOffset: 3n, lastOffset: 8n });
    expect(() => index.add({ producerId: 2n, firstOffset: 0n, lastOffset: 5n })).toThrow(/older/);
  });
});
