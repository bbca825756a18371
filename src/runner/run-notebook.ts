// Runs one notebook top to bottom in a fresh tslab kernel and returns the
// executed notebook with a per-cell account. Cells tagged `skip-execution`
// are skipped; a cell tagged `raises-exception` must fail (and it is a
// failure if it does not). The first failing cell stops the run. Each
// executed cell gets nbclient's `metadata.execution` timestamps.
import * as path from "node:path";
import { verdictOf, type RunMode, type Verdict } from "./cell-results";
import type { CellError, Execution } from "./execution";
import { Kernel, KernelStartError, type Deadlines, type KernelOptions } from "./kernel";
import { hasTag, readNotebook, sourceOf, type Cell, type Notebook } from "./notebook";
import { Trail } from "./trail";
import type { CellOutcome } from "./waits";

export type { RunMode } from "./cell-results";

export type CellRun = {
  /** 0-based index among all cells of the notebook. */
  index: number;
  status: "ok" | "error" | "skipped" | "expected-error" | "not-run";
  /** Seconds the kernel spent on the cell (from its start to its reply). */
  seconds: number;
  error?: CellError;
};

export type Failure = {
  /** 0-based index of the failing cell; the learner sees it as cell index + 1. */
  cellIndex: number;
  sourceExcerpt: string;
  name: string;
  message: string;
  traceback: string[];
  /** The file holding the message trail of this notebook's kernel. */
  trail?: string;
};

export type NotebookRun = {
  path: string;
  notebook: Notebook;
  cells: CellRun[];
  ok: boolean;
  seconds: number;
  kernelStartSeconds: number;
  failure?: Failure;
  /** Set by callers that reused an earlier run instead of executing (the build's cache). */
  cached?: boolean;
};

export type RunOptions = {
  /** Seconds per cell (default 60; the notebook's metadata.execution.timeout wins). */
  timeout?: number;
  /** Extra environment for the kernel (e.g. KAFKA_BROKERS). */
  env?: NodeJS.ProcessEnv;
  /** The kernel's working directory (default: the notebook's folder, as Jupyter does). */
  cwd?: string;
  /** "cells" (default) sends one cell at a time; "run-all" sends them all at once, as Jupyter's Run All. */
  mode?: RunMode;
  deadlines?: Partial<Deadlines>;
  /** The kernel's argv (default: tslab through our launcher). */
  spec?: KernelOptions["spec"];
  /** Called as each cell starts. */
  onCell?: (cellIndex: number, codeCells: number, position: number) => void;
  /** A kernel already starting for this notebook (see startKernelFor). */
  kernel?: Promise<Kernel>;
  /** Receives the kernel's shutdown instead of waiting for it (run-many finishes it in the background). */
  onKernelStopping?: (stopping: Promise<void>) => void;
};

/** Starts the kernel `runNotebook(file, options)` would start: cwd = the notebook's folder, the given env. */
export function startKernelFor(file: string, options: RunOptions = {}): Promise<Kernel> {
  const cwd = options.cwd ?? path.dirname(path.resolve(file));
  return Kernel.start({ cwd, env: options.env, spec: options.spec, deadlines: options.deadlines, trail: new Trail(file), label: path.relative(process.cwd(), file) || file });
}

/** Shuts the kernel down, in the background when the caller takes the shutdown over. */
function stop(kernel: Kernel, options: RunOptions): Promise<void> {
  const stopping = kernel.shutdown().finally(() => kernel.trail.close());
  if (!options.onKernelStopping) return stopping;
  options.onKernelStopping(stopping);
  return Promise.resolve();
}

function excerpt(source: string): string {
  const lines = source.split("\n");
  return lines.slice(0, 5).join("\n") + (lines.length > 5 ? "\n…" : "");
}

type Planned = { index: number; cell: Cell; position: number; expectError: boolean };

