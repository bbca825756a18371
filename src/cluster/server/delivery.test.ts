// Deliveries run in order, as microtasks up to the budget, then wait for a
// turn of the task queue; with each kind of host macrotask a delivery that
// schedules the next at once leaves room for a timer.
import { describe, expect, it } from "vitest";
import { createDeliver, hostMacrotask, type Macrotask } from "./delivery";

/** Lets every queued microtask (and those they queue) run. */
const drainMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await null;
};

describe("createDeliver", () => {
  it("runs up to the budget as microtasks, holds the rest in order until the task queue has had a turn", async () => {
    const turns: (() => void)[] = [];
    const deliver = createDeliver(2, (task) => turns.push(task));
    const ran: string[] = [];
    for (const name of ["a", "b", "c", "d"]) deliver(() => ran.push(name));
    deliver(() => {
      ran.push("e");
      deliver(() => ran.push("f (from e)"));
    });
    await drainMicrotasks();
    expect(ran).toEqual(["a", "b"]);
    expect(turns).toHaveLength(1);
    turns.shift()!();
    await drainMicrotasks();
    expect(ran).toEqual(["a", "b", "c", "d"]);
    turns.shift()!();
    await drainMicrotasks();
    expect(ran).toEqual(["a", "b", "c", "d", "e", "f (from e)"]);
    turns.shift()!();
    expect(turns).toHaveLength(0); // idle: no turn is asked for
  });

  /** How many deliveries, each scheduling the next at once, ran before a timer set beside them fired. */
  async function deliveriesBeforeATimer(macrotask: Macrotask): Promise<number> {
    const deliver = createDeliver(64, macrotask);
    let count = 0;
    const next = () => {
      if (++count < LIMIT) deliver(next);
    };
    deliver(next);
    const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(count), 0));
    count = LIMIT; // stops the chain
    return atTimer;
  }
  const LIMIT = 200_000;
  const counting = () => {
    const timer = { calls: 0, setTimeout: (task: () => void, ms: number) => (timer.calls++, setTimeout(task, ms)) };
    return timer;
  };

  it("lets a timer run between deliveries that schedule the next at once, in a browser through a MessageChannel", async () => {
    // A browser's channel: each message is a task of its own (here: one setImmediate each), its port has no unref.
    class BrowserChannel {
      port1 = { onmessage: null as null | (() => void), close: () => {} };
      port2 = { postMessage: () => void setImmediate(() => this.port1.onmessage?.()) };
    }
    const timer = counting();
    const atTimer = await deliveriesBeforeATimer(hostMacrotask({ MessageChannel: BrowserChannel as never, setTimeout: timer.setTimeout }));
    expect(atTimer).toBeGreaterThan(0);
    expect(atTimer).toBeLessThan(LIMIT);
    expect(timer.calls).toBe(0);
  });

  it("lets a timer run between deliveries that schedule the next at once, in Node through setTimeout(0) (its MessagePort is no yield)", async () => {
    const timer = counting();
    const atTimer = await deliveriesBeforeATimer(hostMacrotask({ MessageChannel, setTimeout: timer.setTimeout }));
    expect(atTimer).toBeGreaterThan(0);
    expect(atTimer).toBeLessThan(LIMIT);
    expect(timer.calls).toBeGreaterThan(0);
  });

  it("lets a timer run between deliveries that schedule the next at once, with no MessageChannel through setTimeout(0)", async () => {
    const timer = counting();
    expect(await deliveriesBeforeATimer(hostMacrotask({ setTimeout: timer.setTimeout }))).toBeLessThan(LIMIT);
    expect(timer.calls).toBeGreaterThan(0);
  });
});
