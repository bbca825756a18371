// The build end to end on fixture notebooks: a failing cell fails the build
// with the notebook and cell named; a good notebook is published and then
// served from the execution cache.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFailure, silentReporter } from "../runner";
import { liveKernelPids } from "../runner/kernel-process";
import { build } from "./build";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-build-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SITE_FIXTURES = path.resolve(__dirname, "../site/fixtures");

/** A folder holding one notebook with these code cells (a cell is [source, tags]). */
function notebookDir(name: string, cells: [string, string[]?][]): string {
  const dir = path.join(tmp, name.replace(/\.ipynb$/, ""));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, name), JSON.stringify({
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab" }, "partition-lab": { title: name, minutes: 1, summary: "test" } },
    cells: cells.map(([source, tags], i) => ({ id: `c${i}`, cell_type: "code", metadata: tags ? { tags } : {}, source, outputs: [], execution_count: null })),
  }));
  return dir;
}

describe("partition-lab build", () => {
  it("fails naming the notebook and cell when a cell fails, and publishes nothing", async () => {
    const lines: string[] = [];
    const outDir = path.join(tmp, "out-failing");
    const reports: string[] = [];
    const reporter = { ...silentReporter, notebookFinished: (run: Parameters<typeof formatFailure>[0]) => void reports.push(formatFailure(run)) };
    const result = await build({ root: tmp, notebooksDir: path.join(SITE_FIXTURES, "failing"), outDir, jobs: 1, log: (l) => lines.push(l), reporter });
    expect(reports.join("\n")).toMatch(/01-fails\.ipynb, cell 3[\s\S]*partition 3 is on fire/);
    expect(result.ok).toBe(false);
    expect(result.failed.map((f) => path.basename(f))).toEqual(["01-fails.ipynb"]);
    expect(lines.join("\n")).toMatch(/build failed: .*01-fails\.ipynb/);
    expect(fs.existsSync(path.join(outDir, "index.html"))).toBe(false);
  }, 90_000);

  it("stops at once with a clear message when KAFKA_BROKERS does not answer", async () => {
    const saved = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = "127.0.0.1:1";
    try {
      await expect(build({ root: tmp, notebooksDir: path.join(SITE_FIXTURES, "failing"), outDir: path.join(tmp, "out-unreachable"), log: () => {}, reporter: silentReporter }))
        .rejects.toThrow(/KAFKA_BROKERS=127\.0\.0\.1:1: no broker answers/);
    } finally {
      if (saved === undefined) delete process.env.KAFKA_BROKERS;
      else process.env.KAFKA_BROKERS = saved;
    }
  });

  it("publishes a passing notebook, then reuses the cached run", async () => {
    const notebooks = path.join(tmp, "notebooks");
    fs.mkdirSync(notebooks);
    fs.writeFileSync(path.join(notebooks, "01-hello.ipynb"), JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab" }, "partition-lab": { title: "Hello", minutes: 1, summary: "hi" } },
      cells: [{ id: "a", cell_type: "code", metadata: {}, source: 'console.log("KAFKA_BROKERS is " + (process.env.KAFKA_BROKERS ? "set" : "unset"));', outputs: [], execution_count: null }],
    }));
    const outDir = path.join(tmp, "out");
    const quiet = { log: () => {}, reporter: silentReporter };
    const first = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, ...quiet });
    expect(first).toMatchObject({ ok: true, executed: 1, cached: 0 });
    expect(fs.readFileSync(path.join(outDir, "01-hello.html"), "utf8")).toContain("KAFKA_BROKERS is set");
    const second = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, ...quiet });
    expect(second).toMatchObject({ ok: true, executed: 0, cached: 1 });
    const forced = await build({ root: tmp, notebooksDir: notebooks, outDir, jobs: 1, force: true, ...quiet });
    expect(forced).toMatchObject({ ok: true, executed: 1, cached: 0 });
  }, 90_000);

  it("fails a notebook whose raises-exception cell would stop Jupyter's Run All, which passes cell by cell", async () => {
    const notebooks = notebookDir("01-refusal.ipynb", [['throw new Error("refused")', ["raises-exception"]], ['console.log("clean-up")']]);
    const reports: string[] = [];
    const reporter = { ...silentReporter, notebookFinished: (run: Parameters<typeof formatFailure>[0]) => void reports.push(formatFailure(run)) };
    const quiet = { root: tmp, notebooksDir: notebooks, log: () => {} };
    const runAll = await build({ ...quiet, outDir: path.join(tmp, "out-run-all"), jobs: 1, reporter });
    expect(runAll.ok).toBe(false);
    expect(reports.join("\n")).toMatch(/01-refusal\.ipynb, cell 1[\s\S]*RunAllStopped: this cell is tagged raises-exception and threw as expected \(Error: refused\)/);
    const cellByCell = await build({ ...quiet, outDir: path.join(tmp, "out-cells"), jobs: 1, mode: "cells", reporter: silentReporter });
    expect(cellByCell.ok).toBe(true);
  }, 120_000);

  it("fails a build past its deadline, naming what it was waiting for, and leaves no kernel behind", async () => {
    const notebooks = notebookDir("01-sleeps.ipynb", [["await new Promise((r) => setTimeout(r, 120_000));"]]);
    const lines: string[] = [];
    const t0 = Date.now();
    const result = await build({ root: tmp, notebooksDir: notebooks, outDir: path.join(tmp, "out-deadline"), jobs: 1, deadline: 8, log: (l) => lines.push(l), reporter: silentReporter });
    expect(result.ok).toBe(false);
    expect((Date.now() - t0) / 1000).toBeLessThan(8 + 10);
    // On a busy machine the kernel may still be starting when the deadline passes.
    expect(lines.join("\n")).toMatch(/build failed: it did not finish within 8 s\. Still waiting for:\n  - .*01-sleeps\.ipynb: (cell 1 \(Run All\): waiting for its execute_reply|starting its kernel)/);
    expect(liveKernelPids()).toEqual([]);
  }, 60_000);
});

