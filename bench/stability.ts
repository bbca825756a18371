// `npm run bench -- stability`: the full course build (`--force`), 20 times
// in a row as a user runs it (a fresh `partition-lab build` process each
// time), every other one with a CPU hog busy on one core. Reports failures
// and stalls — a build still running past STALL_MS is a stall, killed with its
// kernels — and the message trail of each failure. Goal: 0 of 20.
// Flags: --runs=N (default 20); --cell-by-cell (passed on to the build).
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The build's own deadline, and the bench's: a build still running past STALL_MS ignored its own. */
const BUILD_DEADLINE_SECONDS = 600;
const STALL_MS = 15 * 60_000;
const root = path.resolve(__dirname, "../..");
const cli = path.join(root, "dist", "cli.js");

type Outcome = { run: number; hog: boolean; status: "ok" | "failed" | "stalled"; seconds: number; output: string; trails: string[] };

function hog(): ChildProcess {
  return spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
}

async function oneBuild(run: number, withHog: boolean, extra: string[], work: string): Promise<Outcome> {
  const outDir = path.join(work, `site-${run}`);
  const trailDir = path.join(work, `trails-${run}`);
  const busy = withHog ? hog() : undefined;
  const t0 = Date.now();
  // Its own process group, so that a stalled build is killed with every kernel it started.
  const child = spawn(process.execPath, [cli, "build", "--force", "--deadline", String(BUILD_DEADLINE_SECONDS), "--out", outDir, ...extra], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PARTITION_LAB_DEBUG: "1", PARTITION_LAB_DEBUG_DIR: trailDir },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  let stalled = false;
  const timer = setTimeout(() => {
    stalled = true;
    process.kill(-child.pid!, "SIGKILL");
  }, STALL_MS);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  busy?.kill("SIGKILL");
  const trails = [...output.matchAll(/message trail: (\S+)/g)].map((m) => m[1]);
  const status = stalled ? "stalled" : code === 0 ? "ok" : "failed";
  if (status === "ok") fs.rmSync(trailDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  return { run, hog: withHog, status, seconds: (Date.now() - t0) / 1000, output, trails };
}

function describeFailure(o: Outcome): string {
  const lines = [`--- run ${o.run} (${o.hog ? "with" : "without"} the CPU hog): ${o.status} after ${o.seconds.toFixed(1)} s`, o.output.trim().split("\n").slice(-40).join("\n")];
  for (const trail of o.trails) {
    const text = fs.existsSync(trail) ? fs.readFileSync(trail, "utf8").trim().split("\n") : ["(missing)"];
    lines.push(`--- message trail ${trail} (last 30 lines):`, ...text.slice(-30));
  }
  return lines.join("\n");
}

export async function runBenchmark(flags: string[] = []): Promise<void> {
  const runs = Number(flags.find((f) => f.startsWith("--runs="))?.split("=")[1] ?? 20);
  const extra = flags.includes("--cell-by-cell") ? ["--cell-by-cell"] : [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-stability-"));
  console.log(`${runs} forced builds of the course, every other one with a CPU hog on one core; load average now ${os.loadavg()[0].toFixed(1)}; trails in ${work}`);
  const outcomes: Outcome[] = [];
  for (let run = 1; run <= runs; run++) {
    const outcome = await oneBuild(run, run % 2 === 0, extra, work);
    outcomes.push(outcome);
    console.log(`run ${String(run).padStart(2)}/${runs} ${outcome.hog ? "(CPU hog)" : "         "} ${outcome.status.padEnd(7)} ${outcome.seconds.toFixed(1).padStart(6)} s  load ${os.loadavg()[0].toFixed(1)}`);
  }
  const bad = outcomes.filter((o) => o.status !== "ok");
  for (const o of bad) console.log(describeFailure(o));
  const mean = (hogged: boolean) => {
    const ok = outcomes.filter((o) => o.hog === hogged && o.status === "ok");
    return ok.length ? `${(ok.reduce((s, o) => s + o.seconds, 0) / ok.length).toFixed(1)} s` : "-";
  };
  const count = (status: string, hogged?: boolean) => outcomes.filter((o) => o.status === status && (hogged === undefined || o.hog === hogged)).length;
  console.log(`\nstability: ${bad.length} of ${runs} builds failed or stalled (goal 0): ${count("failed")} failed (${count("failed", true)} with the hog), ${count("stalled")} stalled (${count("stalled", true)} with the hog)`);
  console.log(`mean build time: ${mean(false)} without the hog, ${mean(true)} with it`);
  if (bad.length === 0) fs.rmSync(work, { recursive: true, force: true });
}
