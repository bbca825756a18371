// When an in-memory pipe delivers what was written to it: each delivery in a
// task of its own, in order, as a socket's reads arrive. Between two tasks the
// host runs every microtask the first one set off, and its timers, rendering
// and input get their turn.
//
// Both matter to clients written against sockets:
// - kafkajs's consumer hands fetched batches to a worker whose loop, once the
//   queue is empty, ends a shared promise that is cleared only microtasks
//   later (consumer/worker.js, utils/sharedPromiseTo.js). A batch another
//   broker's response pushes in between is never taken, and the consumer
//   hangs in disconnect() waiting for it. Over TCP two responses are always
//   separate tasks; delivered as microtasks they were not, and lesson 10
//   hung about once in 40 live runs.
// - A client that asks again as soon as it is answered (kafkajs re-fetching a
//   batch its handler left unresolved) would otherwise keep every timer from
//   firing: in a page, nothing is drawn again.
// Nothing here imports a Node module: it is bundled for browsers.

/** Runs `task` in a later task of the event loop (not a microtask); tasks run in the order they were scheduled. */
export type Macrotask = (task: () => void) => void;

/** Schedules one delivery; deliveries run in the order they were scheduled. */
export type Deliver = (delivery: () => void) => void;

type Host = {
  MessageChannel?: typeof MessageChannel;
  setImmediate?: (task: () => void) => unknown;
  setTimeout: (task: () => void, ms: number) => unknown;
};
/** Node's MessagePort has ref/unref (as its timers do); a browser's has not. */
type Port = MessagePort & { unref?(): void };

/**
 * The host's macrotask: in a browser or worker a MessageChannel message (one
 * task each, not clamped to 4 ms as nested setTimeout(0) is); in Node
 * setImmediate (Node runs all microtasks after each immediate, and timers
 * between rounds of them). Node's MessagePort would be no task boundary: it
 * handles up to 1000 messages in one go (MessagePort::OnMessage,
 * src/node_messaging.cc). setTimeout(0) is the last resort.
 */
export function hostMacrotask(host: Host = globalThis as unknown as Host): Macrotask {
  const Channel = host.MessageChannel;
  if (typeof Channel === "function") {
    const channel = new Channel();
    const port = channel.port1 as Port;
    if (typeof port.unref !== "function") {
      const waiting: (() => void)[] = [];
      port.onmessage = () => waiting.shift()!();
      return (task) => {
        waiting.push(task);
        channel.port2.postMessage(null);
      };
    }
    channel.port1.close();
  }
  const immediate = host.setImmediate;
  if (typeof immediate === "function") return (task) => void immediate(task);
  return (task) => void host.setTimeout(task, 0);
}

/** Deliveries of every in-memory pipe, one task each. */
export const deliver: Deliver = hostMacrotask();
