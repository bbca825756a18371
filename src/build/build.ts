// `partition-lab build`: run every notebook headless (against the embedded
// cluster, or KAFKA_BROKERS), stop at the first failure with notebook, cell
// and traceback, then publish the static site. Unchanged notebooks come from
// the execution cache. Notebooks run as Jupyter's Run All runs them (every
// cell sent at once), so a notebook that would stop Run All fails the build.
// Every wait has a deadline, the build as a whole too; a watchdog thread ends
// a build whose main thread stops running (./watchdog.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { consoleReporter, describeActivity, durationsFile, formatSlowest, formatSummary, killAllKernels, runNotebooks, type NotebookRun, type Reporter, type RunMode } from "../runner";
import { directoryEffects, publishSite } from "../site/publish";
import { ExecutionCache, environmentHash, notebookKey, notebookSecondsFile } from "./cache";
import { clusterFor } from "./cluster-target";
import { startWatchdog } from "./watchdog";

export type BuildOptions = {
  root: string;
  notebooksDir?: string;
  outDir?: string;
  keepGoing?: boolean;
  force?: boolean;
  jobs?: number;
  timeout?: number;
  /** "run-all" (default): every cell at once, as Jupyter's Run All; "cells": one at a time, as nbclient. */
  mode?: RunMode;
  /** Seconds the whole build may take (default 1200). */
  deadline?: number;
  log?: (line: string) => void;
  /** Progress and failure reports while notebooks run (default: the console). */
  reporter?: Reporter;
};

export type BuildResult = { ok: boolean; executed: number; cached: number; failed: string[]; pages: number; bytes: number; seconds: number };

export const DEFAULT_BUILD_DEADLINE_SECONDS = 1200;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const watchdog = startWatchdog();
  const log = options.log ?? ((line: string) => console.error(line));
  const deadlineMs = 1000 * (options.deadline ?? DEFAULT_BUILD_DEADLINE_SECONDS);
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"expired">((resolve) => (timer = setTimeout(() => resolve("expired"), deadlineMs)));
  const state = { expired: false };
  const work = buildSteps(options, log, started, state);
  try {
    const first = await Promise.race([work, expired]);
    if (first !== "expired") return first;
    state.expired = true;
    log(`\nbuild failed: it did not finish within ${deadlineMs / 1000} s. Still waiting for:\n${describeActivity().map((a) => `  - ${a}`).join("\n") || "  (nothing the runner knows of)"}`);
    killAllKernels();
    return { ok: false, executed: 0, cached: 0, failed: ["(build deadline)"], pages: 0, bytes: 0, seconds: (Date.now() - started) / 1000 };
  } finally {
    clearTimeout(timer);
    await watchdog.stop();
  }
}

async function buildSteps(options: BuildOptions, log: (line: string) => void, started: number, state: { expired: boolean }): Promise<BuildResult> {
  const notebooksDir = options.notebooksDir ?? path.join(options.root, "notebooks");
  const outDir = options.outDir ?? path.join(options.root, "site", "dist");
  const files = fs.existsSync(notebooksDir)
    ? fs.readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(notebooksDir, f))
    : [];
  const cache = new ExecutionCache(path.join(options.root, ".cache", "executed"));
  const environment = environmentHash(options.root, ["src/lab", "src/cluster", "src/runner"]);
  const mode = options.mode ?? "run-all";
  const keys = new Map(files.map((f) => [f, notebookKey(mode + fs.readFileSync(f, "utf8"), environment)]));
  const executed = new Map<string, object>();
  const toRun: string[] = [];
  for (const f of files) {
    const hit = options.force ? undefined : cache.get(f, keys.get(f)!);
    if (hit) executed.set(f, hit);
    else toRun.push(f);
  }
  log(`partition-lab build: ${files.length} notebook(s), ${toRun.length} to run, ${files.length - toRun.length} unchanged (cached)`);

  const failed: string[] = [];
  if (toRun.length > 0) {
    const runs = await runAgainstCluster(toRun, options, mode, log);
    for (const run of runs) {
      if (run.ok) {
        executed.set(run.path, run.notebook);
        cache.put(run.path, keys.get(run.path)!, run.notebook);
      } else failed.push(run.path);
    }
  }
  if (failed.length > 0 || state.expired) {
    if (state.expired) return { ok: false, executed: toRun.length, cached: files.length - toRun.length, failed, pages: 0, bytes: 0, seconds: (Date.now() - started) / 1000 };
    const skipped = toRun.length - executed.size + (files.length - toRun.length) - failed.length;
    log(`\nbuild failed: ${failed.map((f) => path.relative(options.root, f)).join(", ")} (see the report above)${skipped > 0 && !options.keepGoing ? `; ${skipped} notebook(s) not run — use --keep-going to run them all` : ""}`);
    log("The site was not published. Fix the cell, then run `npm run build` again.");
    return { ok: false, executed: toRun.length, cached: files.length - toRun.length, failed, pages: 0, bytes: 0, seconds: (Date.now() - started) / 1000 };
  }

  fs.rmSync(outDir, { recursive: true, force: true });
  const written = await publishSite(files.map((f) => ({ file: f, notebook: executed.get(f) as never })), directoryEffects(outDir));
  const pages = written.filter((w) => w.file.endsWith(".html")).length;
  const bytes = written.reduce((s, w) => s + w.bytes, 0);
  const seconds = (Date.now() - started) / 1000;
  log(`published ${pages} pages (${(bytes / 1024).toFixed(0)} KiB) to ${path.relative(process.cwd(), outDir) || outDir} in ${seconds.toFixed(1)} s — open ${path.join(path.relative(process.cwd(), outDir) || outDir, "index.html")}`);
  return { ok: true, executed: toRun.length, cached: files.length - toRun.length, failed, pages, bytes, seconds };
}

async function runAgainstCluster(toRun: string[], options: BuildOptions, mode: RunMode, log: (line: string) => void): Promise<NotebookRun[]> {
  const target = await clusterFor(log);
  const durations = durationsFile(notebookSecondsFile(options.root), options.root);
  try {
    const runs = await runNotebooks(toRun, {
      expectedSeconds: (p) => durations.get(p),
      jobs: options.jobs,
      timeout: options.timeout ?? 120,
      env: target.env,
      mode,
      failFast: !options.keepGoing,
      reporter: options.reporter ?? consoleReporter(),
    });
    durations.record(runs);
    log(`\n${formatSummary(runs)}`);
    const slowest = formatSlowest(runs);
    if (slowest) log(`\n${slowest}`);
    return runs;
  } finally {
    await target.stop();
  }
}
