// The watchdog's own thread (see ./watchdog.ts). The main thread ticks every
// second; when no tick has come for `blockedMs`, its event loop is blocked, so
// no timer there can fire: this thread writes what the build was waiting for
// and where the main thread is stuck (its JavaScript stack, taken through the
// inspector), kills the kernels and ends the process.
import * as fs from "node:fs";
import * as inspector from "node:inspector";
import { parentPort, workerData } from "node:worker_threads";

type Frame = { functionName: string; url: string; location: { lineNumber: number; columnNumber: number } };

const { blockedMs } = workerData as { blockedMs: number };
let lastTick = Date.now();
let activity: string[] = [];
let pids: number[] = [];

parentPort!.on("message", (m: { tick?: true; activity?: string[]; pids?: number[] }) => {
  lastTick = Date.now();
  if (m.activity) activity = m.activity;
  if (m.pids) pids = m.pids;
});

/** The main thread's stack, paused from here; undefined if it does not pause within `ms` (stuck outside JavaScript). */
function mainThreadStack(ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const session = new inspector.Session();
    const done = (stack: string | undefined) => {
      clearTimeout(timer);
      try {
        session.disconnect();
      } catch {
        // already gone
      }
      resolve(stack);
    };
    const timer = setTimeout(() => done(undefined), ms);
    try {
      session.connectToMainThread();
      session.on("Debugger.paused", (event: { params: { callFrames: Frame[] } }) => {
        const frames = event.params.callFrames.slice(0, 15);
        done(frames.map((f) => `    at ${f.functionName || "(anonymous)"} (${f.url}:${f.location.lineNumber + 1}:${f.location.columnNumber + 1})`).join("\n"));
      });
      session.post("Debugger.enable", () => session.post("Debugger.pause"));
    } catch {
      done(undefined);
    }
  });
}

async function report(): Promise<void> {
  const stack = await mainThreadStack(3000);
  const lines = [
    `\npartition-lab build: the main thread has not run for ${((Date.now() - lastTick) / 1000).toFixed(0)} s (its event loop is blocked, so no deadline can fire).`,
    activity.length > 0 ? `It was waiting for:\n${activity.map((a) => `  - ${a}`).join("\n")}` : "It was not waiting for any notebook.",
    stack ? `The main thread is stuck here:\n${stack}` : "The main thread did not pause within 3 s: it is blocked outside JavaScript.",
    `Killing ${pids.length} kernel(s) and the build.`,
  ];
  fs.writeSync(2, lines.join("\n") + "\n");
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  process.kill(process.pid, "SIGKILL");
}

const check = setInterval(() => {
  if (Date.now() - lastTick < blockedMs) return;
  clearInterval(check);
  void report();
}, Math.min(1000, blockedMs / 4));
