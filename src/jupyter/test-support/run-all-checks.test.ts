// The UI test's checks on their own: each problem a learner would see is
// reported, and a notebook that ran cleanly has none.
import { describe, expect, it } from "vitest";
import type { CellReport, NotebookReport } from "./classic-notebook";
import { runAllProblems, type Expectations } from "./run-all-checks";

const code = (position: number, over: Partial<CellReport> = {}): CellReport => ({
  position, type: "code", source: "const lab = await connect();", executionCount: position, replyStatus: "ok",
  stdout: "", stderr: "", errors: [], charts: 0, chartsWithSvg: 0, visibleSvgs: 0, rendered: "", ...over,
});
const markdown = (position: number, rendered: string): CellReport => ({ ...code(position), type: "markdown", replyStatus: undefined, executionCount: null, rendered });

const expected: Expectations = { kernelName: "partition-lab-tslab", kernelDisplayName: "TypeScript (partition-lab)", requestedKernel: "partition-lab-tslab", clusterLine: /^Using the Kafka cluster in KAFKA_BROKERS: 127\.0\.0\.1:1$/ };
const clean = (): NotebookReport => ({
  kernelName: "partition-lab-tslab",
  kernelDisplayName: " TypeScript (partition-lab) ",
  implementation: "tslab",
  cells: [
    markdown(1, "Note: a callout that reads well"),
    code(2, { stdout: "Using the Kafka cluster in KAFKA_BROKERS: 127.0.0.1:1\n" }),
    code(3, { source: "await showChart(spec);", charts: 1, chartsWithSvg: 1, visibleSvgs: 1 }),
  ],
});

describe("what Restart & Run All must leave on the page", () => {
  it("a clean run has no problems", () => {
    expect(runAllProblems(clean(), expected)).toEqual([]);
  });

  it("reports a failed cell with tslab's stderr and the cells Run All never reached", () => {
    const report = clean();
    report.cells[1] = code(2, { replyStatus: "error", stderr: "KafkaJSProtocolError: Topic name is invalid\n    at node_modules/x.js:1\n    at y\n    at z\n", stdout: report.cells[1].stdout });
    report.cells[2] = code(3, { replyStatus: "aborted", executionCount: null, source: "await showChart(spec);" });
    const problems = runAllProblems(report, expected);
    expect(problems[0]).toMatch(/^cell 2 \(const lab = await connect\(\);\): failed; stderr:\n\s+KafkaJSProtocolError: Topic name is invalid/);
    expect(problems).toContain('cell 3 (await showChart(spec);): did not run (reply "aborted": Run All stopped before it)');
    expect(problems).toContain("the notebook draws charts, but none is on the page");
  });

  it("reports literal alerts, hidden or missing charts, error outputs and missing execution counts", () => {
    const report = clean();
    report.cells.push(markdown(4, "[!WARNING] Order holds per partition"), code(5, { charts: 2, chartsWithSvg: 1, visibleSvgs: 0, errors: ["Error: boom"], executionCount: null }));
    expect(runAllProblems(report, expected)).toEqual([
      'cell 4 (const lab = await connect();): shows "[!WARNING]" literally',
      "cell 5 (const lab = await connect();): no execution count",
      "cell 5 (const lab = await connect();): error output Error: boom",
      "cell 5 (const lab = await connect();): 1 chart(s) without an image/svg+xml rendering",
      "cell 5 (const lab = await connect();): 2 chart(s), 0 visible on the page",
    ]);
  });

  it("reports another kernel, a notebook asking for another kernel, and the wrong cluster", () => {
    const report = { ...clean(), kernelName: "tslab", implementation: "ipython" };
    report.cells[1] = code(2, { stdout: "Using the cluster listening on 127.0.0.1:9092 (started with `npx partition-lab cluster`?)\n" });
    expect(runAllProblems(report, { ...expected, requestedKernel: "tslab" })).toEqual([
      'the notebook asks for kernel "tslab", not "partition-lab-tslab"',
      'Jupyter started kernel "tslab", not "partition-lab-tslab"',
      'the kernel is "ipython", not tslab',
      'unexpected cluster: "Using the cluster listening on 127.0.0.1:9092 (started with `npx partition-lab cluster`?)"',
    ]);
    report.cells[1] = code(2);
    expect(runAllProblems(report, expected)).toContain("no cell says which cluster it uses (connect()'s line is missing)");
  });
});
