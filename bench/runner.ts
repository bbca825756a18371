// `npm run bench -- runner`: the course run by our runner at its default
// settings (one kernel more than the cores, one warm kernel ahead of the queue, no
// Python; the longest notebooks first, by the times the last build or round
// kept in .cache/notebook-seconds.json, as the build does) and by Jupyter's
// nbclient one notebook after another, the way
// `jupyter nbconvert --execute` runs them (nbconvert executes through
// nbclient; Debian's nbclient is the reference measured in the same run).
// Goal: ours ≤ 0.5× the reference's wall time.
// Other settings, to measure before changing a default:
//   npm run bench -- runner --jobs=3 --warm=0 --run-all --repeat=3
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startCluster } from "partition-lab";
import { runWithNbclient } from "partition-lab/dist/runner/nbclient";
import { DEFAULT_WARM_KERNELS, defaultJobs, durationsFile, formatSlowest, runNotebooks, type NotebookRun, type RunManyOptions } from "partition-lab/dist/runner";
import { notebookSecondsFile } from "partition-lab/dist/build/cache";

const ROOT = path.resolve(__dirname, "../..");

function notebooks(): string[] {
  const course = path.join(ROOT, "notebooks");
  const pick = (dir: string, filter: (f: string) => boolean) => fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb") && filter(f)).sort().map((f) => path.join(dir, f));
  const found = fs.existsSync(course) ? pick(course, () => true) : [];
  return found.length > 0 ? found : pick(path.join(ROOT, "src", "runner", "fixtures"), (f) => f === "parity.ipynb" || f === "outputs.ipynb");
}

/** Settings from `--jobs=N`, `--warm=N` and `--run-all`; none given means the defaults. */
function settings(flags: string[]): Pick<RunManyOptions, "jobs" | "warmKernels" | "mode"> {
  const number = (name: string) => {
    const flag = flags.find((f) => f.startsWith(`--${name}=`));
    return flag === undefined ? undefined : Number(flag.split("=")[1]);
  };
  return { jobs: number("jobs"), warmKernels: number("warm"), mode: flags.includes("--run-all") ? "run-all" : undefined };
}

const load = () => os.loadavg()[0].toFixed(1);

export async function runBenchmark(flags: string[] = []): Promise<void> {
  const files = notebooks();
  const chosen = settings(flags);
  // On a shared machine the load changes during a run: --repeat=N alternates the two runners N times.
  const repeat = Number(flags.find((f) => f.startsWith("--repeat="))?.split("=")[1] ?? 1);
  const env: { vars: NodeJS.ProcessEnv; stop?: () => Promise<void> } = process.env.KAFKA_BROKERS ? { vars: {} } : await embeddedCluster();
  try {
    console.log(`notebooks: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
    const jobs = chosen.jobs ?? defaultJobs();
    const warm = chosen.warmKernels ?? DEFAULT_WARM_KERNELS;
    const label = `ours (${jobs} kernels, ${warm} warm${chosen.mode === "run-all" ? ", Run All" : ""})`;
    const ratios: number[] = [];
    let runs: NotebookRun[] = [];
    for (let round = 1; round <= repeat; round++) {
      console.log(`round ${round}/${repeat}, load average before: ${load()} (other work on this machine slows both runners)`);
      const durations = durationsFile(notebookSecondsFile(ROOT), ROOT);
      const timed = files.filter((f) => durations.get(f) !== undefined).length;
      console.log(`ours starts the longest first by the last build's times: ${timed} of ${files.length} notebooks timed (the others go first, in file order)`);
      const cpuBefore = cpuSeconds();
      let t0 = Date.now();
      runs = await runNotebooks(files, { env: env.vars, ...chosen, expectedSeconds: (f) => durations.get(f) });
      durations.record(runs);
      const ours = (Date.now() - t0) / 1000;
      const cpu = cpuSeconds() - cpuBefore;
      const failed = runs.filter((r) => !r.ok);
      if (failed.length > 0) console.log(`warning: ${failed.length} notebook(s) failed in our runner: ${failed.map((r) => path.basename(r.path)).join(", ")}`);
      t0 = Date.now();
      const reference = await runWithNbclient(files, env.vars);
      const theirs = (Date.now() - t0) / 1000;
      const refFailed = reference.filter((r) => r.error);
      if (refFailed.length > 0) console.log(`warning: ${refFailed.length} notebook(s) failed under nbclient: ${refFailed.map((r) => path.basename(r.file)).join(", ")}`);
      ratios.push(ours / theirs);
      console.log(`${label.padEnd(32)}${ours.toFixed(1)} s, CPU used ${cpu.toFixed(1)} of ${(ours * os.availableParallelism()).toFixed(1)} core-seconds (this process and its kernels)`);
      console.log(`${"nbclient, sequential".padEnd(32)}${theirs.toFixed(1)} s`);
      console.log(`${"ratio".padEnd(32)}${(ours / theirs).toFixed(2)}× (goal ≤ 0.50×); load average after: ${load()}`);
    }
    if (repeat > 1) console.log(`median ratio over ${repeat} rounds: ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(", ")})`);
    const waited = runs.reduce((s, r) => s + r.kernelStartSeconds, 0);
    const inCells = runs.reduce((s, r) => s + r.cells.reduce((c, cell) => c + cell.seconds, 0), 0);
    console.log(`last round: waiting for kernels to start ${waited.toFixed(1)} s, in cells ${inCells.toFixed(1)} s (summed over notebooks)`);
    for (const r of runs) console.log(`  ${r.seconds.toFixed(1).padStart(5)} s  (kernel wait ${r.kernelStartSeconds.toFixed(1)} s)  ${path.basename(r.path)}`);
    console.log(formatSlowest(runs));
  } finally {
    await env.stop?.();
  }
}

/** CPU seconds of this process (cluster, runner) and of its children that have exited (kernels; Linux's /proc, else 0). */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the ")" that ends the command name; cutime and cstime are the 14th and 15th, in clock ticks (100 per second on Linux).
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // Not Linux: only this process counts.
  }
  return (own.user + own.system) / 1e6 + children;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function embeddedCluster(): Promise<{ vars: NodeJS.ProcessEnv; stop?: () => Promise<void> }> {
  const cluster = await startCluster();
  return { vars: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl }, stop: () => cluster.stop() };
}
