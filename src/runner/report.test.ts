// The slowest cells in the summary, and the trail named in a failure report.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFailure, formatSlowest } from "./report";
import type { CellRun, NotebookRun } from "./run-notebook";

const here = (name: string) => path.join(process.cwd(), name); // reports name files relative to the cwd
const run = (file: string, cells: CellRun[], extra: Partial<NotebookRun> = {}): NotebookRun =>
  ({ path: file, notebook: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, cells, ok: true, seconds: 1, kernelStartSeconds: 0, ...extra });

describe("formatSlowest", () => {
  it("lists the five slowest executed cells across notebooks, slowest first, leaving out cached runs", () => {
    const cells = (...seconds: number[]) => seconds.map((s, i): CellRun => ({ index: i, status: "ok", seconds: s }));
    const text = formatSlowest([
      run(here("a.ipynb"), cells(1, 9, 3)),
      run(here("b.ipynb"), [...cells(4, 2), { index: 2, status: "not-run", seconds: 99 }]),
      run(here("cached.ipynb"), cells(50), { cached: true }),
    ]);
    expect(text.split("\n").map((l) => l.trim())).toEqual([
      "slowest 5 cells:",
      "9.0 s  a.ipynb, cell 2",
      "4.0 s  b.ipynb, cell 1",
      "3.0 s  a.ipynb, cell 3",
      "2.0 s  b.ipynb, cell 2",
      "1.0 s  a.ipynb, cell 1",
    ]);
  });
});

describe("formatFailure", () => {
  it("names the message trail of a failed notebook", () => {
    const failed = run(here("a.ipynb"), [], { ok: false, failure: { cellIndex: -1, sourceExcerpt: "", name: "KernelStartError", message: "wedged", traceback: [], trail: "/tmp/t.log" } });
    expect(formatFailure(failed)).toBe("✗ a.ipynb: KernelStartError: wedged\n  message trail: /tmp/t.log");
  });
});
