// The verdict on a cell's outcome, in both modes.
import { describe, expect, it } from "vitest";
import { verdictOf } from "./cell-results";
import { Execution } from "./execution";
import { newMessage } from "./wire";
import type { CellOutcome } from "./waits";

function answered(status: string, stderr = ""): CellOutcome {
  const exec = new Execution("s", "code", true);
  const parent = exec.msg.header;
  if (stderr) exec.handle(newMessage("k", "stream", { name: "stderr", text: stderr }, parent), "iopub");
  exec.handle(newMessage("k", "execute_reply", { status, execution_count: 3 }, parent), "shell");
  exec.handle(newMessage("k", "status", { execution_state: "idle" }, parent), "iopub");
  return { kind: "done", exec };
}

describe("verdictOf", () => {
  it("passes an ok cell and fails an ok cell that was expected to raise", () => {
    expect(verdictOf(answered("ok"), false, "cells", 2)).toEqual({ status: "ok" });
    expect(verdictOf(answered("ok"), true, "cells", 2)).toMatchObject({ status: "error", error: { name: "MissingExpectedError" } });
  });

  it("takes the error from tslab's stderr, which leaves ename empty", () => {
    const verdict = verdictOf(answered("error", "evalmachine:1\nRangeError: partition 7 does not exist\n    at explode\n"), false, "cells", 0);
    expect(verdict).toMatchObject({ status: "error", error: { name: "RangeError", message: "partition 7 does not exist" } });
  });

  it("accepts an expected error cell by cell, and in Run All only when no cell comes after it", () => {
    const error = () => answered("error", "Error: refused\n");
    expect(verdictOf(error(), true, "cells", 3).status).toBe("expected-error");
    expect(verdictOf(error(), true, "run-all", 0).status).toBe("expected-error");
    const stopped = verdictOf(error(), true, "run-all", 3);
    expect(stopped).toMatchObject({ status: "error", error: { name: "RunAllStopped" } });
    expect(stopped.status === "error" && stopped.error.message).toMatch(/\(Error: refused\).*so 3 later code cell\(s\) would not run\. Catch the error in the cell and print it/);
  });

  it("names an aborted request and each way a kernel can fail to answer", () => {
    expect(verdictOf(answered("abort"), false, "cells", 0)).toMatchObject({ status: "error", error: { name: "CellAborted" } });
    for (const [kind, name] of [["timeout", "TimeoutError"], ["dead", "DeadKernelError"], ["no-idle", "IdleTimeoutError"]] as const) {
      expect(verdictOf({ kind, exec: undefined, message: "what was awaited" }, false, "cells", 0)).toEqual({ status: "error", error: { name, message: "what was awaited", traceback: [] } });
    }
  });
});
