// One request's state from the messages about it, and nbclient's timestamps.
import { describe, expect, it } from "vitest";
import { Execution, nbclientTimestamp } from "./execution";
import { newMessage } from "./wire";

describe("nbclientTimestamp", () => {
  it("writes the kernel's date with microseconds, as nbclient's strftime('%Y-%m-%dT%H:%M:%S.%fZ') does", () => {
    expect(nbclientTimestamp("2024-05-01T10:20:30.123Z")).toBe("2024-05-01T10:20:30.123000Z");
    expect(nbclientTimestamp("2024-05-01T10:20:30.123456Z")).toBe("2024-05-01T10:20:30.123456Z");
  });

  it("falls back to the local clock for a date it cannot read", () => {
    expect(nbclientTimestamp("not a date", new Date("2024-05-01T00:00:00.5Z"))).toBe("2024-05-01T00:00:00.500000Z");
  });
});

describe("Execution", () => {
  it("collects outputs, the reply and the timestamps of the messages whose parent it is", () => {
    const exec = new Execution("s", "console.log(1)", true);
    const parent = exec.msg.header;
    const at = (date: string, m: ReturnType<typeof newMessage>) => ((m.header.date = date), m);
    exec.handle(at("2024-01-01T00:00:01.000Z", newMessage("k", "status", { execution_state: "busy" }, parent)), "iopub");
    exec.handle(newMessage("k", "stream", { name: "stdout", text: "1\n" }, parent), "iopub");
    exec.handle(at("2024-01-01T00:00:02.000Z", newMessage("k", "execute_reply", { status: "ok", execution_count: 7 }, parent)), "shell");
    expect(exec.idle).toBe(false);
    exec.handle(at("2024-01-01T00:00:03.000Z", newMessage("k", "status", { execution_state: "idle" }, parent)), "iopub");
    expect(exec.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "1\n" }]);
    expect(exec.executionCount).toBe(7);
    expect(exec.status).toBe("ok");
    expect(exec.timing).toEqual({
      "iopub.status.busy": "2024-01-01T00:00:01.000000Z",
      "shell.execute_reply": "2024-01-01T00:00:02.000000Z",
      "iopub.status.idle": "2024-01-01T00:00:03.000000Z",
    });
  });
});
