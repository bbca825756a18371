// What a learner must see after Kernel > Restart & Run All, as a list of
// problems (empty: the notebook is fine). Pure: it reads a NotebookReport.
import type { CellReport, NotebookReport } from "./classic-notebook";

export type Expectations = {
  /** The kernelspec name the notebook file asks for and the kernel Jupyter started. */
  kernelName: string;
  kernelDisplayName: string;
  /** metadata.kernelspec.name in the notebook file. */
  requestedKernel: string | undefined;
  /** Each line connect() prints about its cluster must match this. */
  clusterLine: RegExp;
};

// The first line connect() prints, whichever cluster it found (src/lab/connect.ts).
const CONNECT_LINE = /^(Using the Kafka cluster in KAFKA_BROKERS: .*|Using the cluster listening on .*|.*: started an embedded \d+-broker cluster in this kernel at .*)$/gm;
// GitHub-style alerts, which classic Notebook shows as literal text.
const LITERAL_ALERT = /\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/;

const firstLine = (source: string) => source.split("\n").find((l) => l.trim())?.trim().slice(0, 60) ?? "";
// tslab prints the error's name and message first, then its stack and fields.
const firstLines = (text: string, n = 3) => text.trim().split("\n").slice(0, n).join("\n      ");

function cellProblems(cell: CellReport): string[] {
  const where = `cell ${cell.position} (${firstLine(cell.source)})`;
  if (cell.type === "markdown") {
    const alert = LITERAL_ALERT.exec(cell.rendered);
    return alert ? [`${where}: shows "${alert[0]}" literally`] : [];
  }
  if (cell.type !== "code") return [];
  const problems: string[] = [];
  if (cell.replyStatus === undefined) problems.push(`${where}: no reply from the kernel`);
  else if (cell.replyStatus !== "ok") {
    const why = cell.stderr.trim() ? `; stderr:\n      ${firstLines(cell.stderr)}` : "";
    problems.push(`${where}: ${cell.replyStatus === "error" ? "failed" : `did not run (reply "${cell.replyStatus}": Run All stopped before it)`}${why}`);
  }
  if (cell.replyStatus === "ok" && typeof cell.executionCount !== "number") problems.push(`${where}: no execution count`);
  for (const error of cell.errors) problems.push(`${where}: error output ${error}`);
  if (cell.chartsWithSvg < cell.charts) problems.push(`${where}: ${cell.charts - cell.chartsWithSvg} chart(s) without an image/svg+xml rendering`);
  if (cell.visibleSvgs < cell.charts) problems.push(`${where}: ${cell.charts} chart(s), ${cell.visibleSvgs} visible on the page`);
  return problems;
}

/** Every way the notebook falls short of what a learner should see. */
export function runAllProblems(report: NotebookReport, expected: Expectations): string[] {
  const problems: string[] = [];
  if (expected.requestedKernel !== expected.kernelName) problems.push(`the notebook asks for kernel "${expected.requestedKernel}", not "${expected.kernelName}"`);
  if (report.kernelName !== expected.kernelName) problems.push(`Jupyter started kernel "${report.kernelName}", not "${expected.kernelName}"`);
  if (report.kernelDisplayName.trim() !== expected.kernelDisplayName) problems.push(`the kernel indicator shows "${report.kernelDisplayName.trim()}"`);
  if (report.implementation !== "tslab") problems.push(`the kernel is "${report.implementation}", not tslab`);
  const code = report.cells.filter((c) => c.type === "code");
  if (code.length === 0) problems.push("no code cells");
  problems.push(...report.cells.flatMap(cellProblems));
  const connectLines = code.flatMap((c) => c.stdout.match(CONNECT_LINE) ?? []);
  if (connectLines.length === 0) problems.push("no cell says which cluster it uses (connect()'s line is missing)");
  for (const line of connectLines) if (!expected.clusterLine.test(line)) problems.push(`unexpected cluster: "${line}"`);
  if (code.some((c) => /showChart\(/.test(c.source)) && code.every((c) => c.charts === 0)) problems.push("the notebook draws charts, but none is on the page");
  return problems;
}
