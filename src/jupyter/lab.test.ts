// `partition-lab lab` as a learner runs it (the compiled CLI in a child
// process): it starts the cluster and Debian's Jupyter Notebook, prints the
// URL, serves a notebook with our kernel, and one SIGINT leaves no process
// behind. Without Jupyter, or with a Jupyter that fails or hangs, it says so
// in one message and still cleans up.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { reachable } from "../lab/connect";
import { kernelLauncherScript } from "../runner/kernel-argv";
import { KERNEL_NAME } from "../runner/kernelspec";
import { descendantsOf, isAlive, readProcessTable, signalAll } from "./processes";

const CLI = path.resolve(__dirname, "../../dist/cli.js");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-lab-test-"));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const started: ChildProcess[] = [];
// A failed test must not leave a Jupyter (own process group) or its kernels running.
afterEach(async () => {
  const table = await readProcessTable();
  for (const child of started.splice(0)) {
    if (child.exitCode === null) signalAll([child.pid!, ...descendantsOf(child.pid!, table)], "SIGKILL");
  }
});

type Run = { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> };

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const base = { ...process.env };
  delete base.KAFKA_BROKERS;
  delete base.PARTITION_LAB_CONTROL;
  const child = spawn(process.execPath, [CLI, "lab", ...args], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until<T>(what: string, ms: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A stand-in for jupyter-notebook: a shell script in a folder of its own, to put on PATH. */
function fakeJupyter(name: string, script: string): string {
  const dir = path.join(temp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "jupyter-notebook"), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return dir;
}

describe("partition-lab lab", () => {
  it("starts the cluster and Jupyter, serves a notebook with our kernel, and SIGINT stops everything", async () => {
    const run = runCli(["--no-browser", "--isolated", "--port", "0", "--ui", "notebook"]);
    const url = await until("the URL", 90_000, () => {
      if (run.child.exitCode !== null) throw new Error(`exited early: ${run.stderr()}`);
      return /^open: +(http:\/\/127\.0\.0\.1:\d+\/)tree\?token=(\w+)$/m.exec(run.stdout()) ?? undefined;
    });
    const [, base, token] = url;
    const bootstrap = /^kafka: +(\S+) \(embedded, started here\)$/m.exec(run.stdout())![1];
    const headers = { Authorization: `token ${token}`, "content-type": "application/json" };

    const page = await fetch(`${base}notebooks/01-kafka-in-five-minutes.ipynb?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("01-kafka-in-five-minutes");
    // What the page does on open: a session, which starts the notebook's kernel.
    const session = await (await fetch(`${base}api/sessions`, { method: "POST", headers, body: JSON.stringify({ path: "01-kafka-in-five-minutes.ipynb", type: "notebook", kernel: { name: KERNEL_NAME } }) })).json();
    expect(session.kernel.name).toBe(KERNEL_NAME);
    // Notebook 6 reports a kernel "idle" only once a client talks to it; its process is what we need.
    const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const { tree, kernelPid } = await until("the kernel process", 60_000, async () => {
      const tree = descendantsOf(run.child.pid!, await readProcessTable());
      // Our kernelspec starts tslab through the kernel launcher (../runner/kernel-argv.ts).
      const kernelPid = tree.find((pid) => isAlive(pid) && cmdline(pid).includes(`${kernelLauncherScript()}\0--config-path`));
      return kernelPid ? { tree, kernelPid } : undefined;
    });
    const kernelEnv = fs.readFileSync(`/proc/${kernelPid}/environ`, "utf8").split("\0");
    expect(kernelEnv).toContain(`KAFKA_BROKERS=${bootstrap}`);
    expect(kernelEnv.some((v) => /^PARTITION_LAB_CONTROL=http:\/\/127\.0\.0\.1:\d+$/.test(v))).toBe(true);
    const privateDir = /--config-path\0(\/[^\0]*partition-lab-jupyter-[^/]+)\//.exec(fs.readFileSync(`/proc/${kernelPid}/cmdline`, "utf8"))![1];
    expect(fs.existsSync(privateDir)).toBe(true);

    run.child.kill("SIGINT");
    expect(await Promise.race([run.exit, new Promise((r) => setTimeout(() => r("still running after 30 s"), 30_000))])).toBe(0);
    expect(run.stdout()).toMatch(/stopped\.\n$/);
    expect(tree.filter(isAlive), "processes left behind").toEqual([]);
    for (const hostPort of bootstrap.split(",")) expect(await reachable(hostPort), hostPort).toBe(false);
    expect(await reachable(new URL(base).host), "Jupyter's port").toBe(false);
    expect(fs.existsSync(privateDir), "the private kernelspec and runtime folder").toBe(false);
  }, 180_000);

  it("without Jupyter, says how to get it and that the site needs nothing", async () => {
    const run = runCli([], { PATH: path.join(temp, "no-such-folder") });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain("partition-lab lab: Jupyter (neither jupyter-lab nor jupyter-notebook) is not on your PATH");
    expect(run.stderr()).toContain("pip install jupyterlab");
    expect(run.stderr()).toContain("site/dist/index.html");
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("a Jupyter that fails to start is one clear message with its last lines", async () => {
    const bin = fakeJupyter("fails", 'echo "ModuleNotFoundError: No module named \'notebook\'" >&2\nexit 3');
    const run = runCli(["--per-notebook-clusters"], { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/^partition-lab lab: Jupyter Notebook exited before it was ready \(exit code 3\)\. Its last lines:\nModuleNotFoundError: No module named 'notebook'\n$/);
  }, 30_000);

  it.each([
    ["its start-up deadline passes", ["--start-timeout", "1"], undefined, /did not start within 1 s/, 1],
    ["SIGTERM arrives while it starts", [], "SIGTERM" as const, /interrupted \(SIGTERM\) while Jupyter Notebook was starting/, 130],
  ])("a Jupyter that never comes up is stopped when %s", async (_what, args, signal, message, code) => {
    const pidFile = path.join(temp, `hang-${code}.pid`);
    const bin = fakeJupyter(`hangs-${code}`, `echo $$ > "${pidFile}"\nexec sleep 600`);
    const run = runCli(["--per-notebook-clusters", ...args], { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    const pid = await until("the fake Jupyter", 20_000, () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) || undefined : undefined));
    if (signal) run.child.kill(signal);
    expect(await run.exit).toBe(code);
    expect(run.stderr()).toMatch(message);
    expect(isAlive(pid)).toBe(false);
  }, 30_000);
});
