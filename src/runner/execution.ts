// One execute_request and what the kernel answered: its outputs, its reply,
// its busy/idle status, and the timestamps nbclient records as
// `metadata.execution` (the kernel's own message dates). Pure: messages in,
// state out; no sockets here.
import { OutputCollector, type Output } from "./outputs";
import { newMessage, type Message } from "./wire";

/**
 * nbclient's `record_timing` keys (nbclient/client.py, process_message and
 * _async_poll_for_reply), each taken from the header date of the message that
 * sets it. tslab publishes no execute_input, so that key stays absent, as it
 * does under nbclient.
 */
export type CellTiming = {
  "iopub.status.busy"?: string;
  "iopub.execute_input"?: string;
  "shell.execute_reply"?: string;
  "iopub.status.idle"?: string;
};

export type CellError = { name: string; message: string; traceback: string[] };

/** nbclient writes the kernel's date with microseconds ('%Y-%m-%dT%H:%M:%S.%fZ'); tslab sends milliseconds. */
export function nbclientTimestamp(date: string | undefined, now = new Date()): string {
  const parsed = date ? new Date(date) : now;
  const valid = Number.isNaN(parsed.getTime()) ? now : parsed;
  const fraction = date?.match(/\.(\d+)/)?.[1] ?? String(valid.getUTCMilliseconds()).padStart(3, "0");
  return `${valid.toISOString().slice(0, 19)}.${fraction.padEnd(6, "0").slice(0, 6)}Z`;
}

export class Execution {
  readonly msg: Message;
  readonly collector = new OutputCollector();
  readonly timing: CellTiming = {};
  reply: Message | undefined;
  idle = false;
  /** Local clock (ms): when the request was sent, and when its reply came. */
  sentAt = 0;
  repliedAt: number | undefined;

  constructor(session: string, code: string, stopOnError: boolean) {
    this.msg = newMessage(session, "execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: stopOnError });
  }

  get id(): string {
    return this.msg.header.msg_id;
  }

  /** Feeds one message whose parent is this request. */
  handle(msg: Message, channel: string): void {
    const type = msg.header.msg_type;
    if (channel !== "iopub") {
      if (type === "execute_reply" && !this.reply) {
        this.reply = msg;
        this.repliedAt = Date.now();
        this.timing["shell.execute_reply"] = nbclientTimestamp(msg.header.date);
      }
      return;
    }
    if (type === "status") {
      const state = msg.content.execution_state;
      if (state === "busy") this.timing["iopub.status.busy"] = nbclientTimestamp(msg.header.date);
      if (state === "idle") {
        this.idle = true;
        this.timing["iopub.status.idle"] = nbclientTimestamp(msg.header.date);
      }
      return;
    }
    if (type === "execute_input") this.timing["iopub.execute_input"] = nbclientTimestamp(msg.header.date);
    else this.collector.add(msg);
  }

  get outputs(): Output[] {
    return this.collector.outputs;
  }

  /** The execution count of the reply, if it carried one. */
  get executionCount(): number | null {
    const count = this.reply?.content.execution_count;
    return typeof count === "number" ? count : null;
  }

  /** The reply's status: "ok", "error", "abort"/"aborted" (tslab cancels queued requests after an error). */
  get status(): string | undefined {
    return this.reply?.content.status;
  }

  /**
   * The error of a failed cell. tslab leaves ename/evalue empty and prints the
   * stack to stderr instead, so fall back to the last "SomeError: message" line there.
   */
  error(): CellError {
    const reply = (this.reply?.content ?? {}) as { ename?: string; evalue?: string; traceback?: string[] };
    if (reply.ename) return { name: reply.ename, message: reply.evalue ?? "", traceback: reply.traceback ?? [] };
    const stderr = this.outputs.filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => (o as { text: string }).text).join("");
    const found = [...stderr.matchAll(/^(\w*(?:Error|Exception)\w*):? ?(.*)$/gm)].at(-1);
    return {
      name: found?.[1] ?? "Error",
      message: found?.[2] ?? (stderr.trim().split("\n").at(-1) || "the cell failed"),
      traceback: stderr ? stderr.trimEnd().split("\n") : reply.traceback ?? [],
    };
  }
}
