// `partition-lab lab`, the process side: a cluster (or the one in
// KAFKA_BROKERS), our kernelspec in a private folder, Jupyter on the
// notebooks, and a stop that takes all of it down — each wait with a deadline.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { CliError } from "../cli-error";
import { startCluster, type Cluster } from "../cluster";
import { installKernelSpec, makeJupyterDirs } from "../runner/kernelspec";
import { installedJupyter } from "./detect";
import { chooseJupyter, FLAVOR_NAMES, jupyterArgv, jupyterEnv, noJupyterMessage, notebookUrl, openUrl, parseServerInfo, type InstalledJupyter, type JupyterFlavor, type KafkaTarget, type ServerInfo } from "./plan";
import { descendantsOf, isAlive, readProcessTable, signalAll } from "./processes";

export type LabOptions = {
  notebooksDir: string;
  /** Insist on one front end; by default JupyterLab if installed, else Notebook. */
  flavor?: JupyterFlavor;
  installed?: InstalledJupyter;
  /** Jupyter's port: undefined lets Jupyter choose (8888 or the next free one); 0 picks a free one. */
  port?: number;
  ip?: string;
  openBrowser?: boolean;
  /** "shared": KAFKA_BROKERS if set, else an embedded cluster started here; "per-notebook": each kernel starts its own. */
  kafka?: "shared" | "per-notebook";
  brokers?: number;
  /** First broker port of the embedded cluster (0: free ports). */
  kafkaPort?: number;
  isolated?: boolean;
  startTimeoutMs?: number;
  /** The environment Jupyter inherits (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Receives Jupyter's log lines once it is up. */
  onLog?: (line: string) => void;
  /** Aborting it while Jupyter starts stops everything and throws. */
  signal?: AbortSignal;
};

export type RunningLab = {
  flavor: JupyterFlavor;
  /** The page to open, token included. */
  url: string;
  info: ServerInfo;
  kafka: KafkaTarget & { source: "KAFKA_BROKERS" | "embedded" | "per-notebook" };
  /** Jupyter's process id. */
  pid: number;
  notebookUrl(relativePath: string): string;
  /** Settles when Jupyter exits (by itself, or through stop()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops Jupyter, its kernels and the embedded cluster; safe to call twice. */
  stop(): Promise<void>;
};

const STOP_JUPYTER_MS = 15_000;
const STOP_CLUSTER_MS = 10_000;
const LOG_TAIL_LINES = 15;

function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nobody listens on now (Jupyter's --port 0 is not supported by classic Notebook). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function kafkaTarget(options: LabOptions, env: NodeJS.ProcessEnv): Promise<{ target: RunningLab["kafka"]; cluster?: Cluster }> {
  if (options.kafka === "per-notebook") return { target: { kind: "per-notebook", source: "per-notebook" } };
  const fromEnv = env.KAFKA_BROKERS?.trim();
  if (fromEnv) return { target: { kind: "shared", bootstrap: fromEnv, controlUrl: env.PARTITION_LAB_CONTROL, source: "KAFKA_BROKERS" } };
  const cluster = await deadline(startCluster({ brokers: options.brokers ?? 3, port: options.kafkaPort ?? 0 }), 30_000, "starting the embedded cluster");
  return { target: { kind: "shared", bootstrap: cluster.bootstrap, controlUrl: cluster.controlUrl, source: "embedded" }, cluster };
}

/** Waits for the server info file Jupyter writes into its (private) runtime folder once it listens. */
async function waitForServer(child: ChildProcess, runtimeDir: string, ms: number, tail: () => string, name: string, signal?: AbortSignal): Promise<ServerInfo> {
  const until = Date.now() + ms;
  for (;;) {
    if (signal?.aborted) throw new CliError(`interrupted (${String(signal.reason)}) while ${name} was starting`, 130);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new CliError(`${name} exited before it was ready (${child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode}). Its last lines:\n${tail()}`, 1);
    }
    const files = fs.existsSync(runtimeDir) ? fs.readdirSync(runtimeDir).filter((f) => /^(nb|jp)server-\d+\.json$/.test(f)) : [];
    for (const file of files) {
      const info = parseServerInfo(fs.readFileSync(path.join(runtimeDir, file), "utf8"));
      if (info) return info;
    }
    if (Date.now() > until) throw new CliError(`${name} did not start within ${ms / 1000} s. Its last lines:\n${tail()}`, 1);
    await sleep(150);
  }
}

