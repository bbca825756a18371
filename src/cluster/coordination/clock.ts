/**
 * Time for the coordinators: "now" plus one-shot timers. Passed in so the
 * group state machine (session timeouts, rebalance timeouts) can be tested
 * deterministically with {@link ManualClock} instead of real waiting.
 */
export interface Clock {
  now(): number;
  /** Runs `fn` once after `ms`; returns a function that cancels it. */
  schedule(ms: number, fn: () => void): () => void;
}

/** The real clock. Timers are unref'd so a forgotten one never keeps Node alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

type Pending = { at: number; seq: number; fn: () => void; cancelled: boolean };

/** A clock that only moves when told to: `advance(ms)` fires due timers in order. */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start = 1_000_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(ms: number, fn: () => void): () => void {
    const entry: Pending = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Moves time forward, running every timer that falls due on the way (timers may schedule more). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.pending = this.pending.filter((p) => !p.cancelled);
      const due = this.pending
        .filter((p) => p.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      due.cancelled = true;
      due.fn();
    }
    this.current = target;
  }

  /** How many live timers are waiting (tests use it to check nothing leaks). */
  get timerCount(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }
}

/** Runs `fn` every `ms` (read again before each wait) until the returned function is called. */
export function every(clock: Clock, ms: () => number, fn: () => void): () => void {
  let cancel = () => {};
  let stopped = false;
  const next = () => {
    cancel = clock.schedule(ms(), () => {
      if (stopped) return;
      next();
      fn();
    });
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
