// A running tslab kernel and the client side of the Jupyter protocol: it
// writes a connection file, starts the kernelspec's argv with cwd = the
// notebook's folder (as Jupyter does), talks over ZeroMQ, and notices when
// the kernel process dies.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { tslabKernelSpec, type KernelSpec } from "./kernelspec";
import { OutputCollector, type Output } from "./outputs";
import { decodeMessage, encodeMessage, newMessage, type Message } from "./wire";

export type ExecuteResult = {
  status: "ok" | "error" | "timeout" | "dead";
  executionCount: number | null;
  outputs: Output[];
  error?: { name: string; message: string; traceback: string[] };
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The error of a failed cell. tslab leaves ename/evalue empty and prints the
 * stack to stderr instead, so fall back to the last "SomeError: message" line there.
 */
function errorOf(reply: { ename?: string; evalue?: string; traceback?: string[] }, outputs: Output[]) {
  if (reply.ename) return { name: reply.ename, message: reply.evalue ?? "", traceback: reply.traceback ?? [] };
  const stderr = outputs.filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => (o as { text: string }).text).join("");
  const found = [...stderr.matchAll(/^(\w*(?:Error|Exception)\w*):? ?(.*)$/gm)].at(-1);
  return { name: found?.[1] ?? "Error", message: found?.[2] ?? (stderr.trim().split("\n").at(-1) || "the cell failed"), traceback: stderr ? stderr.trimEnd().split("\n") : reply.traceback ?? [] };
}

/** An idle kernel that does not echo a heartbeat within this time is taken for dead. */
const HEARTBEAT_TIMEOUT_MS = 10_000;

/** Kernel processes still running, so an interrupted run can take them down with it. */
const live = new Set<ChildProcess>();

/**
 * Kills every kernel this process started. tslab treats SIGINT as "interrupt
 * the cell" and keeps running, so a Ctrl-C of the runner must do this.
 */
export function killAllKernels(): void {
  for (const p of live) p.kill("SIGKILL");
  live.clear();
}

export class Kernel {
  private zmq!: typeof import("zeromq");
  private shell!: import("zeromq").Dealer;
  private control!: import("zeromq").Dealer;
  private iopub!: import("zeromq").Subscriber;
  private process!: ChildProcess;
  private key = randomBytes(16).toString("hex");
  private session = randomUUID();
  private connectionFile = "";
  private hbAddress = "";
  private listeners = new Map<string, (msg: Message) => void>();
  private replies = new Map<string, (msg: Message) => void>();
  private stderr = "";
  exited: { code: number | null; signal: string | null } | undefined;
  private onExit: (() => void)[] = [];

  /** Starts a kernel in `cwd` and waits until it answers kernel_info (or throws after `startTimeoutMs`). */
  static async start(options: { cwd: string; env?: NodeJS.ProcessEnv; spec?: KernelSpec; startTimeoutMs?: number }): Promise<Kernel> {
    const k = new Kernel();
    await k.launch(options.cwd, options.env ?? {}, options.spec ?? tslabKernelSpec(), options.startTimeoutMs ?? 60_000);
    return k;
  }

