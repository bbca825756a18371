// A running tslab kernel: start it (connection file, launcher, handshake),
// run cells one at a time or all at once as Jupyter's Run All does, and
// shut it down. Every wait has a deadline, and a deadline that passes says
// what was awaited. Liveness is judged as this kernel allows: the process is
// alive (its exit is seen at once), a request gets its reply within its
// deadline, and an interrupt gets the running cell's reply. Heartbeats are
// not used (tslab answers them on its JavaScript thread, so a kernel busy
// compiling would look dead).
import { randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { clearActivity, setActivity } from "./activity";
import { BIND_FAILED_EXIT } from "./kernel-argv";
import { KernelChannels, type Ports } from "./kernel-channels";
import { KernelProcess, Progress } from "./kernel-process";
import { tslabKernelSpec, type KernelSpec } from "./kernelspec";
import { freePorts } from "./ports";
import { Trail } from "./trail";
import { waitFor, type CellOutcome, type Deadlines, DEFAULT_DEADLINES, settle } from "./waits";
import { newMessage, type Message } from "./wire";
import { Execution } from "./execution";

export { killAllKernels } from "./kernel-process";
export type { CellOutcome, Deadlines } from "./waits";

export type KernelOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** argv with `{connection_file}`; default: tslab through our launcher (./kernel-argv.ts). */
  spec?: Pick<KernelSpec, "argv">;
  deadlines?: Partial<Deadlines>;
  /** Where messages and events are recorded (default: a new trail named after cwd). */
  trail?: Trail;
  /** Names the kernel in reports of what is awaited (default: cwd). */
  label?: string;
  /** Finds the five ports (tests pass one that hands out a taken port). */
  ports?: () => Promise<Ports>;
};

/** Raised when a kernel cannot be started; the message says what was awaited. */
export class KernelStartError extends Error {
  override name = "KernelStartError";
  /** The trail of the kernel that did not start. */
  trail?: Trail;
}

const START_ATTEMPTS = 3;

export class Kernel {
  readonly trail: Trail;
  readonly deadlines: Deadlines;
  readonly label: string;
  private readonly key = randomBytes(16).toString("hex");
  private readonly session = randomUUID();
  private process!: KernelProcess;
  private channels!: KernelChannels;
  private connectionDir = "";

  private constructor(options: KernelOptions) {
    this.trail = options.trail ?? new Trail(options.cwd);
    this.label = options.label ?? options.cwd;
    this.deadlines = { ...DEFAULT_DEADLINES, ...options.deadlines };
  }

