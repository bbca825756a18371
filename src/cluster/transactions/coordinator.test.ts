import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../coordination/clock";
import { ErrorCode } from "../protocol/errors";
import { OffsetStore } from "../groups/offsets";
import { PartitionProducerState } from "../producers/partition-state";
import { TopicPartition, TxnEffects } from "./coordinator";
import { openJournalFile } from "../storage/journal-file";
import { MARKER_RETRY_MS } from "./markers";
import { openTransactionState } from "./state";

/** Two partitions with real producer state and an offset store: what the markers act on. */
function world() {
  const partitions = new Map<string, { state: PartitionProducerState; end: bigint; markers: string[] }>();
  for (const k of ["t/0", "t/1"]) partitions.set(k, { state: new PartitionProducerState(), end: 0n, markers: [] });
  const offsets = new OffsetStore();
  let failWrites = false;
  const unwritable = new Set<string>();
  const effects: TxnEffects = {
    partitionExists: (tp) => partitions.has(`${tp.topic}/${tp.partition}`),
    writeMarker(tp: TopicPartition, producerId, producerEpoch, commit) {
      if (failWrites) throw new Error("crash while writing markers");
      if (unwritable.has(`${tp.topic}/${tp.partition}`)) throw new Error("no leader for the marker");
      const p = partitions.get(`${tp.topic}/${tp.partition}`)!;
      p.state.onAppend({ producerId, producerEpoch, baseSequence: -1, recordCount: 1, isTransactional: true, isControl: true }, p.end, commit ? "commit" : "abort");
      p.markers.push(`${commit ? "commit" : "abort"}@${producerEpoch}`);
      p.end += 1n;
    },
    completeOffsets: (g, pid, commit) => offsets.endTransaction(g, pid, commit),
  };
  const produce = (k: string, producerId: bigint, producerEpoch: number, baseSequence = 0) => {
    const p = partitions.get(k)!;
    const batch = { producerId, producerEpoch, baseSequence, recordCount: 1, isTransactional: true, isControl: false };
    const check = p.state.check(batch);
    if (check.kind !== "append") return check;
    p.state.onAppend(batch, p.end);
    p.end += 1n;
    return check;
  };
  const lso = (k: string) => partitions.get(k)!.state.lastStableOffset(partitions.get(k)!.end);
  return { partitions, offsets, effects, produce, lso, crashWrites: (on: boolean) => (failWrites = on), unwritable };
}

const tp = (partition: number) => ({ topic: "t", partition });

/** Moves the clock and lets the marker retries it fired run to their end. */
async function advance(clock: ManualClock, ms: number): Promise<void> {
  clock.advance(ms);
  await new Promise((r) => setTimeout(r, 0));
}