  private async launch(cwd: string, env: NodeJS.ProcessEnv, spec: KernelSpec, startTimeoutMs: number): Promise<void> {
    this.zmq = await import("zeromq");
    const ports = { shell_port: await freePort(), iopub_port: await freePort(), stdin_port: await freePort(), control_port: await freePort(), hb_port: await freePort() };
    const config = { ...ports, ip: "127.0.0.1", transport: "tcp", signature_scheme: "hmac-sha256", key: this.key, kernel_name: "tslab" };
    this.connectionFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "partition-lab-kernel-")), "connection.json");
    fs.writeFileSync(this.connectionFile, JSON.stringify(config));
    const argv = spec.argv.map((a) => a.replace("{connection_file}", this.connectionFile));
    this.process = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    this.process.stderr!.on("data", (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    live.add(this.process);
    this.process.on("exit", (code, signal) => {
      live.delete(this.process);
      this.exited = { code, signal };
      for (const f of this.onExit.splice(0)) f();
    });
    this.process.on("error", (err) => {
      this.stderr += String(err);
      this.exited = { code: -1, signal: null };
      for (const f of this.onExit.splice(0)) f();
    });

    const addr = (port: number) => `tcp://127.0.0.1:${port}`;
    this.hbAddress = addr(ports.hb_port);
    this.shell = new this.zmq.Dealer({ linger: 0 });
    this.control = new this.zmq.Dealer({ linger: 0 });
    this.iopub = new this.zmq.Subscriber({ linger: 0 });
    this.shell.connect(addr(ports.shell_port));
    this.control.connect(addr(ports.control_port));
    this.iopub.connect(addr(ports.iopub_port));
    this.iopub.subscribe();
    void this.pump(this.iopub, (m) => this.listeners.get(String(m.parent_header.msg_id))?.(m));
    void this.pump(this.shell, (m) => this.replies.get(String(m.parent_header.msg_id))?.(m));
    void this.pump(this.control, (m) => this.replies.get(String(m.parent_header.msg_id))?.(m));

    // kernel_info until it answers: also proves iopub is connected (a status message arrives).
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`the tslab kernel exited while starting (code ${this.exited.code}): ${this.stderr.trim()}`);
      if (Date.now() > deadline) throw new Error(`the tslab kernel did not answer within ${startTimeoutMs / 1000} s: ${this.stderr.trim()}`);
      const msg = newMessage(this.session, "kernel_info_request", {});
      let sawIopub = false;
      this.listeners.set(msg.header.msg_id, () => (sawIopub = true));
      const reply = await this.request(this.shell, msg, 1000);
      if (reply) {
        const until = Date.now() + 1000;
        while (!sawIopub && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        this.listeners.delete(msg.header.msg_id);
        if (sawIopub) return;
      }
      this.listeners.delete(msg.header.msg_id);
    }
  }

  /** The kernel's process id. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /**
   * One heartbeat round trip on the kernel's hb channel. Only asked between
   * cells: tslab answers heartbeats on its JavaScript thread, so a busy cell
   * would look dead (cell timeouts cover that case).
   */
  async heartbeat(timeoutMs: number): Promise<boolean> {
    const hb = new this.zmq.Request({ linger: 0, receiveTimeout: timeoutMs, sendTimeout: timeoutMs });
    try {
      hb.connect(this.hbAddress);
      await hb.send("ping");
      const [echo] = await hb.receive();
      return echo.toString() === "ping";
    } catch {
      return false;
    } finally {
      hb.close();
    }
  }

  private async pump(socket: import("zeromq").Dealer | import("zeromq").Subscriber, deliver: (m: Message) => void): Promise<void> {
    try {
      for await (const frames of socket) {
        try {
          deliver(decodeMessage(this.key, frames as Buffer[]));
        } catch {
          // A frame we cannot read is not ours; Jupyter clients drop it too.
        }
      }
    } catch {
      // socket closed
    }
  }

  private async request(socket: import("zeromq").Dealer, msg: Message, timeoutMs: number): Promise<Message | undefined> {
    const reply = new Promise<Message | undefined>((resolve) => {
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (m: Message | undefined) => {
        clearTimeout(timer);
        this.replies.delete(msg.header.msg_id);
        resolve(m);
      };
      this.replies.set(msg.header.msg_id, done);
      this.onExit.push(() => done(undefined));
    });
    await socket.send(encodeMessage(this.key, msg));
    return reply;
  }

  /**
   * Runs one cell. On timeout the kernel is interrupted (SIGINT, tslab's
   * interrupt mode) and, if it does not come back within a few seconds,
   * killed: the result then says "timeout" and the kernel is unusable.
   */
  async execute(code: string, timeoutMs: number, stopOnError = true): Promise<ExecuteResult> {
    if (this.exited) return { status: "dead", executionCount: null, outputs: [], error: this.deathError() };
    if (!(await this.heartbeat(HEARTBEAT_TIMEOUT_MS))) {
      await this.interruptOrKill();
      return { status: "dead", executionCount: null, outputs: [], error: { name: "DeadKernelError", message: `the kernel stopped answering heartbeats (none within ${HEARTBEAT_TIMEOUT_MS / 1000} s) and was killed`, traceback: [] } };
    }
    const msg = newMessage(this.session, "execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: stopOnError });
    const collector = new OutputCollector();
    let idle = false;
    let reply: Message | undefined;
    let wake: () => void = () => {};
    this.listeners.set(msg.header.msg_id, (m) => {
      if (m.header.msg_type === "status") idle = m.content.execution_state === "idle";
      else collector.add(m);
      wake();
    });
    this.replies.set(msg.header.msg_id, (m) => {
      reply = m;
      wake();
    });
    this.onExit.push(() => wake());
    await this.shell.send(encodeMessage(this.key, msg));
    const deadline = Date.now() + timeoutMs;
    let timedOut = false;
    while (!(idle && reply) && !this.exited) {
      const left = deadline - Date.now();
      if (left <= 0) {
        timedOut = true;
        break;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (timedOut) {
      await this.interruptOrKill();
      this.listeners.delete(msg.header.msg_id);
      this.replies.delete(msg.header.msg_id);
      return { status: "timeout", executionCount: null, outputs: collector.outputs, error: { name: "TimeoutError", message: `the cell did not finish within ${timeoutMs / 1000} s; the kernel was interrupted`, traceback: [] } };
    }
    this.listeners.delete(msg.header.msg_id);
    this.replies.delete(msg.header.msg_id);
    if (!reply) return { status: "dead", executionCount: null, outputs: collector.outputs, error: this.deathError() };
    const c = reply.content;
    const executionCount = typeof c.execution_count === "number" ? c.execution_count : null;
    if (c.status === "error") {
      return { status: "error", executionCount, outputs: collector.outputs, error: errorOf(c, collector.outputs) };
    }
    if (c.status !== "ok") {
      return { status: "error", executionCount, outputs: collector.outputs, error: { name: "CellAborted", message: `the kernel answered "${c.status}" (it aborts requests right after an error)`, traceback: [] } };
    }
    return { status: "ok", executionCount, outputs: collector.outputs };
  }

  private deathError() {
    const how = this.exited ? (this.exited.signal ? `signal ${this.exited.signal}` : `exit code ${this.exited.code}`) : "no reply";
    return { name: "DeadKernelError", message: `the kernel died (${how})${this.stderr.trim() ? `: ${this.stderr.trim().split("\n").slice(-3).join(" ")}` : ""}`, traceback: [] };
  }

  private async interruptOrKill(): Promise<void> {
    if (this.exited) return;
    this.process.kill("SIGINT");
    // tslab can only interrupt awaiting code; a busy synchronous loop needs a kill.
    await new Promise((r) => setTimeout(r, 2000));
    if (!this.exited) this.process.kill("SIGKILL");
  }

  /** Asks the kernel to shut down, then makes sure the process is gone. */
  async shutdown(): Promise<void> {
    if (!this.exited) {
      await this.request(this.control, newMessage(this.session, "shutdown_request", { restart: false }), 1000).catch(() => undefined);
      const gone = new Promise<void>((r) => (this.exited ? r() : this.onExit.push(r)));
      await Promise.race([gone, new Promise((r) => setTimeout(r, 1000))]);
      if (!this.exited) this.process.kill("SIGKILL");
    }
    for (const s of [this.shell, this.control, this.iopub]) s?.close();
    fs.rmSync(path.dirname(this.connectionFile), { recursive: true, force: true });
  }
}
