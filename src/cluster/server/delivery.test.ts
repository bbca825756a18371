// Each delivery is a task of its own, as a socket read is: everything one
// delivery sets off as microtasks runs before the next delivery (kafkajs's
// consumer worker depends on it), and a delivery that schedules the next at
// once leaves room for a timer — with each kind of host macrotask.
import { describe, expect, it } from "vitest";
import { deliver, hostMacrotask, type Macrotask } from "./delivery";

/** A browser's channel: each message is a task of its own (here: one setImmediate each); its port has no unref. */
class BrowserChannel {
  port1 = { onmessage: null as null | (() => void), close: () => {} };
  port2 = { postMessage: () => void setImmediate(() => this.port1.onmessage?.()) };
}

const counting = () => {
  const calls = { timeout: 0, immediate: 0 };
  return {
    calls,
    setTimeout: (task: () => void, ms: number) => (calls.timeout++, setTimeout(task, ms)),
    setImmediate: (task: () => void) => (calls.immediate++, setImmediate(task)),
  };
};

const hosts: [string, () => { macrotask: Macrotask; used: () => string }][] = [
  ["a browser, through a MessageChannel", () => {
    const host = counting();
    return { macrotask: hostMacrotask({ MessageChannel: BrowserChannel as never, ...host }), used: () => (host.calls.timeout + host.calls.immediate === 0 ? "channel" : "other") };
  }],
  ["Node, through setImmediate (its MessagePort is no task boundary)", () => {
    const host = counting();
    return { macrotask: hostMacrotask({ MessageChannel, ...host }), used: () => (host.calls.immediate > 0 && host.calls.timeout === 0 ? "immediate" : "other") };
  }],
  ["a host with neither, through setTimeout(0)", () => {
    const host = counting();
    return { macrotask: hostMacrotask({ setTimeout: host.setTimeout }), used: () => (host.calls.timeout > 0 ? "timeout" : "other") };
  }],
];

/**
 * kafkajs's consumer worker in miniature (consumer/worker.js with
 * utils/sharedPromiseTo.js): a loop that takes queued batches, run through a
 * promise that is shared until it settles and cleared only microtasks later.
 * Two brokers' responses each queue a batch and start the loop.
 */
async function batchesHandled(macrotask: Macrotask): Promise<string[]> {
  let running: Promise<void> | null = null;
  const queue: string[] = [];
  const handled: string[] = [];
  const run = () => (running ??= (async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) handled.push(batch);
  })().finally(() => (running = null)));
  for (const broker of [1, 2]) macrotask(() => {
    queue.push(`batch from broker ${broker}`);
    void run();
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  return handled;
}

/** How many deliveries, each scheduling the next at once, ran before a timer set beside them fired. */
async function deliveriesBeforeATimer(macrotask: Macrotask): Promise<number> {
  let count = 0;
  const next = () => {
    if (++count < LIMIT) macrotask(next);
  };
  macrotask(next);
  const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(count), 0));
  count = LIMIT; // stops the chain
  return atTimer;
}
const LIMIT = 200_000;

describe("deliveries of in-memory pipes", () => {
  it("run in order, each after the microtasks the one before set off", async () => {
    const ran: string[] = [];
    deliver(() => {
      ran.push("a");
      void Promise.resolve().then(() => ran.push("a's microtask")).then(() => ran.push("a's second microtask"));
    });
    deliver(() => ran.push("b"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(["a", "a's microtask", "a's second microtask", "b"]);
  });

  it("as microtasks would lose a batch in kafkajs's worker (the case these tasks exist for)", async () => {
    expect(await batchesHandled((task) => queueMicrotask(task))).toEqual(["batch from broker 1"]);
  });

  for (const [name, make] of hosts) {
    describe(`in ${name}`, () => {
      it("hands both brokers' batches to kafkajs's worker", async () => {
        const host = make();
        expect(await batchesHandled(host.macrotask)).toEqual(["batch from broker 1", "batch from broker 2"]);
        expect(host.used()).not.toBe("other");
      });

      it("lets a timer run between deliveries that schedule the next at once", async () => {
        const atTimer = await deliveriesBeforeATimer(make().macrotask);
        expect(atTimer).toBeGreaterThan(0);
        expect(atTimer).toBeLessThan(LIMIT);
      });
    });
  }
});
