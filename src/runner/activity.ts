// What this process is waiting for right now (which notebook, which cell,
// which message), so that a deadline that passes can say so. Each running
// task sets its line and clears it when done; listeners (the build's
// watchdog) hear of every change.

type Entry = { what: string; since: number };

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

/** Sets what task `key` is doing now. */
export function setActivity(key: string, what: string): void {
  entries.set(key, { what, since: Date.now() });
  for (const fn of listeners) fn();
}

export function clearActivity(key: string): void {
  if (entries.delete(key)) for (const fn of listeners) fn();
}

/** One line per task: what it waits for and for how long. */
export function describeActivity(now = Date.now()): string[] {
  return [...entries.values()].map((e) => `${e.what} (for ${((now - e.since) / 1000).toFixed(0)} s)`);
}

/** Calls `fn` after every change; returns how to stop. */
export function onActivity(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
