// The runner against the real tslab kernel (through our launcher), with
// small fixture notebooks, one cell at a time and as Jupyter's Run All.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatFailure, silentReporter } from "./report";
import { runNotebooks } from "./run-many";
import type { NotebookRun } from "./run-notebook";

const fixture = (name: string) => path.join(__dirname, "fixtures", name);
const byName = (results: NotebookRun[]) => new Map(results.map((r) => [path.relative(path.join(__dirname, "fixtures"), r.path), r]));
let runs: Map<string, NotebookRun>;
let runAll: Map<string, NotebookRun>;
const names = ["outputs.ipynb", "fails.ipynb", "missing-error.ipynb", "dies.ipynb", "nested/imports.ipynb", "broken.ipynb", "many-lines.ipynb"];
const started: string[] = [];
let resultOrder: string[] = [];

beforeAll(async () => {
  // Each notebook "took" as many seconds as its place in `names`: the last starts first.
  const expectedSeconds = (p: string) => names.indexOf(path.relative(path.join(__dirname, "fixtures"), p)) + 1;
  const reporter = { ...silentReporter, notebookStarted: (file: string, position: number) => void started.push(`${position + 1}. ${path.basename(file)}`) };
  const results = await runNotebooks(names.map(fixture), { jobs: 2, timeout: 30, expectedSeconds, reporter });
  resultOrder = results.map((r) => path.basename(r.path));
  runs = byName(results);
  runAll = byName(await runNotebooks(["outputs.ipynb", "fails.ipynb", "parity.ipynb"].map(fixture), { jobs: 2, timeout: 30, mode: "run-all" }));
}, 240_000);

const outputsOf = (run: NotebookRun, index: number) => run.notebook.cells[index].outputs;

describe("runNotebooks", () => {
  it("starts the notebooks that took longest before first, numbered as they start, and returns results in input order", () => {
    expect(started).toEqual([...names].reverse().map((n, i) => `${i + 1}. ${path.basename(n)}`));
    expect(resultOrder).toEqual(names.map((n) => path.basename(n)));
  });
});

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
    // The cell after the expected error ran: the runner waited for tslab's abort window to pass.
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "expected-error", "skipped", "ok"]);
    expect(outputsOf(run, 7)).toEqual([{ output_type: "stream", name: "stdout", text: "after the expected error\n" }]);
    expect(run.notebook.nbformat_minor).toBe(5);
  });

  it("records nbclient's timestamps in each executed cell's metadata.execution, and each cell's seconds", () => {
    const run = runs.get("outputs.ipynb")!;
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
    for (const index of [1, 2, 3, 4, 5, 7]) {
      const timing = run.notebook.cells[index].metadata.execution as Record<string, string>;
      expect(Object.keys(timing).sort(), `cell ${index}`).toEqual(["iopub.status.busy", "iopub.status.idle", "shell.execute_reply"]);
      for (const value of Object.values(timing)) expect(value).toMatch(iso);
      expect(Date.parse(timing["iopub.status.idle"]) >= Date.parse(timing["iopub.status.busy"])).toBe(true);
    }
    expect(run.notebook.cells[6].metadata.execution).toBeUndefined(); // skipped
    const awaited = run.cells.find((c) => c.index === 4)!;
    expect(awaited.seconds).toBeGreaterThanOrEqual(0.05); // the cell awaits a 50 ms timer
  });

  it("gets every line of a cell that prints 3,000 lines at once (past zeromq's 512 synchronous sends and its high-water mark), and runs the next cell", () => {
    const run = runs.get("many-lines.ipynb")!;
    expect(run.failure).toBeUndefined();
    const text = (outputsOf(run, 0)![0] as { text: string }).text;
    expect(text.split("\n").filter(Boolean)).toHaveLength(3000);
    expect(text).toMatch(/^line 0\n[\s\S]*line 2999\n$/);
    expect(outputsOf(run, 1)).toEqual([{ output_type: "stream", name: "stdout", text: "next cell\n" }]);
  });

  it("reports the failing cell with its number, source, traceback and message trail, and runs nothing after it", () => {
    const run = runs.get("fails.ipynb")!;
    expect(run.ok).toBe(false);
    expect(run.failure).toMatchObject({ cellIndex: 2, name: "RangeError", message: "partition 7 does not exist" });
    expect(run.failure!.traceback.join("\n")).toMatch(/explode/);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "error", "not-run"]);
    const report = formatFailure(run);
    expect(report).toContain("fails.ipynb, cell 3");
    expect(report).toContain('throw new RangeError("partition 7 does not exist")');
    expect(report).toContain("RangeError: partition 7 does not exist");
    expect(report).toMatch(/message trail: .*fails\.ipynb\.log/);
  });

  it("fails a raises-exception cell that does not raise", () => {
    expect(runs.get("missing-error.ipynb")!.failure).toMatchObject({ cellIndex: 0, name: "MissingExpectedError" });
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

  it("interrupts, then kills, a cell past its timeout, and runs the notebook queued after it", async () => {
    const events: string[] = [];
    const reporter = {
      notebookStarted: (file: string) => events.push(`start ${path.basename(file)}`),
      cellStarted() {},
      notebookFinished: (run: NotebookRun) => events.push(`end ${path.basename(run.path)}`),
    };
    const [loop, after] = await runNotebooks([fixture("loop.ipynb"), fixture("nested/imports.ipynb")], { jobs: 1, timeout: 30, reporter });
    expect(events).toEqual(["start loop.ipynb", "end loop.ipynb", "start imports.ipynb", "end imports.ipynb"]);
    expect(loop.failure).toMatchObject({ cellIndex: 0, name: "TimeoutError" });
    // metadata.execution.timeout beats the 30 s option. A busy loop cannot be
    // interrupted; on a loaded machine the interrupt may come while tslab still compiles the cell.
    expect(loop.failure!.message).toMatch(/^cell 1 did not finish within 2 s \(the kernel process is .*\); (it did not answer the interrupt within 5 s, so the kernel was killed|the kernel was interrupted)$/);
    expect(after.ok).toBe(true);
  }, 90_000);
});

describe("Run-All mode (every cell sent at once, as Jupyter's Run All)", () => {
  it("fails a notebook whose raises-exception cell would stop Run All, and says why", () => {
    const run = runAll.get("outputs.ipynb")!;
    expect(run.ok).toBe(false);
    expect(run.failure).toMatchObject({ cellIndex: 5, name: "RunAllStopped" });
    expect(run.failure!.message).toMatch(/threw as expected \(Error: expected to fail\), but in Jupyter's Run All the tslab kernel then aborts every cell queued after it, so 1 later code cell\(s\) would not run/);
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "error", "skipped", "not-run"]);
    expect(outputsOf(run, 7)).toEqual([]);
  });

  it("reports an ordinary failing cell as the cell-by-cell mode does", () => {
    const run = runAll.get("fails.ipynb")!;
    expect(run.failure).toMatchObject({ cellIndex: 2, name: "RangeError", message: "partition 7 does not exist" });
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "error", "not-run"]);
  });

  it("runs a clean notebook to the end with the same outputs and counts as cell by cell", () => {
    const run = runAll.get("parity.ipynb")!;
    expect(run.failure).toBeUndefined();
    const code = run.notebook.cells.filter((c) => c.cell_type === "code");
    expect(code.map((c) => c.execution_count)).toEqual([1, 2, 3, 4]);
    expect(code[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: "one\ntwo\n" }, { output_type: "stream", name: "stderr", text: "three\n" }]);
    expect(code[3].outputs).toEqual([{ output_type: "stream", name: "stdout", text: "done\n" }]);
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
