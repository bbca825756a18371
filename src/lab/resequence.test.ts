import { describe, expect, it } from "vitest";
import { Resequencer } from "./resequence";

describe("Resequencer", () => {
  it("releases each key's items in sequence, holding back early arrivals", () => {
    const r = new Resequencer<string>();
    expect(r.push("k", 2, "k2")).toEqual([]);
    expect(r.push("k", 3, "k3")).toEqual([]);
    expect(r.held).toBe(2);
    expect(r.push("other", 1, "o1")).toEqual(["o1"]);
    expect(r.push("k", 1, "k1")).toEqual(["k1", "k2", "k3"]);
    expect(r.held).toBe(0);
    expect(r.peakHeld).toBe(2);
    expect(r.waitingFor("k")).toBe(4);
  });

  it("ignores a repeat of an item already released or held", () => {
    const r = new Resequencer<number>();
    expect(r.push("k", 1, 1)).toEqual([1]);
    expect(r.push("k", 1, 1)).toEqual([]);
    expect(r.push("k", 3, 3)).toEqual([]);
    expect(r.push("k", 3, 3)).toEqual([]);
    expect(r.held).toBe(1);
    expect(r.push("k", 2, 2)).toEqual([2, 3]);
  });

  it("holds everything after a gap that never fills", () => {
    const r = new Resequencer<number>();
    for (const seq of [2, 3, 4, 5]) r.push("k", seq, seq);
    expect(r.held).toBe(4);
    expect(r.waitingFor("k")).toBe(1);
  });
});
