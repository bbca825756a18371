// The kernel's operating-system process: spawn it, know at once when it
// exits, tell what it is doing (running, sleeping, stopped) when a deadline
// passes, and kill it with a deadline of its own.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import type { Trail } from "./trail";

/** Kernel processes still running, so an interrupted run can take them down with it. */
const live = new Set<ChildProcess>();

/**
 * Kills every kernel this process started. tslab treats SIGINT as "interrupt
 * the cell" and keeps running, so a Ctrl-C of the runner must do this.
 */
export function killAllKernels(): void {
  for (const p of live) p.kill("SIGKILL");
  live.clear();
}

/** The process ids of the kernels still running. */
export function liveKernelPids(): number[] {
  return [...live].flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
}

export type ProcessState = { state: string; cpuSeconds: number };

/**
 * Parses /proc/PID/stat (proc(5)): the state letter is the field after the
 * parenthesised command name (which may itself hold spaces and parentheses);
 * utime and stime are fields 14 and 15, in clock ticks.
 */
export function parseProcStat(text: string, ticksPerSecond = 100): ProcessState | undefined {
  const fields = text.slice(text.lastIndexOf(")") + 2).trim().split(/\s+/);
  if (fields.length < 13) return undefined;
  return { state: fields[0], cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
}

const STATES: Record<string, string> = {
  R: "running (busy on the CPU)",
  S: "sleeping (waiting for I/O or a timer)",
  D: "in uninterruptible I/O",
  T: "stopped (SIGSTOP or SIGTSTP)",
  t: "stopped by a debugger",
  Z: "a zombie (exited, not yet reaped)",
};

export class KernelProcess {
  exited: { code: number | null; signal: string | null } | undefined;
  private stderrTail = "";
  private readonly exitWaiters: (() => void)[] = [];

  private constructor(private readonly child: ChildProcess, private readonly trail: Trail) {}

  /** Starts `argv` in `cwd`; stderr is kept (its tail explains a crash), stdout is ignored as Jupyter does. */
  static spawn(argv: string[], cwd: string, env: NodeJS.ProcessEnv, trail: Trail): KernelProcess {
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    const kernel = new KernelProcess(child, trail);
    live.add(child);
    trail.note(`spawned pid ${child.pid}: ${argv.join(" ")} (cwd ${cwd})`);
    child.stderr!.on("data", (d) => (kernel.stderrTail = (kernel.stderrTail + d).slice(-4000)));
    child.on("exit", (code, signal) => kernel.markExited(code, signal));
    child.on("error", (err) => {
      kernel.stderrTail += String(err);
      kernel.markExited(-1, null);
    });
    return kernel;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): string {
    return this.stderrTail.trim();
  }

  /** Calls `fn` when the process exits (at once if it already has). */
  onExit(fn: () => void): void {
    if (this.exited) fn();
    else this.exitWaiters.push(fn);
  }

  /** Resolves true when the process has exited, false if `ms` pass first. */
  waitForExit(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.exited) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      this.onExit(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.exited) return;
    this.trail.note(`sending ${signal} to pid ${this.pid}`);
    this.child.kill(signal);
  }

  /** SIGKILL, then waits up to `ms` for the exit; false if the process is still there. */
  async kill(ms: number): Promise<boolean> {
    this.signal("SIGKILL");
    const gone = await this.waitForExit(ms);
    if (!gone) this.trail.note(`pid ${this.pid} did not exit within ${ms} ms of SIGKILL`);
    return gone;
  }

  /** What the process is doing now, from /proc (Linux); undefined where that cannot be read. */
  state(): ProcessState | undefined {
    if (this.exited || this.pid === undefined) return undefined;
    try {
      return parseProcStat(fs.readFileSync(`/proc/${this.pid}/stat`, "utf8"));
    } catch {
      return undefined;
    }
  }

  /** A sentence on the process's state, and its CPU use since `since` (an earlier state()). */
  describe(since?: ProcessState): string {
    if (this.exited) return `the kernel process has exited (${this.howExited()})`;
    const now = this.state();
    if (!now) return "the kernel process is alive";
    const cpu = since ? `; it used ${(now.cpuSeconds - since.cpuSeconds).toFixed(1)} s of CPU meanwhile` : "";
    return `the kernel process is ${STATES[now.state] ?? `in state ${now.state}`}${cpu}`;
  }

  howExited(): string {
    if (!this.exited) return "still running";
    return this.exited.signal ? `signal ${this.exited.signal}` : `exit code ${this.exited.code}`;
  }

  private markExited(code: number | null, signal: string | null): void {
    if (this.exited) return;
    live.delete(this.child);
    this.exited = { code, signal };
    this.trail.note(`pid ${this.pid} exited (${this.howExited()})${this.stderr ? `; stderr: ${this.stderr.split("\n").slice(-3).join(" | ")}` : ""}`);
    for (const fn of this.exitWaiters.splice(0)) fn();
  }
}

/**
 * Whether a process is getting anywhere: how long it has been sleeping or
 * stopped without using CPU. A runnable process that the machine starves is
 * not stuck, nor is one in disk I/O.
 */
export class Progress {
  readonly first: ProcessState | undefined;
  private last: ProcessState | undefined;
  private lastMovedAt: number;

  constructor(private readonly process: KernelProcess, now: number) {
    this.first = this.last = process.state();
    this.lastMovedAt = now;
  }

  /** Milliseconds since the process last used CPU or was runnable (0 when that cannot be read). */
  stuckFor(now: number): number {
    const state = this.process.state();
    if (!state || !this.last) return 0;
    const moved = state.cpuSeconds > this.last.cpuSeconds || state.state === "R" || state.state === "D";
    this.last = state;
    if (moved) this.lastMovedAt = now;
    return now - this.lastMovedAt;
  }
}
