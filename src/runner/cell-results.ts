// What a cell's outcome means for the notebook: ok, an expected error, or a
// failure with a name a person can act on. Pure: outcomes in, verdicts out.
import type { CellError } from "./execution";
import type { CellOutcome } from "./waits";

/** How cells are sent: one at a time (as nbclient does), or all at once (as Jupyter's Run All does). */
export type RunMode = "cells" | "run-all";

export type Verdict =
  | { status: "ok" }
  | { status: "expected-error"; error: CellError }
  | { status: "error"; error: CellError };

const INFRASTRUCTURE: Record<Exclude<CellOutcome["kind"], "done">, string> = {
  timeout: "TimeoutError",
  dead: "DeadKernelError",
  "no-idle": "IdleTimeoutError",
};

/**
 * The verdict on one cell. `expectError`: the cell is tagged raises-exception.
 * `laterCells`: how many code cells come after it (in Run All, tslab aborts
 * them all once a cell throws, tag or not).
 */
export function verdictOf(outcome: CellOutcome, expectError: boolean, mode: RunMode, laterCells: number): Verdict {
  if (outcome.kind !== "done") {
    return { status: "error", error: { name: INFRASTRUCTURE[outcome.kind], message: outcome.message, traceback: [] } };
  }
  const exec = outcome.exec;
  const status = exec.status;
  if (status === "ok") {
    return expectError
      ? { status: "error", error: { name: "MissingExpectedError", message: "this cell is tagged raises-exception but ran without an error", traceback: [] } }
      : { status: "ok" };
  }
  if (status !== "error") {
    return { status: "error", error: { name: "CellAborted", message: `the kernel answered "${status}" instead of running the cell (tslab aborts requests queued behind an error)`, traceback: [] } };
  }
  const error = exec.error();
  if (!expectError) return { status: "error", error };
  if (mode === "run-all" && laterCells > 0) {
    return {
      status: "error",
      error: {
        name: "RunAllStopped",
        message:
          `this cell is tagged raises-exception and threw as expected (${error.name}: ${error.message}), but in Jupyter's Run All ` +
          `the tslab kernel then aborts every cell queued after it, so ${laterCells} later code cell(s) would not run. ` +
          "Catch the error in the cell and print it instead of letting it escape.",
        traceback: error.traceback,
      },
    };
  }
  return { status: "expected-error", error };
}
