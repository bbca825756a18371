// Runs one notebook top to bottom in a fresh tslab kernel and returns the
// executed notebook with a per-cell account. Cells tagged `skip-execution`
// are skipped; a cell tagged `raises-exception` must fail (and it is a
// failure if it does not). The first failing cell stops the run.
import * as path from "node:path";
import { Kernel, type ExecuteResult } from "./kernel";
import { hasTag, readNotebook, sourceOf, type Notebook } from "./notebook";

export type CellRun = {
  /** 0-based index among all cells of the notebook. */
  index: number;
  status: "ok" | "error" | "skipped" | "expected-error" | "not-run";
  seconds: number;
  error?: { name: string; message: string; traceback: string[] };
};

export type Failure = {
  /** 0-based index of the failing cell; the learner sees it as cell index + 1. */
  cellIndex: number;
  sourceExcerpt: string;
  name: string;
  message: string;
  traceback: string[];
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
  /** Called as each cell starts. */
  onCell?: (cellIndex: number, codeCells: number, position: number) => void;
};

/** tslab resets its execution queue for 200 ms after a failed cell (jupyter.js, issue yunabe/tslab#19). */
const TSLAB_ABORT_WINDOW_MS = 250;

function excerpt(source: string): string {
  const lines = source.split("\n");
  return lines.slice(0, 5).join("\n") + (lines.length > 5 ? "\n…" : "");
}

export async function runNotebook(file: string, options: RunOptions = {}): Promise<NotebookRun> {
  const started = Date.now();
  let notebook: Notebook;
  try {
    notebook = readNotebook(file);
  } catch (err) {
    const empty: Notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] };
    return { path: file, notebook: empty, cells: [], ok: false, seconds: 0, kernelStartSeconds: 0, failure: { cellIndex: -1, sourceExcerpt: "", name: "InvalidNotebook", message: (err as Error).message, traceback: [] } };
  }
  const timeoutMs = 1000 * (Number(notebook.metadata.execution?.timeout) || options.timeout || 60);
  const codeCells = notebook.cells.filter((c) => c.cell_type === "code").length;
  const cells: CellRun[] = [];
  let failure: Failure | undefined;
  const kernelStarted = Date.now();
  let kernel: Kernel;
  try {
    kernel = await Kernel.start({ cwd: options.cwd ?? path.dirname(path.resolve(file)), env: options.env });
  } catch (err) {
    const message = (err as Error).message;
    return { path: file, notebook, cells, ok: false, seconds: (Date.now() - started) / 1000, kernelStartSeconds: 0, failure: { cellIndex: -1, sourceExcerpt: "", name: "KernelStartError", message, traceback: [] } };
  }
  const kernelStartSeconds = (Date.now() - kernelStarted) / 1000;
  let position = 0;
  try {
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      position++;
      if (failure) {
        cells.push({ index, status: "not-run", seconds: 0 });
        continue;
      }
      if (hasTag(cell, "skip-execution")) {
        cells.push({ index, status: "skipped", seconds: 0 });
        continue;
      }
      options.onCell?.(index, codeCells, position);
      const t0 = Date.now();
      const expectError = hasTag(cell, "raises-exception");
      // As nbclient does: a cell allowed to fail must not make the kernel abort the next one.
      const result: ExecuteResult = await kernel.execute(sourceOf(cell), timeoutMs, !expectError);
      const seconds = (Date.now() - t0) / 1000;
      cell.outputs = result.outputs;
      cell.execution_count = result.executionCount;
      if (result.status === "ok" && !expectError) {
        cells.push({ index, status: "ok", seconds });
      } else if (result.status === "error" && expectError) {
        cells.push({ index, status: "expected-error", seconds, error: result.error });
        // tslab answers "abort" to every request that arrives within 200 ms of an error.
        await new Promise((r) => setTimeout(r, TSLAB_ABORT_WINDOW_MS));
      } else {
        const error = result.status === "ok"
          ? { name: "MissingExpectedError", message: "this cell is tagged raises-exception but ran without an error", traceback: [] }
          : result.error!;
        cells.push({ index, status: "error", seconds, error });
        failure = { cellIndex: index, sourceExcerpt: excerpt(sourceOf(cell)), ...error };
      }
    }
  } finally {
    await kernel.shutdown();
  }
  return { path: file, notebook, cells, ok: !failure, seconds: (Date.now() - started) / 1000, kernelStartSeconds, failure };
}
