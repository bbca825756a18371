// Injected into the browser bundles for code written for Node (kafkajs and
// the cluster use the global `Buffer` and a little of `process`).
import { Buffer } from "buffer";

const started = performance.now();

/** process.hrtime as kafkajs uses it: [seconds, nanoseconds], optionally since `previous`. */
function hrtime(previous?: [number, number]): [number, number] {
  const now = (performance.now() - started) * 1e6;
  const ns = previous ? now - (previous[0] * 1e9 + previous[1]) : now;
  return [Math.floor(ns / 1e9), Math.floor(ns % 1e9)];
}

const process = {
  env: {} as Record<string, string | undefined>,
  hrtime,
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  platform: "browser",
  versions: {},
};

export { Buffer, process };
