import { describe, expect, it } from "vitest";
import { waitUntil } from "./wait";

describe("waitUntil", () => {
  it("returns once the condition holds (sync or async)", async () => {
    let n = 0;
    await waitUntil(() => ++n >= 3, "three polls", { intervalMs: 1 });
    expect(n).toBe(3);
    await expect(waitUntil(async () => true, "at once")).resolves.toBeGreaterThanOrEqual(0);
  });

  it("throws naming what it waited for once the deadline passes", async () => {
    await expect(waitUntil(() => false, "the impossible", { timeoutMs: 30, intervalMs: 5 })).rejects.toThrow("timed out after 0.03 s waiting for the impossible");
  });

  it("passes on an error from the condition", async () => {
    await expect(waitUntil(() => { throw new Error("broken condition"); }, "x")).rejects.toThrow("broken condition");
  });
});
