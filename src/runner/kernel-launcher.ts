// The tslab kernel, started so that it cannot wedge itself on zeromq 6.
// Run as `node kernel-launcher.js --config-path FILE` (see ./kernel-argv.ts);
// it is tslab's own kernel with one method replaced: ZmqServer.init.
//
// Two bugs of tslab 1.0.22 (dist/jupyter.js) on zeromq 6, both seen here:
// - init() starts reading the shell, control and heartbeat sockets before
//   `await Promise.all([bind…])` has finished. zeromq 6 marks a socket that is
//   binding as blocked (src/socket.cc, ValidateOpen): a message that arrives in
//   that window is read, but the reply or the status message then throws EBUSY
//   ("Socket is blocked by a bind or unbind operation") and the next receive
//   throws too, which ends that socket's loop for good: the kernel lives on and
//   never answers kernel_info (shell) or heartbeats (hb) again.
// - replies are sent with `sock.send(...)` and never awaited. zeromq 6 completes
//   512 sends in a row synchronously, then defers one; a send made before the
//   deferred one is out throws EBUSY ("Socket is busy writing"). A cell that
//   prints a few hundred lines at once loses its output, its reply and its
//   `idle` status that way, and the client waits forever.
// This init binds every socket first and only then reads from them, and
// queues each socket's sends one after another. One limit of ZeroMQ itself
// too: a PUB socket silently drops what exceeds its high-water mark (1000
// messages per subscriber), and tslab publishes one message per console.log,
// so iopub has no such limit here (ipykernel avoids it by batching output).
import * as fs from "node:fs";
import type * as zmq from "zeromq";
import { ZmqServer } from "tslab/dist/jupyter";
import { startKernel } from "tslab/dist/main";
import { BIND_FAILED_EXIT } from "./kernel-argv";

type Sendable = { send(parts: Buffer[] | string[]): Promise<void>; close(): void };

/** Writes to the process's real stderr: tslab points process.stderr at the running cell. */
function logToStderr(line: string): void {
  fs.writeSync(2, `partition-lab kernel launcher: ${line}\n`);
}

function die(line: string, code: number): never {
  logToStderr(line);
  process.exit(code);
}

/** The socket as tslab sees it: sends queued in order, close after the last send. */
function serialized<S extends Sendable>(socket: S, name: string): S {
  let queue: Promise<void> = Promise.resolve();
  const send = (parts: Buffer[] | string[]) => {
    queue = queue.then(() => socket.send(parts)).catch((err: Error) => logToStderr(`a message on ${name} was lost: ${err.message}`));
    return queue;
  };
  const close = () => void queue.then(() => socket.close());
  return new Proxy(socket, {
    get(target, prop) {
      if (prop === "send") return send;
      if (prop === "close") return close;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Reads `socket` until it closes, handing each message to `handle`. */
async function serve(socket: AsyncIterable<Buffer[]>, name: string, handle: (frames: Buffer[]) => unknown): Promise<void> {
  try {
    for await (const frames of socket) await handle(frames);
  } catch (err) {
    if (!/closed|EBADF|ETERM/i.test(String(err))) logToStderr(`${name} stopped reading: ${(err as Error).message}`);
  }
}

async function init(this: ZmqServer): Promise<void> {
  const zmqModule: typeof zmq = await import("zeromq");
  this.connInfo = JSON.parse(fs.readFileSync(this.configPath, "utf8"));
  const c = this.connInfo;
  const iopub = new zmqModule.Publisher({ sendHighWaterMark: 0 });
  const shell = new zmqModule.Router();
  const control = new zmqModule.Router();
  const stdin = new zmqModule.Router();
  const hb = new zmqModule.Reply();
  for (const [socket, port] of [[iopub, c.iopub_port], [shell, c.shell_port], [control, c.control_port], [stdin, c.stdin_port], [hb, c.hb_port]] as const) {
    const address = `${c.transport}://${c.ip}:${port}`;
    await socket.bind(address).catch((err: Error) => die(`cannot bind ${address}: ${err.message}`, BIND_FAILED_EXIT));
  }
  this.iopub = serialized(iopub, "iopub");
  this.stdin = stdin;
  this.hb = hb;
  const shellOut = serialized(shell, "shell");
  const controlOut = serialized(control, "control");
  this.shell = shellOut;
  this.control = controlOut;
  // As tslab does: shell messages are not awaited, so requests that arrive
  // while a cell runs wait in tslab's own execution queue (Run All relies on it).
  const dispatch = (out: zmq.Router, frames: Buffer[]) =>
    void this.handleShellMessage(out, ...frames).catch((err: Error) => logToStderr(`a request failed: ${err.message}`));
  void serve(shell, "shell", (frames) => dispatch(shellOut, frames));
  void serve(control, "control", (frames) => dispatch(controlOut, frames));
  void serve(hb, "heartbeat", (frames) => hb.send(frames));
}

function main(argv: string[]): void {
  const at = argv.indexOf("--config-path");
  const configPath = at >= 0 ? argv[at + 1] : undefined;
  if (!configPath) die("usage: kernel-launcher --config-path CONNECTION_FILE", 2);
  if (typeof ZmqServer.prototype.handleShellMessage !== "function") die("this tslab has no ZmqServer.handleShellMessage; the launcher is written for tslab 1.0.x", 1);
  ZmqServer.prototype.init = function (this: ZmqServer) {
    return init.call(this).catch((err: Error) => die(`the kernel could not start: ${err.stack ?? err.message}`, 1));
  };
  startKernel({ configPath, enableFindLocal: false });
}

if (require.main === module) main(process.argv.slice(2));