export async function runNotebook(file: string, options: RunOptions = {}): Promise<NotebookRun> {
  const started = Date.now();
  const result = (notebook: Notebook, extra: Partial<NotebookRun>): NotebookRun =>
    ({ path: file, notebook, cells: [], ok: !extra.failure, seconds: (Date.now() - started) / 1000, kernelStartSeconds: 0, ...extra });
  let notebook: Notebook;
  try {
    notebook = readNotebook(file);
  } catch (err) {
    options.kernel?.then((k) => stop(k, options), () => undefined);
    const empty: Notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] };
    return result(empty, { failure: { cellIndex: -1, sourceExcerpt: "", name: "InvalidNotebook", message: (err as Error).message, traceback: [] } });
  }
  const timeoutMs = 1000 * (Number(notebook.metadata.execution?.timeout) || options.timeout || 60);
  const kernelStarted = Date.now();
  let kernel: Kernel;
  try {
    kernel = await (options.kernel ?? startKernelFor(file, options));
  } catch (err) {
    const trail = err instanceof KernelStartError ? err.trail?.save() : undefined;
    if (err instanceof KernelStartError) err.trail?.close();
    return result(notebook, { failure: { cellIndex: -1, sourceExcerpt: "", name: "KernelStartError", message: (err as Error).message, traceback: [], trail } });
  }
  const kernelStartSeconds = (Date.now() - kernelStarted) / 1000;
  let cells: CellRun[];
  try {
    cells = options.mode === "run-all" ? await runAll(kernel, notebook, timeoutMs, options) : await oneByOne(kernel, notebook, timeoutMs, options);
  } finally {
    await stop(kernel, options);
  }
  const failed = cells.find((c) => c.status === "error");
  const failure = failed && {
    cellIndex: failed.index,
    sourceExcerpt: excerpt(sourceOf(notebook.cells[failed.index])),
    ...failed.error!,
    trail: kernel.trail.save(),
  };
  return result(notebook, { cells, kernelStartSeconds, failure });
}

function plan(notebook: Notebook): Planned[] {
  let position = 0;
  return notebook.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [{ index, cell, position: ++position, expectError: hasTag(cell, "raises-exception") }] : []));
}

const skipped = (p: Planned) => hasTag(p.cell, "skip-execution");

/** Writes what the kernel answered into the cell, as nbclient does. */
function record(cell: Cell, exec: Execution | undefined): void {
  cell.outputs = exec?.outputs ?? [];
  cell.execution_count = exec?.executionCount ?? null;
  if (exec) cell.metadata.execution = { ...exec.timing };
}

function cellRun(index: number, verdict: Verdict, seconds: number): CellRun {
  return { index, seconds, ...verdict };
}

async function oneByOne(kernel: Kernel, notebook: Notebook, timeoutMs: number, options: RunOptions): Promise<CellRun[]> {
  const planned = plan(notebook);
  const cells: CellRun[] = [];
  let stopped = false;
  let afterExpectedError = false;
  for (const p of planned) {
    if (stopped || skipped(p)) {
      cells.push({ index: p.index, status: stopped ? "not-run" : "skipped", seconds: 0 });
      continue;
    }
    options.onCell?.(p.index, planned.length, p.position);
    const t0 = Date.now();
    // As nbclient does: a cell allowed to fail must not make the kernel abort the next one.
    const outcome: CellOutcome = await kernel.execute(sourceOf(p.cell), timeoutMs, { stopOnError: !p.expectError, retryAborted: afterExpectedError, what: `cell ${p.index + 1}` });
    record(p.cell, outcome.exec);
    const verdict = verdictOf(outcome, p.expectError, "cells", 0);
    const exec = outcome.exec;
    cells.push(cellRun(p.index, verdict, ((exec?.repliedAt ?? Date.now()) - (exec?.sentAt ?? t0)) / 1000));
    afterExpectedError = verdict.status === "expected-error";
    stopped = verdict.status === "error";
  }
  return cells;
}

async function runAll(kernel: Kernel, notebook: Notebook, timeoutMs: number, options: RunOptions): Promise<CellRun[]> {
  const planned = plan(notebook);
  const runnable = planned.filter((p) => !skipped(p));
  const cells = runnable.map((p) => ({ code: sourceOf(p.cell), what: `cell ${p.index + 1} (Run All)` }));
  const outcomes = await kernel.executeAll(cells, timeoutMs, (i) => options.onCell?.(runnable[i].index, planned.length, runnable[i].position));
  const byIndex = new Map<number, CellRun>();
  let stopped = false;
  let previousEnd = outcomes[0]?.exec?.sentAt ?? Date.now();
  for (const [i, p] of runnable.entries()) {
    const outcome = outcomes[i];
    if (stopped || !outcome) {
      byIndex.set(p.index, { index: p.index, status: "not-run", seconds: 0 });
      continue;
    }
    record(p.cell, outcome.exec);
    const end = outcome.exec?.repliedAt ?? Date.now();
    const verdict = verdictOf(outcome, p.expectError, "run-all", runnable.length - i - 1);
    byIndex.set(p.index, cellRun(p.index, verdict, (end - previousEnd) / 1000));
    previousEnd = end;
    stopped = verdict.status === "error";
  }
  return planned.map((p) => byIndex.get(p.index) ?? { index: p.index, status: "skipped", seconds: 0 });
}
