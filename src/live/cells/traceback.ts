// An error thrown by a cell, as the reader sees it: its name and message,
// then the cell lines it passed through (from the stack frames that name the
// cell's sourceURL), each with the line of code. No bundle paths, no noise.
import { cellUrl } from "./session";
import { CellSyntaxError } from "./transform";

export type CellError = { ename: string; evalue: string; traceback: string[] };

/** Describes what a cell threw (anything may be thrown, not only Errors). */
export function describeError(error: unknown, source: string, id: string): CellError {
  const lines = source.split("\n");
  const quote = (line: number) => `${String(line).padStart(4)} | ${lines[line - 1] ?? ""}`;
  if (error instanceof CellSyntaxError) {
    return { ename: "SyntaxError", evalue: error.message, traceback: [`SyntaxError: ${error.message} (line ${error.line})`, quote(error.line), `${" ".repeat(7 + error.column)}^`] };
  }
  if (!(error instanceof Error)) return { ename: "Error", evalue: String(error), traceback: [`Uncaught ${String(error)}`] };
  const ename = error.name || "Error";
  const head = `${ename}: ${error.message}`;
  const url = cellUrl(id);
  const frames = (error.stack ?? "").split("\n").flatMap((frame) => {
    const at = frame.indexOf(url + ":");
    if (at < 0) return [];
    const line = Number(frame.slice(at + url.length + 1).split(":")[0]);
    return Number.isInteger(line) && line >= 1 ? [line] : [];
  });
  const unique = frames.filter((line, i) => frames.indexOf(line) === i);
  return { ename, evalue: error.message, traceback: [head, ...unique.map((line) => `  at line ${line} of this cell\n${quote(line)}`)] };
}
