// The runner against the real tslab kernel, with small fixture notebooks.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFailure } from "./report";
import { runNotebooks } from "./run-many";
import type { NotebookRun } from "./run-notebook";

const fixture = (name: string) => path.join(__dirname, "fixtures", name);
let runs: Map<string, NotebookRun>;

beforeAll(async () => {
  // loop.ipynb runs first on its worker, so the notebook after it proves a timeout does not stop the rest.
  const names = ["loop.ipynb", "outputs.ipynb", "fails.ipynb", "missing-error.ipynb", "dies.ipynb", "nested/imports.ipynb", "broken.ipynb"];
  const results = await runNotebooks(names.map(fixture), { jobs: 2, timeout: 30 });
  runs = new Map(results.map((r) => [path.relative(path.join(__dirname, "fixtures"), r.path), r]));
}, 120_000);

const outputsOf = (run: NotebookRun, index: number) => run.notebook.cells[index].outputs;

describe("runNotebook with the tslab kernel", () => {
  it("collects streams, rich display data, values, top-level await and execution counts", () => {
    const run = runs.get("outputs.ipynb")!;
    expect(run.ok).toBe(true);
    expect(outputsOf(run, 1)).toEqual([
      { output_type: "stream", name: "stdout", text: "to stdout\nagain\n" },
      { output_type: "stream", name: "stderr", text: "to stderr\n" },
    ]);
    expect(outputsOf(run, 2)).toEqual([{ output_type: "display_data", data: { "application/vnd.partition-lab.test+json": { partitions: [0, 1, 2] } }, metadata: {} }]);
    expect(outputsOf(run, 3)).toEqual([{ output_type: "stream", name: "stdout", text: "42\n" }]); // tslab prints the last value
    expect(outputsOf(run, 4)).toEqual([{ output_type: "stream", name: "stdout", text: "awaited\n" }]);
    expect(run.notebook.cells.filter((c) => c.cell_type === "code").map((c) => c.execution_count)).toEqual([1, 2, 3, 4, 5, null, 6]);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "expected-error", "skipped", "ok"]);
    expect(run.notebook.nbformat_minor).toBe(5);
  });

  it("reports the failing cell with its number, source and traceback, and runs nothing after it", () => {
    const run = runs.get("fails.ipynb")!;
    expect(run.ok).toBe(false);
    expect(run.failure).toMatchObject({ cellIndex: 2, name: "RangeError", message: "partition 7 does not exist" });
    expect(run.failure!.traceback.join("\n")).toMatch(/explode/);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "error", "not-run"]);
    const report = formatFailure(run);
    expect(report).toContain("fails.ipynb, cell 3");
    expect(report).toContain('throw new RangeError("partition 7 does not exist")');
    expect(report).toContain("RangeError: partition 7 does not exist");
  });

  it("fails a raises-exception cell that does not raise", () => {
    expect(runs.get("missing-error.ipynb")!.failure).toMatchObject({ cellIndex: 0, name: "MissingExpectedError" });
  });

  it("interrupts, then kills, a cell past its timeout, and the next notebook still runs", () => {
    const run = runs.get("loop.ipynb")!;
    expect(run.failure).toMatchObject({ cellIndex: 0, name: "TimeoutError" });
    expect(run.failure!.message).toMatch(/within 2 s/); // metadata.execution.timeout beats the 30 s option
    expect(runs.get("outputs.ipynb")!.ok).toBe(true);
  });

  it("notices a kernel that dies", () => {
    const run = runs.get("dies.ipynb")!;
    expect(run.failure).toMatchObject({ cellIndex: 1, name: "DeadKernelError" });
    expect(run.failure!.message).toMatch(/exit code 1/);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "error", "not-run"]);
  });

  it("reports a notebook that is not valid JSON instead of crashing the run", () => {
    const run = runs.get("broken.ipynb")!;
    expect(run.ok).toBe(false);
    expect(run.failure).toMatchObject({ cellIndex: -1, name: "InvalidNotebook" });
    expect(formatFailure(run)).toMatch(/broken\.ipynb: InvalidNotebook: .*not a readable notebook/);
  });

  it("imports this package by name from a notebook in a subfolder", () => {
    const run = runs.get("nested/imports.ipynb")!;
    expect(run.failure).toBeUndefined();
    expect(outputsOf(run, 0)).toEqual([{ output_type: "stream", name: "stdout", text: "function\n" }]);
  });
});

describe("partition-lab run", () => {
  it("exits non-zero and names the notebook and cell on stderr", async () => {
    const cli = path.resolve(__dirname, "../../dist/cli.js");
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, "run", fixture("fails.ipynb")], { timeout: 60_000 }, (err, _out, stderr) =>
        resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("fails.ipynb, cell 3");
    expect(result.stderr).toMatch(/0 passed, 1 failed/);
  }, 60_000);
});
