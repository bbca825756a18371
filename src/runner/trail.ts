// The message trail of one kernel: every message the runner sends and
// receives (type, ids, timing) and every event of the kernel process. With
// PARTITION_LAB_DEBUG=1 each line is written to a file as it happens (so even
// a run that is killed leaves its trail); otherwise the last lines are kept in
// memory and written out only when the run fails, so a failure report can
// always name a file.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Message } from "./wire";

/** How many lines a trail keeps in memory when it is not streaming to a file. */
const KEPT_LINES = 400;

/** Where trails go: $PARTITION_LAB_DEBUG_DIR, else <tmp>/partition-lab-debug. */
export function trailDirectory(): string {
  return process.env.PARTITION_LAB_DEBUG_DIR || path.join(os.tmpdir(), "partition-lab-debug");
}

export function debugEnabled(): boolean {
  return Boolean(process.env.PARTITION_LAB_DEBUG) && process.env.PARTITION_LAB_DEBUG !== "0";
}

let counter = 0;

const shortId = (id: unknown) => (typeof id === "string" ? id.slice(0, 8) : "-");

/** One line describing a Jupyter message: type, its id and its parent's, and what matters of its content. */
export function describeMessage(msg: Message): string {
  const c = msg.content ?? {};
  const parts = [msg.header.msg_type, `id=${shortId(msg.header.msg_id)}`];
  if (msg.parent_header?.msg_id) parts.push(`parent=${shortId(msg.parent_header.msg_id)}`);
  if (msg.header.msg_type === "status") parts.push(String(c.execution_state));
  if (typeof c.status === "string") parts.push(`status=${c.status}`);
  if (typeof c.execution_count === "number") parts.push(`count=${c.execution_count}`);
  if (msg.header.msg_type === "stream") parts.push(`${c.name} ${JSON.stringify(String(c.text).slice(0, 60))}`);
  if (msg.header.date) parts.push(`date=${msg.header.date}`);
  return parts.join(" ");
}

export class Trail {
  private readonly started = Date.now();
  private readonly lines: string[] = [];
  private fd: number | undefined;
  private path: string | undefined;

  /** `label` names the trail's file (usually the notebook's file name). */
  constructor(private readonly label: string, stream = debugEnabled()) {
    this.lines.push(`# partition-lab runner trail: ${label}, started ${new Date(this.started).toISOString()}, runner pid ${process.pid}`);
    if (stream) this.open();
  }

  /** The file this trail is written to, once it is. */
  get file(): string | undefined {
    return this.path;
  }

  /** Records an event (spawn, exit, signal, deadline…). */
  note(text: string): void {
    this.add(`${this.stamp()}  ${text}`);
  }

  /** Records a message sent (`>`) or received (`<`) on `channel`. */
  message(direction: ">" | "<", channel: string, msg: Message): void {
    this.add(`${this.stamp()}  ${direction} ${channel.padEnd(7)} ${describeMessage(msg)}`);
  }

  /** Makes sure the trail is on disk and returns its file. */
  save(): string {
    if (!this.path) this.open();
    return this.path!;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private stamp(): string {
    return `+${((Date.now() - this.started) / 1000).toFixed(3).padStart(8)}s`;
  }

  private add(line: string): void {
    if (this.fd !== undefined) {
      fs.writeSync(this.fd, line + "\n");
      return;
    }
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(1, this.lines.length - KEPT_LINES, "… (earlier lines dropped)");
  }

  private open(): void {
    const dir = trailDirectory();
    fs.mkdirSync(dir, { recursive: true });
    const when = new Date(this.started).toISOString().replace(/[:.]/g, "-");
    const name = `${when}-${process.pid}-${++counter}-${path.basename(this.label).replace(/[^\w.-]/g, "_")}.log`;
    this.path = path.join(dir, name);
    this.fd = fs.openSync(this.path, "a");
    fs.writeSync(this.fd, this.lines.join("\n") + "\n");
    this.lines.length = 0;
  }
}
