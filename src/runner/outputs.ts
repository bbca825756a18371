// Turns a cell's iopub messages into nbformat 4 outputs, as Jupyter's own
// clients do: consecutive stream texts of one name merge, clear_output empties
// the list (or does so at the next output when wait=true), and
// update_display_data rewrites earlier outputs with the same display id.
import type { Message } from "./wire";

export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown> }
  | { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export class OutputCollector {
  readonly outputs: Output[] = [];
  private displayIds = new Map<string, number[]>();
  private clearOnNext = false;

  /** Feeds one iopub message of this cell. */
  add(msg: Message): void {
    const c = msg.content;
    switch (msg.header.msg_type) {
      case "stream":
        return this.push({ output_type: "stream", name: c.name, text: c.text });
      case "display_data":
        return this.push({ output_type: "display_data", data: c.data, metadata: c.metadata ?? {} }, c.transient?.display_id);
      case "execute_result":
        return this.push({ output_type: "execute_result", data: c.data, metadata: c.metadata ?? {}, execution_count: c.execution_count ?? null }, c.transient?.display_id);
      case "error":
        return this.push({ output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] });
      case "update_display_data":
        for (const i of this.displayIds.get(c.transient?.display_id) ?? []) {
          const o = this.outputs[i];
          if (o && (o.output_type === "display_data" || o.output_type === "execute_result")) {
            o.data = c.data;
            o.metadata = c.metadata ?? {};
          }
        }
        return;
      case "clear_output":
        if (c.wait) this.clearOnNext = true;
        else this.clear();
        return;
    }
  }

  private clear(): void {
    this.outputs.length = 0;
    this.displayIds.clear();
    this.clearOnNext = false;
  }

  private push(o: Output, displayId?: string): void {
    if (this.clearOnNext) this.clear();
    const last = this.outputs.at(-1);
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
      last.text += o.text;
      return;
    }
    this.outputs.push(o);
    if (displayId) this.displayIds.set(displayId, [...(this.displayIds.get(displayId) ?? []), this.outputs.length - 1]);
  }
}