/** Starts everything; throws a CliError (with what to do) if Jupyter is missing or does not come up. */
export async function startLab(options: LabOptions): Promise<RunningLab> {
  const choice = chooseJupyter(options.installed ?? installedJupyter(), options.flavor);
  if (!choice) throw new CliError(noJupyterMessage(options.flavor), 1);
  if (!fs.existsSync(options.notebooksDir)) throw new CliError(`${options.notebooksDir}: no such folder`);
  const name = FLAVOR_NAMES[choice.flavor];
  const baseEnv = options.env ?? process.env;
  const { target, cluster } = await kafkaTarget(options, baseEnv);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-jupyter-"));
  const cleanUp = async () => {
    if (cluster) await deadline(cluster.stop(), STOP_CLUSTER_MS, "stopping the embedded cluster").catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };

  let child: ChildProcess | undefined;
  const logLines: string[] = [];
  let ready = false;
  try {
    installKernelSpec({ prefix: root });
    makeJupyterDirs(root);
    const env = jupyterEnv(baseEnv, { kafka: target, token: randomBytes(24).toString("hex"), root, isolated: options.isolated ?? false });
    const ip = options.ip ?? "127.0.0.1";
    const port = options.port === 0 ? await freePort(ip) : options.port;
    const argv = jupyterArgv({ port, ip, openBrowser: options.openBrowser ?? true, root: process.getuid?.() === 0 });
    // Its own process group: a Ctrl-C in the terminal reaches us only, and we stop Jupyter in order.
    const jupyter = (child = spawn(choice.executable, argv, { cwd: options.notebooksDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true }));
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter((l) => l.trim())) {
        if (ready) options.onLog?.(line);
        else logLines.push(line);
      }
      logLines.splice(0, Math.max(0, logLines.length - LOG_TAIL_LINES));
    };
    jupyter.stdout!.on("data", onData);
    jupyter.stderr!.on("data", onData);
    const spawnError = new Promise<never>((_, reject) => jupyter.once("error", (err) => reject(new CliError(`could not start ${choice.executable}: ${err.message}`, 1))));
    const info = await Promise.race([
      waitForServer(jupyter, env.JUPYTER_RUNTIME_DIR!, options.startTimeoutMs ?? 60_000, () => logLines.join("\n"), name, options.signal),
      spawnError,
    ]);
    ready = true;
    // If this process dies without stop() (an uncaught error, process.exit), Jupyter
    // must not outlive it: SIGTERM makes it shut its kernels down.
    const orphanGuard = () => {
      signalAll([jupyter.pid!], "SIGTERM");
      fs.rmSync(root, { recursive: true, force: true });
    };
    process.once("exit", orphanGuard);
    jupyter.once("exit", () => process.off("exit", orphanGuard));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (jupyter.exitCode !== null || jupyter.signalCode !== null) resolve({ code: jupyter.exitCode, signal: jupyter.signalCode });
      else jupyter.once("exit", (code, signal) => resolve({ code, signal }));
    });
    let stopping: Promise<void> | undefined;
    return {
      flavor: choice.flavor,
      url: openUrl(info, choice.flavor),
      info,
      kafka: target,
      pid: jupyter.pid!,
      notebookUrl: (relative) => notebookUrl(info, choice.flavor, relative),
      exited,
      stop: () => (stopping ??= stopJupyter(jupyter, exited).finally(cleanUp)),
    };
  } catch (err) {
    const started = child;
    if (started?.pid !== undefined) await stopJupyter(started, new Promise((r) => started.once("exit", r)));
    await cleanUp();
    throw err;
  }
}

/**
 * SIGTERM makes Jupyter shut its kernels down and exit; whatever of its
 * process tree is still there after the deadline is killed.
 */
async function stopJupyter(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const tree = await readProcessTable().then((table) => descendantsOf(child.pid!, table));
  if (child.exitCode === null && child.signalCode === null) {
    signalAll([child.pid!], "SIGTERM");
    const clean = await deadline(exited, STOP_JUPYTER_MS, "Jupyter's shutdown").then(() => true, () => false);
    if (!clean) signalAll([-child.pid!], "SIGKILL");
  }
  signalAll(tree.filter(isAlive), "SIGKILL");
  const until = Date.now() + 5_000;
  while (tree.some(isAlive) && Date.now() < until) await sleep(50);
}
