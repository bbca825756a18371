// The client side of a kernel's ZeroMQ channels (shell, control, iopub):
// every message is signed, sent with a deadline, recorded in the trail, and
// every message received is routed by its parent's msg_id to whoever waits
// for it. The heartbeat channel is not used: tslab echoes heartbeats on its
// JavaScript thread, so a kernel busy compiling looks dead there.
import type * as zmq from "zeromq";
import type { Trail } from "./trail";
import { decodeMessage, encodeMessage, type Message } from "./wire";

export type Ports = { shell_port: number; iopub_port: number; stdin_port: number; control_port: number; hb_port: number };
export type Channel = "shell" | "control" | "iopub";
type Listener = (msg: Message, channel: Channel) => void;

export class KernelChannels {
  private readonly shell: zmq.Dealer;
  private readonly control: zmq.Dealer;
  private readonly iopub: zmq.Subscriber;
  private readonly listeners = new Map<string, Listener>();
  private readonly anyMessage = new Set<() => void>();
  private closed = false;

  constructor(zmqModule: typeof zmq, ports: Ports, private readonly key: string, private readonly trail: Trail, sendTimeoutMs: number) {
    const addr = (port: number) => `tcp://127.0.0.1:${port}`;
    // sendTimeout: a send that cannot be queued fails instead of waiting forever.
    this.shell = new zmqModule.Dealer({ linger: 0, sendTimeout: sendTimeoutMs });
    this.control = new zmqModule.Dealer({ linger: 0, sendTimeout: sendTimeoutMs });
    this.iopub = new zmqModule.Subscriber({ linger: 0, receiveHighWaterMark: 0 }); // a cell's output is never dropped
    this.shell.connect(addr(ports.shell_port));
    this.control.connect(addr(ports.control_port));
    this.iopub.connect(addr(ports.iopub_port));
    this.iopub.subscribe();
    void this.pump(this.shell, "shell");
    void this.pump(this.control, "control");
    void this.pump(this.iopub, "iopub");
  }

  /**
   * Sends `msg`; the reply and iopub messages whose parent is `msg` go to
   * `listener` until `forget(msg)`. Rejects if the socket does not take the
   * message in time.
   */
  async send(channel: "shell" | "control", msg: Message, listener?: Listener): Promise<void> {
    if (listener) this.listeners.set(msg.header.msg_id, listener);
    this.trail.message(">", channel, msg);
    const socket = channel === "shell" ? this.shell : this.control;
    try {
      await socket.send(encodeMessage(this.key, msg));
    } catch (err) {
      this.trail.note(`send of ${msg.header.msg_type} on ${channel} failed: ${(err as Error).message}`);
      throw new Error(`could not send ${msg.header.msg_type} on the ${channel} channel: ${(err as Error).message}`);
    }
  }

  forget(msg: Message): void {
    this.listeners.delete(msg.header.msg_id);
  }

  /** Calls `fn` after every message received (waiters re-check their condition). */
  onAnyMessage(fn: () => void): () => void {
    this.anyMessage.add(fn);
    return () => this.anyMessage.delete(fn);
  }

  close(): void {
    this.closed = true;
    for (const s of [this.shell, this.control, this.iopub]) s.close();
  }

  private async pump(socket: zmq.Dealer | zmq.Subscriber, channel: Channel): Promise<void> {
    try {
      for await (const frames of socket) {
        let msg: Message;
        try {
          msg = decodeMessage(this.key, frames as Buffer[]);
        } catch (err) {
          this.trail.note(`dropped an unreadable message on ${channel}: ${(err as Error).message}`);
          continue;
        }
        this.trail.message("<", channel, msg);
        const parent = msg.parent_header?.msg_id;
        if (parent) this.listeners.get(parent)?.(msg, channel);
        for (const fn of this.anyMessage) fn();
      }
    } catch (err) {
      if (!this.closed) this.trail.note(`${channel} stopped reading: ${(err as Error).message}`);
    }
  }
}
