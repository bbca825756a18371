// How long each notebook took to run last time (kernel start excluded), kept
// in a small JSON file so that the next run can start the longest first
// (./schedule.ts). A missing or unreadable file means nothing is known yet.
import * as fs from "node:fs";
import * as path from "node:path";

export type Durations = {
  /** Seconds the notebook took in its last run, if it ran before. */
  get(notebook: string): number | undefined;
  /** Records the runs that passed (a failed run stops early: its time says little) and writes the file. */
  record(runs: { path: string; ok: boolean; seconds: number; kernelStartSeconds: number }[]): void;
};

/** Durations stored in `file`, keyed by notebook path relative to `root`. */
export function durationsFile(file: string, root: string): Durations {
  let known: Record<string, number> = {};
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    if (parsed && typeof parsed === "object") known = parsed;
  } catch {
    // first run, or a damaged file: start from nothing
  }
  const key = (notebook: string) => path.relative(root, path.resolve(notebook)).split(path.sep).join("/");
  return {
    get: (notebook) => (typeof known[key(notebook)] === "number" ? known[key(notebook)] : undefined),
    record(runs) {
      for (const run of runs.filter((r) => r.ok)) known[key(run.path)] = Math.round(Math.max(0, run.seconds - run.kernelStartSeconds) * 10) / 10;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(known, null, 1));
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}
