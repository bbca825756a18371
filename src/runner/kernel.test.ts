// The kernel client under stress, against fake kernels that speak the Jupyter
// protocol and misbehave on purpose (fixtures/fake-kernel.cjs): every wait
// ends within its deadline with an error that says what was awaited, and a
// kernel that is slow but alive is left alone.
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Kernel, type Deadlines } from "./kernel";
import { Trail } from "./trail";

const FAKE = path.join(__dirname, "fixtures", "fake-kernel.cjs");
const SHORT: Partial<Deadlines> = { interruptMs: 1000, killMs: 3000, shutdownMs: 1000, idleAfterReplyMs: 1500, kernelStuckMs: 2000 };
const started: Kernel[] = [];

async function fake(mode = "normal", deadlines: Partial<Deadlines> = {}): Promise<Kernel> {
  const kernel = await Kernel.start({
    cwd: __dirname,
    spec: { argv: [process.execPath, FAKE, "--config-path", "{connection_file}", "--mode", mode] },
    deadlines: { ...SHORT, ...deadlines },
    trail: new Trail(`fake-${mode}`, false),
  });
  started.push(kernel);
  return kernel;
}

const seconds = (since: number) => (Date.now() - since) / 1000;
afterEach(async () => {
  await Promise.all(started.splice(0).map((k) => k.shutdown()));
});

describe("a kernel stopped with SIGSTOP", () => {
  it("during a cell: the cell times out, the report says the process is stopped, and the kernel is killed", async () => {
    const kernel = await fake();
    const t0 = Date.now();
    const pending = kernel.execute("sleep 5000", 1500, { what: "cell 4" });
    setTimeout(() => process.kill(kernel.pid!, "SIGSTOP"), 300);
    const outcome = await pending;
    expect(outcome.kind).toBe("timeout");
    expect(outcome.kind !== "done" && outcome.message).toMatch(/^cell 4 did not finish within 1\.5 s \(the kernel process is stopped \(SIGSTOP or SIGTSTP\);.*\); it did not answer the interrupt within 1 s, so the kernel was killed/);
    expect(seconds(t0)).toBeLessThan(1.5 + 1 + 3 + 2);
    expect(kernel.exited).toBe(true);
  }, 30_000);

  it("between cells: the next cell times out and names the stopped process", async () => {
    const kernel = await fake();
    const first = await kernel.execute("print one", 5000);
    expect(first.kind).toBe("done");
    expect(first.exec?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "one\n" }]);
    process.kill(kernel.pid!, "SIGSTOP");
    const t0 = Date.now();
    const outcome = await kernel.execute("print two", 1500);
    expect(outcome.kind).toBe("timeout");
    expect(outcome.kind !== "done" && outcome.message).toMatch(/stopped \(SIGSTOP/);
    expect(seconds(t0)).toBeLessThan(1.5 + 1 + 3 + 2);
  }, 30_000);
});

describe("a slow but living kernel", () => {
  it("that never answers heartbeats and blocks its JavaScript thread for seconds is not taken for dead", async () => {
    const kernel = await fake("deaf-heartbeat");
    const busy = await kernel.execute("busy 3000", 20_000);
    expect(busy.kind).toBe("done");
    expect(busy.exec?.status).toBe("ok");
    const after = await kernel.execute("print still here", 5000);
    expect(after.exec?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "still here\n" }]);
    expect(kernel.exited).toBe(false);
  }, 30_000);

  it("that is interrupted while awaiting answers the interrupt and stays usable", async () => {
    const kernel = await fake();
    const outcome = await kernel.execute("sleep 10000", 1000, { what: "cell 2" });
    expect(outcome.kind).toBe("timeout");
    expect(outcome.kind !== "done" && outcome.message).toMatch(/^cell 2 did not finish within 1 s \(the kernel process is sleeping.*\); the kernel was interrupted$/);
    expect(kernel.exited).toBe(false);
    expect((await kernel.execute("print next", 5000)).kind).toBe("done");
  }, 30_000);
});

describe("a kernel that breaks the protocol", () => {
  it("that never publishes idle after its reply fails the cell once idleAfterReplyMs has passed", async () => {
    const kernel = await fake("no-idle");
    const t0 = Date.now();
    const outcome = await kernel.execute("print lost?", 20_000, { what: "cell 3" });
    expect(outcome.kind).toBe("no-idle");
    expect(outcome.kind !== "done" && outcome.message).toBe('cell 3: the kernel sent execute_reply (status ok) but no "idle" status on iopub within 1.5 s, so its outputs may be incomplete');
    expect(seconds(t0)).toBeGreaterThanOrEqual(1.4);
    expect(seconds(t0)).toBeLessThan(1.5 + 3);
  }, 30_000);

  it("that never answers kernel_info while it sleeps is reported wedged and killed", async () => {
    const t0 = Date.now();
    const error = await fake("mute").then(() => undefined, (err: Error) => err);
    expect(error?.name).toBe("KernelStartError");
    expect(error?.message).toMatch(/has not answered kernel_info_request in \d+ s and has used no CPU for the last [23] s \(the kernel process is sleeping.*\): it is wedged/);
    expect(seconds(t0)).toBeLessThan(15);
  }, 30_000);

  it("that keeps running after shutdown_request is killed at the shutdown deadline", async () => {
    const kernel = await fake("no-exit");
    const t0 = Date.now();
    await kernel.shutdown();
    expect(kernel.exited).toBe(true);
    expect(seconds(t0)).toBeGreaterThanOrEqual(0.9);
    expect(seconds(t0)).toBeLessThan(1 + 3 + 1);
  }, 30_000);

  it("that dies during a cell is reported dead at once, with its exit code", async () => {
    const kernel = await fake();
    const t0 = Date.now();
    const pending = kernel.execute("sleep 10000", 20_000);
    setTimeout(() => process.kill(kernel.pid!, "SIGKILL"), 300);
    const outcome = await pending;
    expect(outcome.kind).toBe("dead");
    expect(outcome.kind !== "done" && outcome.message).toBe("the kernel died (signal SIGKILL)");
    expect(seconds(t0)).toBeLessThan(5);
  }, 30_000);
});
