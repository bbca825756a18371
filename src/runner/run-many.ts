// Runs independent notebooks in parallel, each in its own kernel, at most
// `jobs` at a time, reporting progress as they go. Results keep input order.
// tslab spends seconds compiling before a kernel answers, so the kernels of
// the next notebooks in the queue are started while the current ones run
// (each with its own notebook's cwd and env, as Jupyter would start it), and
// a finished notebook's kernel is shut down in the background. Kernel starts
// are CPU-bound: at most `jobs` compile at once, in queue order, so a warm
// kernel never slows the start of a notebook that is due first. Given how
// long each notebook took before, the longest start first (./schedule.ts).
import * as os from "node:os";
import type { Kernel } from "./kernel";
import { killAllKernels } from "./kernel-process";
import { silentReporter, type Reporter } from "./report";
import { runNotebook, startKernelFor, type NotebookRun, type RunOptions } from "./run-notebook";
import { startOrder } from "./schedule";

/**
 * Default parallelism: one kernel more than there are cores. A notebook waits
 * about a third of its time (on the cluster, on consumers polling, on the
 * producer's pace), so with one kernel per core the CPU sat idle that long:
 * on the course, 2 kernels used about two thirds of the core-seconds; 3 took the run
 * from 48 s to 40 s, 4 to 38 s (README, "Benchmarks"). Each kernel beyond that
 * mostly adds contention, so more is a choice (`--jobs`), not the default.
 */
export function defaultJobs(): number {
  return os.availableParallelism() + 1;
}

/** Kernels started ahead of the queue by default (see README, "Benchmarks", for the measurements). */
export const DEFAULT_WARM_KERNELS = 1;

export type RunManyOptions = Omit<RunOptions, "onCell" | "kernel" | "onKernelStopping"> & {
  /** Notebooks at once (default: one more than the CPU cores). */
  jobs?: number;
  /** Kernels started ahead for notebooks still waiting in the queue (default 1). */
  warmKernels?: number;
  reporter?: Reporter;
  /** Stop starting new notebooks after the first failure. */
  failFast?: boolean;
  /** What each notebook took in an earlier run (see ./durations.ts): the longest start first. Results keep input order. */
  expectedSeconds?: (path: string) => number | undefined;
};

/**
 * Runs `paths`; on Ctrl-C (SIGINT) or SIGTERM the kernels are killed and the
 * process exits with 130, instead of leaving tslab kernels behind.
 */
export async function runNotebooks(paths: string[], options: RunManyOptions = {}): Promise<NotebookRun[]> {
  const stop = () => {
    killAllKernels();
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await runQueue(paths, options);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

async function runQueue(paths: string[], options: RunManyOptions): Promise<NotebookRun[]> {
  const reporter = options.reporter ?? silentReporter;
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), paths.length || 1));
  const warm = Math.max(0, options.warmKernels ?? DEFAULT_WARM_KERNELS);
  const results: NotebookRun[] = new Array(paths.length);
  const kernels: (Promise<Kernel> | undefined)[] = new Array(paths.length);
  const order = startOrder(paths, options.expectedSeconds);
  const stopping: Promise<void>[] = [];
  let next = 0; // position in `order`
  let failed = false;
  const gate = new Gate(jobs);
  const startKernels = (upTo: number) => {
    for (const i of order.slice(next, upTo)) {
      if (kernels[i]) continue;
      kernels[i] = gate.run(() => startKernelFor(paths[i], options));
      kernels[i]!.catch(() => undefined); // reported by runNotebook when it takes this kernel
    }
  };
  const worker = async () => {
    while (next < paths.length && !(failed && options.failFast)) {
      const position = next++;
      const i = order[position];
      startKernels(next + warm);
      reporter.notebookStarted(paths[i], position, paths.length);
      const run = await runNotebook(paths[i], {
        ...options,
        kernel: kernels[i] ?? startKernelFor(paths[i], options),
        onKernelStopping: (p) => stopping.push(p),
        onCell: (cell, codeCells, position) => reporter.cellStarted(paths[i], cell, position, codeCells),
      });
      kernels[i] = undefined;
      results[i] = run;
      if (!run.ok) failed = true;
      reporter.notebookFinished(run, position, paths.length);
    }
  };
  try {
    startKernels(jobs + warm);
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    // Kernels started for notebooks that did not run (fail-fast) go too.
    for (const k of kernels) if (k) stopping.push(k.then((kernel) => kernel.shutdown().finally(() => kernel.trail.close()), () => undefined));
    await Promise.all(stopping);
  }
  return results.filter(Boolean);
}

/** Runs at most `slots` tasks at once, the others in the order they came. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
