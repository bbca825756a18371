// Runs independent notebooks in parallel, each in its own kernel, at most
// `jobs` at a time, reporting progress as they go. Results keep input order.
import * as os from "node:os";
import { killAllKernels } from "./kernel";
import { silentReporter, type Reporter } from "./report";
import { runNotebook, type NotebookRun, type RunOptions } from "./run-notebook";

/**
 * Default parallelism: one kernel per core. Notebooks also wait (network,
 * consumers polling), so more can pay off — measured on 2 cores, 4 kernels
 * ran the course 15% faster than 2 — but every extra kernel slows each cell,
 * so going further is a choice (`--jobs`), not the default.
 */
export function defaultJobs(): number {
  return os.availableParallelism();
}

export type RunManyOptions = Omit<RunOptions, "onCell"> & {
  /** Notebooks at once (default: one per CPU core). */
  jobs?: number;
  reporter?: Reporter;
  /** Stop starting new notebooks after the first failure. */
  failFast?: boolean;
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
    return await runAll(paths, options);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

async function runAll(paths: string[], options: RunManyOptions): Promise<NotebookRun[]> {
  const reporter = options.reporter ?? silentReporter;
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), paths.length || 1));
  const results: NotebookRun[] = new Array(paths.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < paths.length && !(failed && options.failFast)) {
      const i = next++;
      reporter.notebookStarted(paths[i], i, paths.length);
      const run = await runNotebook(paths[i], { ...options, onCell: (cell, codeCells, position) => reporter.cellStarted(paths[i], cell, position, codeCells) });
      results[i] = run;
      if (!run.ok) failed = true;
      reporter.notebookFinished(run, i, paths.length);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results.filter(Boolean);
}
