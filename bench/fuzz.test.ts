// Bounded runs of the structure-aware fuzzer and the model-based checks
// (`npm run bench -- fuzz` runs them for longer).
import { describe, expect, it } from "vitest";
import { fuzzFrames } from "./fuzz-frames";
import { checkAgainstModel } from "./fuzz-model";

describe("structure-aware fuzzing", () => {
  it("keeps every log's invariants through forged but intact batches and transaction requests", async () => {
    const report = await fuzzFrames({ runs: 150, maxRequests: 30 });
    // The fuzzer must reach the log, and the checks must be exercised: some batches appended, several kinds of refusal.
    expect(report.appended).toBeGreaterThan(20);
    expect(Object.keys(report.answers)).toEqual(expect.arrayContaining(["NONE", "INVALID_RECORD", "CORRUPT_MESSAGE", "INVALID_TXN_STATE"]));
  }, 60_000);
});

describe("model-based checks", () => {
  it("matches a simple model through random produce, fetch, transactions, new partitions and broker stops", async () => {
    const stats = await checkAgainstModel({ runs: 120, maxCommands: 40 });
    // Every kind of step really ran (a model check that skips everything proves nothing).
    expect(stats.acknowledged).toBeGreaterThan(200);
    expect(stats.fetched).toBeGreaterThan(50);
    for (const kind of ["commits", "aborts", "refusedUnadded", "brokerStops"] as const) expect(stats[kind], kind).toBeGreaterThan(0);
  }, 60_000);
});
