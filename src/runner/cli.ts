// `partition-lab run NOTEBOOK...`: run notebooks headless, report, exit non-zero on failure.
import * as fs from "node:fs";
import * as path from "node:path";
import { intFlag, parseFlags } from "../cli-args";
import { CliError } from "../cli-error";
import { writeNotebook } from "./notebook";
import { consoleReporter, formatSummary } from "./report";
import { defaultJobs, runNotebooks } from "./run-many";

const USAGE = `usage: partition-lab run NOTEBOOK... [--timeout 60] [--jobs N] [--run-all] [--out DIR | --inplace]

Runs each notebook top to bottom in a fresh tslab kernel (cwd = the notebook's
folder), in parallel up to --jobs (default: ${defaultJobs()}, one more than the cores). --timeout is
seconds per cell (a notebook's metadata.execution.timeout wins). --run-all sends
every cell at once, as Jupyter's Run All does: a cell that throws then stops the
notebook even if it is tagged raises-exception. The executed notebooks are
written to --out DIR, or over the originals with --inplace.
PARTITION_LAB_DEBUG=1 writes every message to and from each kernel to a file.`;

export async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    timeout: { type: "string" },
    jobs: { type: "string" },
    out: { type: "string" },
    inplace: { type: "boolean" },
    "run-all": { type: "boolean" },
  }, USAGE, true);
  if (!flags) return 0;
  const { values, positionals } = flags;
  if (positionals.length === 0) throw new CliError(`no notebook given\n\n${USAGE}`);
  for (const p of positionals) if (!fs.existsSync(p)) throw new CliError(`${p}: no such notebook`);
  if (values.out && values.inplace) throw new CliError("--out and --inplace exclude each other");
  const runs = await runNotebooks(positionals, {
    timeout: intFlag(values.timeout as string | undefined, "timeout", 60, 1, 86_400),
    jobs: intFlag(values.jobs as string | undefined, "jobs", defaultJobs(), 1, 64),
    mode: values["run-all"] ? "run-all" : "cells",
    reporter: consoleReporter(),
  });
  for (const run of runs) {
    if (values.inplace) writeNotebook(run.path, run.notebook);
    else if (values.out) {
      fs.mkdirSync(values.out as string, { recursive: true });
      writeNotebook(path.join(values.out as string, path.basename(run.path)), run.notebook);
    }
  }
  console.error(`\n${formatSummary(runs)}`);
  return runs.every((r) => r.ok) ? 0 : 1;
}
