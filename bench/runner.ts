// `npm run bench -- runner`: the same notebooks run by our runner (parallel
// kernels, no Python) and by Jupyter's nbclient one after another, the way
// `jupyter nbconvert --execute` runs them (nbconvert executes through
// nbclient; Debian's nbclient is the reference measured in the same run).
// Goal: ours ≤ 0.5× the reference's wall time.
import * as fs from "node:fs";
import * as path from "node:path";
import { startCluster } from "partition-lab";
import { runWithNbclient } from "partition-lab/dist/runner/nbclient";
import { defaultJobs, runNotebooks } from "partition-lab/dist/runner";


function notebooks(): string[] {
  const root = path.resolve(__dirname, "../..");
  const course = path.join(root, "notebooks");
  const pick = (dir: string, filter: (f: string) => boolean) => fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb") && filter(f)).sort().map((f) => path.join(dir, f));
  const found = fs.existsSync(course) ? pick(course, () => true) : [];
  return found.length > 0 ? found : pick(path.join(root, "src", "runner", "fixtures"), (f) => f === "parity.ipynb" || f === "outputs.ipynb");
}

export async function runBenchmark(): Promise<void> {
  const files = notebooks();
  const env: { vars: NodeJS.ProcessEnv; stop?: () => Promise<void> } = process.env.KAFKA_BROKERS ? { vars: {} } : await embeddedCluster();
  try {
    console.log(`notebooks: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
    let t0 = Date.now();
    const runs = await runNotebooks(files, { env: env.vars });
    const ours = (Date.now() - t0) / 1000;
    const failed = runs.filter((r) => !r.ok);
    if (failed.length > 0) console.log(`warning: ${failed.length} notebook(s) failed in our runner`);

    t0 = Date.now();
    const reference = await runWithNbclient(files, env.vars);
    const theirs = (Date.now() - t0) / 1000;
    const refFailed = reference.filter((r) => r.error);
    if (refFailed.length > 0) console.log(`warning: ${refFailed.length} notebook(s) failed under nbclient`);

    console.log(`ours (${defaultJobs()} parallel kernels)           ${ours.toFixed(1)} s`);
    console.log(`nbclient, sequential            ${theirs.toFixed(1)} s`);
    console.log(`ratio                           ${(ours / theirs).toFixed(2)}× (goal ≤ 0.50×)`);
    for (const r of runs) console.log(`  kernel start ${r.kernelStartSeconds.toFixed(2)} s  ${path.basename(r.path)}`);
  } finally {
    await env.stop?.();
  }
}

async function embeddedCluster(): Promise<{ vars: NodeJS.ProcessEnv; stop?: () => Promise<void> }> {
  const cluster = await startCluster();
  return { vars: { KAFKA_BROKERS: cluster.bootstrap, PARTITION_LAB_CONTROL: cluster.controlUrl }, stop: () => cluster.stop() };
}
