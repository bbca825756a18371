// `partition-lab build`: see ./build.ts.
import * as path from "node:path";
import { intFlag, parseFlags } from "../cli-args";
import { describeActivity } from "../runner";
import { defaultJobs } from "../runner/run-many";
import { build, DEFAULT_BUILD_DEADLINE_SECONDS } from "./build";

const USAGE = `usage: partition-lab build [--keep-going] [--force] [--jobs N] [--timeout SECONDS] [--cell-by-cell] [--deadline SECONDS] [--out DIR]

Runs every notebooks/*.ipynb headless (against an embedded cluster, or the
cluster in KAFKA_BROKERS), stops at the first failing notebook, and publishes
the site to site/dist/. Unchanged notebooks are not run again (--force runs
all); --keep-going runs every notebook and lists all failures.
Each notebook runs as Jupyter's Run All runs it (all cells sent at once), so a
cell that throws fails the build even if it is tagged raises-exception;
--cell-by-cell sends one cell at a time instead, as nbclient does.
--timeout is seconds per cell (default 120); --deadline, seconds for the
whole build (default ${DEFAULT_BUILD_DEADLINE_SECONDS}). PARTITION_LAB_DEBUG=1 writes each kernel's messages to a file.`;

/** After the build, nothing may keep the process alive longer than this (a leftover handle is reported). */
const EXIT_DEADLINE_MS = 10_000;

export async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    "keep-going": { type: "boolean" },
    force: { type: "boolean" },
    jobs: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
    "cell-by-cell": { type: "boolean" },
    deadline: { type: "string" },
  }, USAGE);
  if (!flags) return 0;
  const { values } = flags;
  const result = await build({
    root: path.resolve(__dirname, "../.."),
    outDir: values.out ? path.resolve(values.out as string) : undefined,
    keepGoing: Boolean(values["keep-going"]),
    force: Boolean(values.force),
    jobs: intFlag(values.jobs as string | undefined, "jobs", defaultJobs(), 1, 64),
    timeout: intFlag(values.timeout as string | undefined, "timeout", 120, 1, 86_400),
    mode: values["cell-by-cell"] ? "cells" : "run-all",
    deadline: intFlag(values.deadline as string | undefined, "deadline", DEFAULT_BUILD_DEADLINE_SECONDS, 1, 86_400),
  });
  const code = result.ok ? 0 : 1;
  setTimeout(() => {
    console.error(`partition-lab build: the process was still held open ${EXIT_DEADLINE_MS / 1000} s after the build ended (still running: ${describeActivity().join("; ") || "nothing the runner knows of"}); exiting.`);
    process.exit(code);
  }, EXIT_DEADLINE_MS).unref();
  return code;
}
