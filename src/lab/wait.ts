// Waiting for what a notebook needs (records consumed, a group joined, lag at
// zero) instead of sleeping a fixed time: a condition polled until a deadline.

/**
 * Polls `condition` every `intervalMs` until it holds and returns how long
 * that took (ms); throws `timed out after N s waiting for <what>` once
 * `timeoutMs` has passed.
 */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 45_000;
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(options.intervalMs ?? 50);
  }
}

/** Resolves after `ms` milliseconds (for simulated work, not for waiting on Kafka). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
