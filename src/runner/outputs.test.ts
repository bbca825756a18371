import { describe, expect, it } from "vitest";
import { OutputCollector } from "./outputs";
import { decodeMessage, encodeMessage, newMessage, type Message } from "./wire";

const msg = (msg_type: string, content: unknown): Message => ({ ...newMessage("s", msg_type, content) });

describe("output collection", () => {
  it("merges streams, keeps execute_result counts, and applies update_display_data and clear_output", () => {
    const c = new OutputCollector();
    c.add(msg("stream", { name: "stdout", text: "a" }));
    c.add(msg("stream", { name: "stdout", text: "b\n" }));
    c.add(msg("display_data", { data: { "text/plain": "v1" }, metadata: {}, transient: { display_id: "d" } }));
    c.add(msg("execute_result", { data: { "text/plain": "42" }, metadata: {}, execution_count: 3 }));
    c.add(msg("update_display_data", { data: { "text/plain": "v2" }, metadata: {}, transient: { display_id: "d" } }));
    expect(c.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "ab\n" },
      { output_type: "display_data", data: { "text/plain": "v2" }, metadata: {} },
      { output_type: "execute_result", data: { "text/plain": "42" }, metadata: {}, execution_count: 3 },
    ]);
    c.add(msg("clear_output", { wait: true }));
    expect(c.outputs).toHaveLength(3);
    c.add(msg("error", { ename: "E", evalue: "v", traceback: ["t"] }));
    expect(c.outputs).toEqual([{ output_type: "error", ename: "E", evalue: "v", traceback: ["t"] }]);
  });

  it("signs messages with HMAC-SHA256 and rejects a forged signature", () => {
    const m = newMessage("session", "execute_request", { code: "1" });
    const frames = encodeMessage("secret", m);
    expect(decodeMessage("secret", [Buffer.from("id"), ...frames]).content).toEqual({ code: "1" });
    expect(() => decodeMessage("other-key", frames)).toThrow(/signature/);
  });
});
