// The build's last line of defence against a hang. Deadlines are timers, and
// a timer cannot fire while the main thread's event loop is blocked (say, by
// a busy loop in the embedded cluster, which runs in this process). So a
// worker thread watches the main thread's ticks and, if they stop, reports
// what was awaited and where the main thread is stuck, and ends the build
// (./watchdog-worker.ts).
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { describeActivity, onActivity } from "../runner/activity";
import { liveKernelPids } from "../runner/kernel-process";

export type Watchdog = { stop(): Promise<void> };

/** The compiled worker; from src/build (tests) and dist/build alike it lives in dist/. */
function workerScript(): string {
  return path.resolve(__dirname, "..", "..", "dist", "build", "watchdog-worker.js");
}

/** Starts watching; a main thread blocked for `blockedMs` ends the process with a report on stderr. */
export function startWatchdog(blockedMs = 60_000): Watchdog {
  const worker = new Worker(workerScript(), { workerData: { blockedMs } });
  worker.unref();
  const post = () => worker.postMessage({ tick: true, activity: describeActivity(), pids: liveKernelPids() });
  post();
  const ticker = setInterval(post, Math.min(1000, blockedMs / 4));
  ticker.unref();
  const off = onActivity(post);
  return {
    async stop() {
      off();
      clearInterval(ticker);
      await worker.terminate();
    },
  };
}
