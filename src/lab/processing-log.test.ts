import { describe, expect, it } from "vitest";
import { ProcessingLog } from "./processing-log";
import { sleep } from "./wait";

const op = (partition: number, key: string, seq: number, offset = seq) => ({ partition, key, seq, offset });

describe("ProcessingLog", () => {
  it("counts operations in flight, overall and per partition", async () => {
    const log = new ProcessingLog();
    await Promise.all([log.run(op(0, "a", 1), () => sleep(20)), log.run(op(1, "b", 1), () => sleep(20)), log.run(op(0, "c", 1), () => sleep(20))]);
    expect(log.maxInFlight).toBe(3);
    expect(log.maxInFlightPerPartition).toBe(2);
    await log.run(op(2, "d", 1), () => sleep(1));
    expect(log.maxInFlight).toBe(3);
  });

  it("records the order operations took effect in, and finds keys out of sequence", async () => {
    const log = new ProcessingLog();
    await Promise.all([log.run(op(0, "a", 1), () => sleep(25)), log.run(op(0, "a", 2), () => sleep(1))]);
    await log.run(op(0, "b", 1), async () => {});
    await log.run(op(0, "b", 2), async () => {});
    expect(log.orderPerKey().get("a")).toEqual([2, 1]);
    expect(log.keysOutOfOrder()).toEqual(["a"]);
    expect(log.indexOf("a", 1)).toBe(1);
    expect(log.indexOf("z", 1)).toBe(-1);
    expect(log.appliedRows("s", ["b"])).toEqual([{ strategy: "s", key: "b", position: 1, seq: 1 }, { strategy: "s", key: "b", position: 2, seq: 2 }]);
    expect(log.elapsedMs).toBeGreaterThanOrEqual(20);
  });

  it("records a failed attempt, rethrows it, and counts repeats as duplicates", async () => {
    const log = new ProcessingLog();
    await expect(log.run(op(0, "a", 1), async () => { throw new Error("down"); })).rejects.toThrow("down");
    expect(log.failures).toMatchObject([{ key: "a", seq: 1, error: "down" }]);
    expect(log.done).toHaveLength(0);
    await log.run(op(0, "a", 1), async () => {});
    await log.run(op(0, "a", 1), async () => {});
    expect(log.distinctApplied).toBe(1);
    expect(log.duplicates).toBe(1);
    // A failed attempt leaves nothing in flight.
    await Promise.all([log.run(op(0, "x", 1), () => sleep(5)), log.run(op(0, "y", 1), () => sleep(5))]);
    expect(log.maxInFlightPerPartition).toBe(2);
  });

  it("gives timeline rows per operation", async () => {
    const log = new ProcessingLog();
    await log.run(op(1, "a", 1), () => sleep(5));
    const [row] = log.timeline("m");
    expect(row).toMatchObject({ mode: "m", partition: 1, key: "a", seq: 1 });
    expect(row.end).toBeGreaterThan(row.start);
  });
});