  /**
   * Starts a kernel in `cwd` and waits until it answers kernel_info on shell
   * and publishes on iopub, within `deadlines.kernelStartMs`. A kernel whose
   * port was taken meanwhile is started again on new ports.
   */
  static async start(options: KernelOptions): Promise<Kernel> {
    for (let attempt = 1; ; attempt++) {
      const kernel = new Kernel(options);
      try {
        await kernel.launch(options);
        return kernel;
      } catch (err) {
        await kernel.abandon();
        const portTaken = kernel.process?.exited?.code === BIND_FAILED_EXIT;
        if (!portTaken || attempt >= START_ATTEMPTS) {
          const error = err instanceof KernelStartError ? err : new KernelStartError((err as Error).message);
          error.trail = kernel.trail;
          throw error;
        }
        kernel.trail.note(`a port was taken before the kernel could bind it; starting again (attempt ${attempt + 1})`);
      }
    }
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get exited(): boolean {
    return Boolean(this.process.exited);
  }

  private async launch(options: KernelOptions): Promise<void> {
    const zmqModule = await import("zeromq");
    const ports = await (options.ports ?? freePorts)();
    this.connectionDir = fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-kernel-"));
    const connectionFile = path.join(this.connectionDir, "connection.json");
    fs.writeFileSync(connectionFile, JSON.stringify({ ...ports, ip: "127.0.0.1", transport: "tcp", signature_scheme: "hmac-sha256", key: this.key, kernel_name: "tslab" }));
    const argv = (options.spec ?? tslabKernelSpec()).argv.map((a) => a.replace("{connection_file}", connectionFile));
    this.process = KernelProcess.spawn(argv, options.cwd, options.env ?? {}, this.trail);
    this.channels = new KernelChannels(zmqModule, ports, this.key, this.trail, this.deadlines.sendMs);

    const startedAt = Date.now();
    const deadlineAt = startedAt + this.deadlines.kernelStartMs;
    this.doing("starting its kernel: waiting for kernel_info_reply and a status on iopub");
    const progress = new Progress(this.process, startedAt);
    // kernel_info until a reply comes and a status message shows that iopub
    // is connected too (a SUB socket misses what is published before it
    // joins). Requests sent before the kernel bound its ports wait in ZeroMQ
    // and are all answered at once; any of them counts.
    let replies = 0;
    let statuses = 0;
    const sent: Message[] = [];
    const ready = () => replies > 0 && statuses > 0;
    try {
      while (Date.now() < deadlineAt && !this.process.exited) {
        const msg = newMessage(this.session, "kernel_info_request", {});
        sent.push(msg);
        const before = replies;
        await this.channels.send("shell", msg, (m, channel) => (channel === "iopub" ? statuses++ : replies++));
        await this.until(() => ready() || replies > before, Math.min(deadlineAt, Date.now() + this.deadlines.kernelInfoRetryMs));
        // A reply without a status: iopub was not joined yet; the next request's status will come.
        if (!ready() && replies > before) await this.until(ready, Math.min(deadlineAt, Date.now() + 100));
        if (ready()) {
          this.trail.note(`kernel ready after ${Date.now() - startedAt} ms`);
          return;
        }
        const stuck = progress.stuckFor(Date.now());
        if (stuck >= this.deadlines.kernelStuckMs) {
          throw new KernelStartError(`the tslab kernel has not answered kernel_info_request in ${((Date.now() - startedAt) / 1000).toFixed(0)} s and has used no CPU for the last ${(stuck / 1000).toFixed(0)} s (${this.process.describe(progress.first)}): it is wedged${this.stderrNote()}`);
        }
      }
    } finally {
      for (const msg of sent) this.channels.forget(msg);
    }
    if (this.process.exited) throw new KernelStartError(`the tslab kernel exited while starting (${this.process.howExited()})${this.stderrNote()}`);
    throw new KernelStartError(`the tslab kernel did not answer kernel_info_request within ${this.deadlines.kernelStartMs / 1000} s; ${this.process.describe(progress.first)}${this.stderrNote()}`);
  }

  /** Records what this kernel is waiting for (see ./activity.ts). */
  private doing(what: string): void {
    setActivity(this.session, `${this.label}: ${what}`);
  }

  private stderrNote(): string {
    return this.process.stderr ? `; its stderr: ${this.process.stderr}` : "";
  }

  /** Resolves true as soon as `condition` holds (checked at every message and at exit), false at `deadlineAt`. */
  private until(condition: () => boolean, deadlineAt: number): Promise<boolean> {
    return waitFor(condition, deadlineAt, (wake) => {
      const off = this.channels.onAnyMessage(wake);
      this.process.onExit(wake);
      return off;
    });
  }

  private async submit(code: string, stopOnError: boolean): Promise<Execution> {
    const exec = new Execution(this.session, code, stopOnError);
    exec.sentAt = Date.now();
    await this.channels.send("shell", exec.msg, (m, channel) => exec.handle(m, channel));
    return exec;
  }

  /**
   * Runs one cell and waits for its reply and its idle status, at most
   * `timeoutMs`. After an expected error tslab answers "abort" to requests
   * that arrive within 200 ms (jupyter.js, execQueue.reset(200)); with
   * `retryAborted` such a request, which never ran, is sent again until the
   * kernel takes it or the cell's deadline passes.
   */
  async execute(code: string, timeoutMs: number, options: { stopOnError?: boolean; retryAborted?: boolean; what?: string } = {}): Promise<CellOutcome> {
    const deadlineAt = Date.now() + timeoutMs;
    for (let backoff = 10; ; backoff = Math.min(backoff * 2, 100)) {
      if (this.process.exited) return { exec: undefined, kind: "dead", message: this.deathMessage() };
      const exec = await this.submit(code, options.stopOnError ?? true);
      const outcome = await this.settleOne(exec, deadlineAt, timeoutMs, options.what ?? "the cell");
      if (!(options.retryAborted && outcome.kind === "done" && /^abort/.test(exec.status ?? "") && Date.now() < deadlineAt)) return outcome;
      this.trail.note(`the kernel aborted ${exec.id.slice(0, 8)} (still resetting after the expected error); sending it again in ${backoff} ms`);
      await this.until(() => false, Date.now() + backoff);
    }
  }

  /**
   * Jupyter's Run All: sends every cell at once and collects the outcomes in
   * order. Each cell has `timeoutMs` from the moment the cell before it
   * finished (the kernel runs them one after another).
   */
  async executeAll(cells: { code: string; what: string }[], timeoutMs: number, onCell?: (index: number) => void): Promise<CellOutcome[]> {
    const execs: Execution[] = [];
    for (const cell of cells) execs.push(await this.submit(cell.code, true));
    const outcomes: CellOutcome[] = [];
    for (const [i, exec] of execs.entries()) {
      onCell?.(i);
      const outcome = await this.settleOne(exec, Date.now() + timeoutMs, timeoutMs, cells[i].what);
      outcomes.push(outcome);
      if (outcome.kind !== "done") break;
    }
    for (const exec of execs) this.channels.forget(exec.msg);
    return outcomes;
  }

  private settleOne(exec: Execution, deadlineAt: number, timeoutMs: number, what: string): Promise<CellOutcome> {
    return settle(exec, {
      deadlineAt,
      timeoutMs,
      what,
      deadlines: this.deadlines,
      process: this.process,
      until: (condition, at) => this.until(condition, at),
      death: () => this.deathMessage(),
      forget: () => this.channels.forget(exec.msg),
      note: (waitingFor) => this.doing(waitingFor),
    });
  }

  private deathMessage(): string {
    const err = this.process.stderr;
    return `the kernel died (${this.process.howExited()})${err ? `: ${err.split("\n").slice(-3).join(" ")}` : ""}`;
  }

  /** Kills a kernel that did not start, and cleans up after it. */
  private async abandon(): Promise<void> {
    if (this.process && !this.process.exited) await this.process.kill(this.deadlines.killMs);
    await this.shutdown();
  }

  /** Asks the kernel to shut down; kills it if it has not exited within the deadline. Never throws. */
  async shutdown(): Promise<void> {
    if (this.process && !this.process.exited) {
      this.doing("shutting its kernel down: waiting for the process to exit");
      await this.channels.send("control", newMessage(this.session, "shutdown_request", { restart: false })).catch(() => undefined);
      if (!(await this.process.waitForExit(this.deadlines.shutdownMs))) {
        this.trail.note(`no exit within ${this.deadlines.shutdownMs} ms of shutdown_request`);
        await this.process.kill(this.deadlines.killMs);
      }
    }
    clearActivity(this.session);
    this.channels?.close();
    if (this.connectionDir) fs.rmSync(this.connectionDir, { recursive: true, force: true });
  }
}