describe("TransactionCoordinator", () => {
  it("commits: markers on every partition, offsets visible, last stable offset released", async () => {
    const w = world();
    const { coordinator } = openTransactionState({ effects: w.effects, clock: new ManualClock() });
    const { producerId, producerEpoch } = await coordinator.initProducerId("tx", 60_000);
    expect(coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0), tp(1)])).toEqual([0, 0]);
    w.produce("t/0", producerId, producerEpoch);
    w.produce("t/1", producerId, producerEpoch);
    expect(coordinator.addOffsets("tx", producerId, producerEpoch, "g")).toBe(ErrorCode.NONE);
    w.offsets.addPending("g", producerId, [{ topic: "in", partition: 0, offset: 10n, leaderEpoch: -1, metadata: null, commitTimestamp: 0 }]);
    expect(w.lso("t/0")).toBe(0n);
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, true)).toBe(ErrorCode.NONE);
    expect(w.lso("t/0")).toBe(2n);
    expect(w.lso("t/1")).toBe(2n);
    expect(w.offsets.fetch("g", "in", 0)?.offset).toBe(10n);
    expect(coordinator.describe("tx")?.state).toBe("CompleteCommit");
    // A retried EndTxn (lost response) succeeds; the opposite outcome is refused.
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, true)).toBe(ErrorCode.NONE);
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, false)).toBe(ErrorCode.INVALID_TXN_STATE);
  });

  it("aborts: the partition lists the aborted range and the offsets are dropped", async () => {
    const w = world();
    const { coordinator } = openTransactionState({ effects: w.effects, clock: new ManualClock() });
    const { producerId, producerEpoch } = await coordinator.initProducerId("tx", 60_000);
    coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0)]);
    w.produce("t/0", producerId, producerEpoch);
    coordinator.addOffsets("tx", producerId, producerEpoch, "g");
    w.offsets.addPending("g", producerId, [{ topic: "in", partition: 0, offset: 10n, leaderEpoch: -1, metadata: null, commitTimestamp: 0 }]);
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, false)).toBe(ErrorCode.NONE);
    expect(w.partitions.get("t/0")!.state.abortedTransactions(0n, 2n)).toEqual([{ producerId, firstOffset: 0n, lastOffset: 1n }]);
    expect(w.offsets.fetch("g", "in", 0)).toBeUndefined();
  });

  it("fences a zombie: a new instance bumps the epoch and aborts what the old one left open", async () => {
    const w = world();
    const { coordinator } = openTransactionState({ effects: w.effects, clock: new ManualClock() });
    const old = await coordinator.initProducerId("tx", 60_000);
    coordinator.addPartitions("tx", old.producerId, old.producerEpoch, [tp(0)]);
    w.produce("t/0", old.producerId, old.producerEpoch);
    const fresh = await coordinator.initProducerId("tx", 60_000);
    expect(fresh.producerId).toBe(old.producerId);
    expect(fresh.producerEpoch).toBe(old.producerEpoch + 1);
    expect(w.partitions.get("t/0")!.markers).toEqual(["abort@1"]);
    expect(w.lso("t/0")).toBe(2n);
    expect(coordinator.addPartitions("tx", old.producerId, old.producerEpoch, [tp(1)])).toEqual([ErrorCode.INVALID_PRODUCER_EPOCH]);
    expect(await coordinator.endTxn("tx", old.producerId, old.producerEpoch, true)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    // The zombie's late write is refused by the partition itself.
    expect(w.produce("t/0", old.producerId, old.producerEpoch, 1)).toMatchObject({ kind: "error", errorCode: ErrorCode.INVALID_PRODUCER_EPOCH });
    expect(w.produce("t/0", fresh.producerId, fresh.producerEpoch, 0)).toEqual({ kind: "append" });
  });

  it("validates producer id, timeout and partitions", async () => {
    const w = world();
    const { coordinator } = openTransactionState({ effects: w.effects, clock: new ManualClock() });
    expect((await coordinator.initProducerId("tx", 16 * 60_000)).errorCode).toBe(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    const { producerId, producerEpoch } = await coordinator.initProducerId("tx", 60_000);
    expect(coordinator.addPartitions("tx", producerId + 1n, producerEpoch, [tp(0)])).toEqual([ErrorCode.INVALID_PRODUCER_ID_MAPPING]);
    expect(coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0), { topic: "nope", partition: 0 }])).toEqual([ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, true)).toBe(ErrorCode.INVALID_TXN_STATE);
    const idem = await coordinator.initProducerId(null, 0);
    expect(idem.producerEpoch).toBe(0);
    expect(idem.producerId).not.toBe(producerId);
  });

  it("aborts a transaction that outlives its timeout", async () => {
    const w = world();
    const clock = new ManualClock();
    const { coordinator, close } = openTransactionState({ effects: w.effects, clock, sweepMs: 1_000 });
    const { producerId, producerEpoch } = await coordinator.initProducerId("tx", 5_000);
    coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0)]);
    w.produce("t/0", producerId, producerEpoch);
    clock.advance(4_000);
    await new Promise((r) => setImmediate(r));
    expect(coordinator.describe("tx")?.state).toBe("Ongoing");
    clock.advance(2_000);
    await new Promise((r) => setImmediate(r));
    expect(coordinator.describe("tx")).toMatchObject({ state: "CompleteAbort", producerEpoch: producerEpoch + 1 });
    expect(w.lso("t/0")).toBe(2n);
    close();
  });

  it("finishes after a restart a commit that crashed half-way through writing markers", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "txn-state-"));
    try {
      const w = world();
      const first = openTransactionState({ effects: w.effects, journal: openJournalFile(path.join(dataDir, "transactions.journal")), clock: new ManualClock() });
      const { producerId, producerEpoch } = await first.coordinator.initProducerId("tx", 60_000);
      first.coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0), tp(1)]);
      w.produce("t/0", producerId, producerEpoch);
      w.produce("t/1", producerId, producerEpoch);
      w.crashWrites(true);
      // The decision is logged (PrepareCommit); markers follow, as in Kafka, where EndTxn answers once it is.
      expect(await first.coordinator.endTxn("tx", producerId, producerEpoch, true)).toBe(ErrorCode.NONE);
      expect(first.coordinator.describe("tx")?.state).toBe("PrepareCommit");
      first.close();
      expect(w.lso("t/0")).toBe(0n); // nothing visible to read_committed readers yet

      w.crashWrites(false);
      const second = openTransactionState({ effects: w.effects, journal: openJournalFile(path.join(dataDir, "transactions.journal")), clock: new ManualClock() });
      expect(second.coordinator.describe("tx")?.state).toBe("PrepareCommit");
      await second.recover();
      expect(second.coordinator.describe("tx")?.state).toBe("CompleteCommit");
      expect([w.lso("t/0"), w.lso("t/1")]).toEqual([2n, 2n]);
      // Producer ids survive too: the next one is new.
      const next = await second.coordinator.initProducerId(null, 0);
      expect(next.producerId).not.toBe(producerId);
      second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("retries a marker that could not be written until it is, with no restart, writing each marker once", async () => {
    const w = world();
    const clock = new ManualClock();
    const { coordinator, close } = openTransactionState({ effects: w.effects, clock, sweepMs: 3_600_000 });
    const { producerId, producerEpoch } = await coordinator.initProducerId("tx", 60_000);
    coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0), tp(1)]);
    w.produce("t/0", producerId, producerEpoch);
    w.produce("t/1", producerId, producerEpoch);
    w.unwritable.add("t/1");
    expect(await coordinator.endTxn("tx", producerId, producerEpoch, true)).toBe(ErrorCode.NONE);
    expect(coordinator.describe("tx")).toMatchObject({ state: "PrepareCommit", partitions: [tp(1)] });
    expect([w.lso("t/0"), w.lso("t/1")]).toEqual([2n, 0n]);
    // Until its markers are written the transaction refuses to move on; clients retry these.
    expect(coordinator.addPartitions("tx", producerId, producerEpoch, [tp(0)])).toEqual([ErrorCode.CONCURRENT_TRANSACTIONS]);
    expect((await coordinator.initProducerId("tx", 60_000)).errorCode).toBe(ErrorCode.CONCURRENT_TRANSACTIONS);
    for (let i = 0; i < 3; i++) await advance(clock, MARKER_RETRY_MS);
    expect(coordinator.describe("tx")?.state).toBe("PrepareCommit");
    w.unwritable.delete("t/1");
    await advance(clock, MARKER_RETRY_MS);
    expect(coordinator.describe("tx")?.state).toBe("CompleteCommit");
    expect([w.lso("t/0"), w.lso("t/1")]).toEqual([2n, 2n]);
    expect(w.partitions.get("t/0")!.markers).toEqual(["commit@0"]);
    expect(w.partitions.get("t/1")!.markers).toEqual(["commit@0"]);
    close();
    expect(clock.timerCount).toBe(0);
  });

  it("aborts what a fenced instance left open even when a marker must wait, and answers CONCURRENT_TRANSACTIONS meanwhile", async () => {
    const w = world();
    const clock = new ManualClock();
    const { coordinator, close } = openTransactionState({ effects: w.effects, clock, sweepMs: 3_600_000 });
    const old = await coordinator.initProducerId("tx", 60_000);
    coordinator.addPartitions("tx", old.producerId, old.producerEpoch, [tp(0)]);
    w.produce("t/0", old.producerId, old.producerEpoch);
    w.unwritable.add("t/0");
    expect((await coordinator.initProducerId("tx", 60_000)).errorCode).toBe(ErrorCode.CONCURRENT_TRANSACTIONS);
    w.unwritable.delete("t/0");
    await advance(clock, MARKER_RETRY_MS);
    const next = await coordinator.initProducerId("tx", 60_000);
    expect(next).toMatchObject({ errorCode: ErrorCode.NONE, producerEpoch: old.producerEpoch + 2 });
    expect(w.partitions.get("t/0")!.markers).toEqual([`abort@${old.producerEpoch + 1}`]);
    close();
  });
});
