import { describe, expect, it } from "vitest";
import { interleavedTraffic, inversions, parseKeySeq, saltedKey, simulatedWorkMs, skewedTraffic } from "./workloads";

describe("skewed traffic", () => {
  const traffic = skewedTraffic({ total: 1000, hotKey: "hot", hotShare: 0.8, coldKeys: 40, coldPrefix: "c-" });

  it("gives the hot key exactly its share, spread through the stream", () => {
    expect(traffic).toHaveLength(1000);
    expect(traffic.filter((m) => m.key === "hot")).toHaveLength(800);
    // Every window of 10 messages holds 8 hot ones: no burst at the start or the end.
    for (let i = 0; i < 1000; i += 10) expect(traffic.slice(i, i + 10).filter((m) => m.key === "hot")).toHaveLength(8);
    expect(new Set(traffic.filter((m) => m.key !== "hot").map((m) => m.key)).size).toBe(40);
  });

  it("numbers each key's messages from 1, in order", () => {
    const seqs = traffic.filter((m) => m.key === "c-7").map((m) => parseKeySeq(m.value));
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs.every((s) => s.key === "c-7")).toBe(true);
  });

  it("refuses shares outside 0..1", () => {
    expect(() => skewedTraffic({ total: 10, hotKey: "h", hotShare: 1.5, coldKeys: 1 })).toThrow(/hotShare/);
  });
});

describe("salting", () => {
  it("rotates a key over its salts by sequence number", () => {
    expect([1, 2, 3, 4, 5].map((seq) => saltedKey("k", seq, 4))).toEqual(["k#0", "k#1", "k#2", "k#3", "k#0"]);
    expect(() => saltedKey("k", 1, 0)).toThrow(/salts/);
  });

  it("keeps the original key and sequence in the value", () => {
    expect(parseKeySeq("shop:mega:17")).toEqual({ key: "shop:mega", seq: 17 });
    expect(() => parseKeySeq("no-sequence")).toThrow(/key:seq/);
  });
});

describe("inversions", () => {
  it("count pairs out of order", () => {
    expect(inversions([1, 2, 3])).toBe(0);
    expect(inversions([2, 1, 3])).toBe(1);
    expect(inversions([3, 2, 1])).toBe(3);
  });
});

describe("interleaved traffic and simulated work", () => {
  it("interleaves keys and numbers each from 1", () => {
    expect(interleavedTraffic(["a", "b"], 2).map((m) => m.value)).toEqual(["a:1", "b:1", "a:2", "b:2"]);
  });

  it("gives each message a fixed time within the bounds, varying between messages", () => {
    const times = Array.from({ length: 50 }, (_, i) => simulatedWorkMs("acct", i + 1, 2, 30));
    expect(times.every((t) => Number.isInteger(t) && t >= 2 && t <= 30)).toBe(true);
    expect(new Set(times).size).toBeGreaterThan(10);
    expect(simulatedWorkMs("acct", 7)).toBe(simulatedWorkMs("acct", 7));
  });
});
