// Waiting on a kernel with deadlines: the deadlines themselves, a wait that
// wakes on every message, and how one cell's request is settled — reply,
// then idle; or, past its timeout, an interrupt and, failing that, a kill.
import type { Execution } from "./execution";
import type { KernelProcess } from "./kernel-process";

export type Deadlines = {
  /** Spawn → kernel_info_reply plus a status on iopub, however busy the machine. */
  kernelStartMs: number;
  /**
   * A starting kernel that has not answered and has used no CPU for this long
   * while sleeping or stopped is wedged (a starting tslab computes until it
   * answers; a starved one is runnable and is given until kernelStartMs).
   */
  kernelStuckMs: number;
  /** How long one kernel_info_request is given before another is sent while starting. */
  kernelInfoRetryMs: number;
  /** A message handed to ZeroMQ (it queues; only a wedged socket takes longer). */
  sendMs: number;
  /** execute_reply → the request's `idle` status (nbclient's iopub_timeout is 4 s). */
  idleAfterReplyMs: number;
  /** SIGINT → the interrupted cell's execute_reply. */
  interruptMs: number;
  /** shutdown_request → the process has exited. */
  shutdownMs: number;
  /** SIGKILL → the process has exited. */
  killMs: number;
};

export const DEFAULT_DEADLINES: Deadlines = {
  kernelStartMs: 180_000,
  kernelStuckMs: 20_000,
  kernelInfoRetryMs: 1_000,
  sendMs: 10_000,
  idleAfterReplyMs: 10_000,
  interruptMs: 5_000,
  shutdownMs: 5_000,
  killMs: 5_000,
};

/**
 * How a cell's request ended. "done": a reply and its idle status came (the
 * reply's own status may still be "error" or "abort"); the others carry a
 * message saying what was awaited.
 */
export type CellOutcome =
  | { kind: "done"; exec: Execution }
  | { kind: "timeout" | "no-idle" | "dead"; exec: Execution | undefined; message: string };

/**
 * Resolves true as soon as `condition()` holds, false at `deadlineAt`.
 * `subscribe(wake)` registers `wake` with whatever can change the condition
 * and returns how to unregister it.
 */
export function waitFor(condition: () => boolean, deadlineAt: number, subscribe: (wake: () => void) => () => void): Promise<boolean> {
  if (condition()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let finished = false;
    let off: () => void = () => {};
    const finish = (value: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      off();
      resolve(value);
    };
    // At the deadline, let the event loop poll once more before deciding: after
    // this process was starved, timers run before the I/O that arrived meanwhile.
    const timer = setTimeout(() => setImmediate(() => finish(condition())), Math.max(0, deadlineAt - Date.now()));
    off = subscribe(() => condition() && finish(true));
  });
}

export type SettleContext = {
  deadlineAt: number;
  timeoutMs: number;
  /** Names the request in messages ("cell 3", "cell 3 (Run All)"). */
  what: string;
  deadlines: Deadlines;
  process: KernelProcess;
  until: (condition: () => boolean, deadlineAt: number) => Promise<boolean>;
  death: () => string;
  forget: () => void;
  /** Says what is being awaited now (see ./activity.ts). */
  note: (waitingFor: string) => void;
};

/** Waits for `exec` to finish, interrupting and then killing a kernel that overruns its deadline. */
export async function settle(exec: Execution, ctx: SettleContext): Promise<CellOutcome> {
  const { deadlines, process: proc } = ctx;
  const cpuBefore = proc.state();
  try {
    ctx.note(`${ctx.what}: waiting for its execute_reply`);
    await ctx.until(() => Boolean(exec.reply || proc.exited), ctx.deadlineAt);
    if (!exec.reply && proc.exited) return { kind: "dead", exec, message: ctx.death() };
    if (!exec.reply) return await interruptOrKill(exec, ctx, proc.describe(cpuBefore));
    ctx.note(`${ctx.what}: waiting for its "idle" status`);
    await ctx.until(() => exec.idle || Boolean(proc.exited), Date.now() + deadlines.idleAfterReplyMs);
    if (exec.idle) return { kind: "done", exec };
    if (proc.exited) return { kind: "dead", exec, message: ctx.death() };
    return {
      kind: "no-idle",
      exec,
      message: `${ctx.what}: the kernel sent execute_reply (status ${exec.status}) but no "idle" status on iopub within ${deadlines.idleAfterReplyMs / 1000} s, so its outputs may be incomplete`,
    };
  } finally {
    ctx.forget();
  }
}

async function interruptOrKill(exec: Execution, ctx: SettleContext, state: string): Promise<CellOutcome> {
  const { deadlines, process: proc } = ctx;
  let message = `${ctx.what} did not finish within ${ctx.timeoutMs / 1000} s (${state})`;
  proc.signal("SIGINT");
  ctx.note(`${ctx.what}: interrupted with SIGINT, waiting for its execute_reply`);
  await ctx.until(() => Boolean(exec.reply || proc.exited), Date.now() + deadlines.interruptMs);
  if (exec.reply) {
    message += "; the kernel was interrupted";
    await ctx.until(() => exec.idle || Boolean(proc.exited), Date.now() + deadlines.idleAfterReplyMs);
  } else if (!proc.exited) {
    message += `; it did not answer the interrupt within ${deadlines.interruptMs / 1000} s, so the kernel was killed`;
    ctx.note(`${ctx.what}: killed the kernel (SIGKILL), waiting for it to exit`);
    await proc.kill(deadlines.killMs);
  }
  return { kind: "timeout", exec, message };
}

/** Raised when a deadline passes; the message says what was awaited. */
export class DeadlineError extends Error {
  override name = "DeadlineError";
}

/** `promise`, or a DeadlineError naming `waitingFor` once `ms` have passed. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, waitingFor: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${waitingFor}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
