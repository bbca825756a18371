// When an in-memory pipe delivers what was written to it: soon (a microtask,
// so a request and its response cost no event-loop turn), but never more than
// a budget of deliveries in a row without a turn of the host's task queue.
// Over TCP every read is a task of its own, so timers, rendering and input run
// between a client's requests. With microtasks alone a client that asks again
// as soon as it is answered (kafkajs re-fetching a batch its handler left
// unresolved, consumer/runner.js and fetcher.js) never lets a task run: in a
// page, no timer fires and nothing is drawn again.
// Nothing here imports a Node module: it is bundled for browsers.

/** Runs `task` in a later task of the event loop (not a microtask). */
export type Macrotask = (task: () => void) => void;

/** Schedules one delivery; deliveries run in the order they were scheduled. */
export type Deliver = (delivery: () => void) => void;

type Host = { MessageChannel?: typeof MessageChannel; setTimeout: (task: () => void, ms: number) => unknown };
/** Node's MessagePort has ref/unref (as its timers do); a browser's has not. */
type Port = MessagePort & { unref?(): void };

/**
 * The host's macrotask: in a browser or worker a MessageChannel message (one
 * per task, and not clamped to 4 ms as nested setTimeout(0) is); elsewhere
 * setTimeout(0). Node's MessagePort is no yield: it handles up to 1000
 * messages, those posted meanwhile included, before the event loop moves on
 * (MessagePort::OnMessage, src/node_messaging.cc).
 */
export function hostMacrotask(host: Host = globalThis as unknown as Host): Macrotask {
  const timer: Macrotask = (task) => void host.setTimeout(task, 0);
  const Channel = host.MessageChannel;
  if (typeof Channel !== "function") return timer;
  const channel = new Channel();
  const port = channel.port1 as Port;
  if (typeof port.unref === "function") {
    channel.port1.close();
    return timer;
  }
  const waiting: (() => void)[] = [];
  port.onmessage = () => waiting.shift()!();
  return (task) => {
    waiting.push(task);
    channel.port2.postMessage(null);
  };
}

/**
 * A scheduler that runs up to `budget` deliveries as microtasks, then holds
 * the rest (in order) until the host's task queue has had a turn.
 */
export function createDeliver(budget: number, macrotask: Macrotask): Deliver {
  let used = 0; // deliveries scheduled as microtasks since the last turn
  let turnPending = false;
  const held: (() => void)[] = [];

  const startTurn = () => {
    if (turnPending) return;
    turnPending = true;
    macrotask(onTurn);
  };
  const onTurn = () => {
    turnPending = false;
    used = 0;
    while (held.length > 0 && used < budget) {
      used++;
      queueMicrotask(held.shift()!);
    }
    if (used > 0) startTurn();
  };

  return (delivery) => {
    startTurn();
    // Once anything is held, later deliveries queue behind it: order is kept.
    if (held.length > 0 || used >= budget) held.push(delivery);
    else {
      used++;
      queueMicrotask(delivery);
    }
  };
}

/**
 * Deliveries of every in-memory pipe: one budget for all, since many
 * connections busy together starve the page as surely as one.
 */
export const deliver: Deliver = createDeliver(256, hostMacrotask());
