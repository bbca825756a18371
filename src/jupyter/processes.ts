// The processes under Jupyter. Jupyter starts each kernel in a session of its
// own (jupyter_client's launcher uses start_new_session), so signalling
// Jupyter's process group does not reach them; we find them by parentage.
import { execFile } from "node:child_process";
import * as fs from "node:fs";

export type ProcessRow = { pid: number; ppid: number };

/** Parses `ps -A -o pid= -o ppid=` output. */
export function parseProcessTable(text: string): ProcessRow[] {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((cols) => cols.length === 2 && cols.every(Number.isInteger))
    .map(([pid, ppid]) => ({ pid, ppid }));
}

/** Every descendant of `root` (children, their children, …), not `root` itself. */
export function descendantsOf(root: number, table: ProcessRow[]): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (child === root || found.includes(child)) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The current process table (empty if `ps` fails: then only Jupyter itself is signalled). */
export function readProcessTable(timeoutMs = 5_000): Promise<ProcessRow[]> {
  return new Promise((resolve) =>
    execFile("ps", ["-A", "-o", "pid=", "-o", "ppid="], { timeout: timeoutMs }, (err, out) => resolve(err ? [] : parseProcessTable(out))),
  );
}

/** Whether a process with this id still runs. A zombie does not: in a container nobody may ever reap it. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // /proc/PID/stat: "pid (comm) S ..." — the state follows the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (macOS): kill(0) is all we know
  }
}

/** Sends `signal` to each pid that still runs; gone ones are skipped. */
export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
