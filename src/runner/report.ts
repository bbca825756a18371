// What a person sees while notebooks run: progress lines (rewritten in place
// on a terminal, one line per event otherwise, e.g. in CI), the failure
// report and the summary table. Pure formatting plus a tiny writer.
import * as path from "node:path";
import type { NotebookRun } from "./run-notebook";

export type Reporter = {
  notebookStarted(file: string, index: number, total: number): void;
  cellStarted(file: string, cellIndex: number, position: number, codeCells: number): void;
  notebookFinished(run: NotebookRun, index: number, total: number): void;
};

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, "");
}

const name = (file: string) => path.relative(process.cwd(), file) || file;

/** The failure report: notebook, cell (1-based, as Jupyter numbers them), its first lines, the error. */
export function formatFailure(run: NotebookRun, color = false): string {
  const f = run.failure;
  if (!f) return "";
  const clean = (s: string) => (color ? s : stripAnsi(s));
  if (f.cellIndex < 0) return `✗ ${name(run.path)}: ${f.name}: ${clean(f.message)}${f.trail ? `\n  message trail: ${f.trail}` : ""}`;
  const lines = [
    `✗ ${name(run.path)}, cell ${f.cellIndex + 1} (of ${run.notebook.cells.length}, counting markdown cells):`,
    ...f.sourceExcerpt.split("\n").map((l) => `    │ ${l}`),
    `  ${f.name}: ${clean(f.message)}`,
  ];
  const tb = f.traceback.map(clean).join("\n").trim();
  if (tb) lines.push(tb.replace(/^/gm, "  "));
  if (f.trail) lines.push(`  message trail: ${f.trail}`);
  return lines.join("\n");
}

/** The `count` slowest executed cells of these runs, slowest first (cached runs are left out: they did not run). */
export function formatSlowest(runs: NotebookRun[], count = 5): string {
  const cells = runs
    .filter((r) => !r.cached)
    .flatMap((r) => r.cells.filter((c) => c.status !== "skipped" && c.status !== "not-run").map((c) => ({ run: r, cell: c })))
    .sort((a, b) => b.cell.seconds - a.cell.seconds)
    .slice(0, count);
  if (cells.length === 0) return "";
  const rows = cells.map(({ run, cell }) => `  ${cell.seconds.toFixed(1).padStart(6)} s  ${name(run.path)}, cell ${cell.index + 1}`);
  return [`slowest ${cells.length === 1 ? "cell" : `${cells.length} cells`}:`, ...rows].join("\n");
}

/** The summary table: notebook, cells run, seconds, status. */
export function formatSummary(runs: NotebookRun[]): string {
  const rows = runs.map((r) => {
    const ran = r.cells.filter((c) => c.status === "ok" || c.status === "expected-error").length;
    const total = r.cells.length;
    return [name(r.path), `${ran}/${total}`, r.seconds.toFixed(1), r.cached ? "cached" : r.ok ? "ok" : "failed"];
  });
  const header = ["notebook", "cells", "seconds", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const failed = runs.filter((r) => !r.ok).length;
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line), "", `${runs.length - failed} passed, ${failed} failed (${seconds.toFixed(1)} s of kernel time)`].join("\n");
}

/** Progress for a terminal (one status line, rewritten) or a log (plain lines). */
export function consoleReporter(stream: NodeJS.WriteStream = process.stderr, interactive = Boolean(stream.isTTY)): Reporter {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const status = (text: string) => {
    if (interactive) stream.write(`\r\u001b[K${text}`);
  };
  return {
    notebookStarted(file, index, total) {
      if (!interactive) stream.write(`[${index + 1}/${total}] ${name(file)} …\n`);
      else status(`[${index + 1}/${total}] ${name(file)} starting kernel (${elapsed()})`);
    },
    cellStarted(file, cellIndex, position, codeCells) {
      status(`${name(file)}: cell ${cellIndex + 1} (${position}/${codeCells} code cells) ${elapsed()}`);
    },
    notebookFinished(run, index, total) {
      if (interactive) stream.write("\r\u001b[K");
      const mark = run.ok ? "✓" : "✗";
      stream.write(`${mark} [${index + 1}/${total}] ${name(run.path)} ${run.seconds.toFixed(1)}s (kernel start ${run.kernelStartSeconds.toFixed(1)}s)\n`);
      if (!run.ok) stream.write(formatFailure(run, interactive) + "\n");
    },
  };
}

export const silentReporter: Reporter = { notebookStarted() {}, cellStarted() {}, notebookFinished() {} };
