// `partition-lab build`: run every notebook headless (against the embedded
// cluster, or KAFKA_BROKERS), stop at the first failure with notebook, cell
// and traceback, then publish the static site. Unchanged notebooks come from
// the execution cache.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "../cli-error";
import { startCluster } from "../cluster";
import { reachable } from "../lab/connect";
import { consoleReporter, formatSummary, runNotebooks, type Reporter } from "../runner";
import { directoryEffects, publishSite } from "../site/publish";
import { ExecutionCache, environmentHash, notebookKey } from "./cache";

export type BuildOptions = {
  root: string;
  notebooksDir?: string;
  outDir?: string;
  keepGoing?: boolean;
  force?: boolean;
  jobs?: number;
  timeout?: number;
  log?: (line: string) => void;
  /** Progress and failure reports while notebooks run (default: the console). */
  reporter?: Reporter;
};

export type BuildResult = { ok: boolean; executed: number; cached: number; failed: string[]; pages: number; bytes: number; seconds: number };

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.error(line));
  const notebooksDir = options.notebooksDir ?? path.join(options.root, "notebooks");
  const outDir = options.outDir ?? path.join(options.root, "site", "dist");
  const files = fs.existsSync(notebooksDir)
    ? fs.readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(notebooksDir, f))
    : [];
  const cache = new ExecutionCache(path.join(options.root, ".cache", "executed"));
  const environment = environmentHash(options.root, ["src/lab", "src/cluster", "src/runner"]);
  const keys = new Map(files.map((f) => [f, notebookKey(fs.readFileSync(f, "utf8"), environment)]));
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
    const target = await clusterFor(log);
    try {
      const runs = await runNotebooks(toRun, {
        jobs: options.jobs,
        timeout: options.timeout ?? 120,
        env: target.env,
        failFast: !options.keepGoing,
        reporter: options.reporter ?? consoleReporter(),
      });
      for (const run of runs) {
        if (run.ok) {
          executed.set(run.path, run.notebook);
          cache.put(run.path, keys.get(run.path)!, run.notebook);
        } else failed.push(run.path);
      }
      log(`\n${formatSummary(runs)}`);
    } finally {
      await target.stop();
    }
  }
  if (failed.length > 0) {
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

/** KAFKA_BROKERS when set; otherwise an embedded cluster for this build, with its fault-control endpoint. */
async function clusterFor(log: (line: string) => void): Promise<{ env: NodeJS.ProcessEnv; stop(): Promise<void> }> {
  if (process.env.KAFKA_BROKERS) {
    const brokers = process.env.KAFKA_BROKERS.split(",").map((b) => b.trim()).filter(Boolean);
    const up = await Promise.all(brokers.map((b) => reachable(b, 2000)));
    if (!up.some(Boolean)) {
      throw new CliError(`KAFKA_BROKERS=${process.env.KAFKA_BROKERS}: no broker answers. Start the cluster (e.g. \`docker compose up -d --wait\`), or unset KAFKA_BROKERS to use the embedded cluster.`, 1);
    }
    log(`notebooks run against KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
    return { env: {}, stop: async () => {} };
  }
  const cluster = await startCluster({ brokers: 3 });
  log(`notebooks run against an embedded 3-broker cluster at ${cluster.bootstrap}`);
  return { env: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl }, stop: () => cluster.stop() };
}
